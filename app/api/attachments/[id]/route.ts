import { NotFound, route } from "@/lib/route";
import { contentDisposition } from "@/lib/attachments/rules";
import { getAttachmentForDownload } from "@/lib/obstacles/queries";
import { fileStorage } from "@/lib/storage";

// Files are only ever served as downloads, with sniffing off, so an uploaded file can never
// run as a page of this site.
export const GET = route({ permission: "case.read" }, async ({ user, params }) => {
  const attachment = await getAttachmentForDownload(user, params.id ?? "");
  const bytes = attachment ? await fileStorage().get(attachment.storageKey) : null;
  if (!attachment || !bytes) throw new NotFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
