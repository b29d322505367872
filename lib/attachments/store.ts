import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { fileStorage, newStorageKey } from "@/lib/storage";
import { isStorageUnavailable } from "@/lib/storage/outage";
import type { Translate } from "@/lib/i18n/messages";
import { UserFacingError } from "@/lib/mutation";
import { checkUpload, cleanFileName, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_TOTAL_BYTES } from "./rules";

export type StoredFile = { storageKey: string; fileName: string; mimeType: string; sizeBytes: number };

/** Browsers send an empty, nameless part when the file input was left empty. */
export const chosenFiles = (values: FormDataEntryValue[]): File[] =>
  values.filter((v): v is File => typeof v !== "string" && v.size > 0 && v.name !== "");

/**
 * The one upload path (obstacle attachments and follow-up evidence). Checks every file first
 * (one bad file refuses the whole submission, with its name in the message), then streams
 * them to storage: only the first bytes are read for the type check, so no second copy of a
 * file is made in memory (the S3 backend sends it part by part). The caller records rows in
 * its transaction and calls `discard` if that transaction fails, so no orphan bytes stay.
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
  const checked: (StoredFile & { file: File })[] = [];
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const fileName = cleanFileName(file.name);
    const check = checkUpload(fileName, head, file.size);
    if (!check.ok) {
      const text = t(`obstacles.${check.problem}`, { name: fileName });
      throw new UserFacingError(text, { [field]: [text] });
    }
    checked.push({
      storageKey: newStorageKey(),
      fileName,
      mimeType: check.mimeType,
      sizeBytes: file.size,
      file,
    });
  }
  const storage = fileStorage();
  const stored: StoredFile[] = [];
  const discard = async () => {
    await Promise.all(stored.map((f) => storage.remove(f.storageKey)));
  };
  try {
    for (const { file, ...meta } of checked) {
      // Recorded before the write: a write that fails halfway is discarded with the rest.
      stored.push(meta);
      const written = await storage.putStream(
        meta.storageKey,
        Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>),
      );
      if (written !== meta.sizeBytes) throw new Error(`stored ${written} of ${meta.sizeBytes} bytes`);
    }
  } catch (err) {
    // Storage that stopped answering would hold the user's answer another bound per file:
    // the deletes still go out, the answer does not wait for them.
    const discarded = discard().catch(() => undefined);
    if (!isStorageUnavailable(err)) await discarded;
    throw err;
  }
  return { stored, discard };
}
