import "server-only";
import { fileStorage, newStorageKey } from "@/lib/storage";
import type { Translate } from "@/lib/i18n/messages";
import { UserFacingError } from "@/lib/mutation";
import { checkUpload, cleanFileName, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_TOTAL_BYTES } from "./rules";

export type StoredFile = { storageKey: string; fileName: string; mimeType: string; sizeBytes: number };

/** Browsers send an empty, nameless part when the file input was left empty. */
export const chosenFiles = (values: FormDataEntryValue[]): File[] =>
  values.filter((v): v is File => typeof v !== "string" && v.size > 0 && v.name !== "");

/**
 * The one upload path (obstacle attachments and follow-up evidence). Checks every file first (one bad file refuses the whole submission, with its name in the
 * message), then writes them. The caller records rows in its transaction and calls
 * `discard` if that transaction fails, so no orphan bytes stay behind.
 */
export async function storeUploads(
  files: File[],
  t: Translate,
  field = "files",
): Promise<{ stored: StoredFile[]; discard: () => Promise<void> }> {
  if (files.length > MAX_FILES_PER_UPLOAD)
    throw new UserFacingError(t("obstacles.tooManyFiles"), { [field]: [t("obstacles.tooManyFiles")] });
  if (files.reduce((sum, f) => sum + f.size, 0) > MAX_UPLOAD_TOTAL_BYTES)
    throw new UserFacingError(t("obstacles.totalTooLarge"), { [field]: [t("obstacles.totalTooLarge")] });
  const checked: (StoredFile & { bytes: Uint8Array })[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name);
    const check = checkUpload(fileName, bytes.subarray(0, 8), bytes.byteLength);
    if (!check.ok) {
      const text = t(`obstacles.${check.problem}`, { name: fileName });
      throw new UserFacingError(text, { [field]: [text] });
    }
    checked.push({
      storageKey: newStorageKey(),
      fileName,
      mimeType: check.mimeType,
      sizeBytes: bytes.byteLength,
      bytes,
    });
  }
  const storage = fileStorage();
  const stored: StoredFile[] = [];
  const discard = async () => {
    await Promise.all(stored.map((f) => storage.remove(f.storageKey)));
  };
  try {
    for (const { bytes, ...meta } of checked) {
      await storage.put(meta.storageKey, bytes);
      stored.push(meta);
    }
  } catch (err) {
    await discard();
    throw err;
  }
  return { stored, discard };
}
