import { exportDownload } from "@/lib/exports/http";
import { exportOptionsSchema } from "@/lib/exports/schema";
import { route } from "@/lib/route";

// The filtered list as .xlsx or .csv (?format=csv), with the filters of the page that linked
// here: streamed when small, a background job with progress when large (lib/exports/http.ts).
export const GET = route({ permission: "case.read", query: exportOptionsSchema }, (ctx) =>
  exportDownload(ctx, "resolutions"),
);
