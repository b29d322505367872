import { Readable } from "node:stream";
import { NotFound, route } from "@/lib/route";
import { contentDisposition } from "@/lib/attachments/rules";
import { getAttachmentForDownload } from "@/lib/obstacles/queries";
import { fileStorage } from "@/lib/storage";

// Files are only ever served as downloads, with sniffing off, so an uploaded file can never
// run as a page of this site. The bytes are streamed from storage (disk or S3) to the client,
// never held whole in memory.
export const GET = route({ permission: "case.read" }, async ({ user, params }) => {
  const attachment = await getAttachmentForDownload(user, params.id ?? "");
  const file = attachment ? await fileStorage().getStream(attachment.storageKey) : null;
  if (!attachment || !file) throw new NotFound();
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
