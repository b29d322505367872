import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getProgressAttachment } from "@/lib/resolutions/queries";
import { readFile } from "@/lib/storage";

// A progress report's file, for anyone who may read the resolution it belongs to.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "case.read")) return new Response("Forbidden", { status: 403 });
  const attachment = await getProgressAttachment(user, (await params).id);
  if (!attachment) return new Response("Not found", { status: 404 });
  const body = await readFile(attachment.storageKey);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(body.length),
      // Always a download: a stored HTML or SVG file must never run in our origin.
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
