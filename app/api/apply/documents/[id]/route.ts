import { Readable } from "node:stream";
import { NotFound, route } from "@/lib/route";
import { contentDisposition } from "@/lib/attachments/rules";
import { ownDocumentForDownload } from "@/lib/requests/queries";
import { fileStorage } from "@/lib/storage";

// An applicant's own uploaded documents (issue #32), served like every attachment: as a
// download, sniffing off, streamed from storage. Anyone else's answers "not found".
export const GET = route({ permission: "request.file" }, async ({ user, params }) => {
  const document = await ownDocumentForDownload(user, params.id ?? "");
  const file = document ? await fileStorage().getStream(document.storageKey) : null;
  if (!document || !file) throw new NotFound();
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": document.mimeType,
      "Content-Length": String(document.sizeBytes),
      "Content-Disposition": contentDisposition(document.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
