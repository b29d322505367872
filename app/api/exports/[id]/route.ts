import { storedExportDownload } from "@/lib/exports/http";
import { route } from "@/lib/route";

/** A background export's file, for the user who asked for it, until it expires. */
export const GET = route({ permission: "case.read" }, (ctx) =>
  storedExportDownload(ctx, ctx.params.id ?? ""),
);
