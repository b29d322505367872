import { storedExportDownload } from "@/lib/exports/http";

/** A background export's file, for the user who asked for it, until it expires. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return storedExportDownload((await params).id);
}
