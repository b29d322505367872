import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { contentDisposition } from "@/lib/attachments/rules";
import { getAttachmentForDownload } from "@/lib/obstacles/queries";
import { fileStorage } from "@/lib/storage";

// Files are only ever served as downloads, with sniffing off, so an uploaded file can never
// run as a page of this site.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  if (!can(user, "case.read")) return new Response(null, { status: 403 });
  const attachment = await getAttachmentForDownload(user, (await params).id);
  const bytes = attachment ? await fileStorage().get(attachment.storageKey) : null;
  if (!attachment || !bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
