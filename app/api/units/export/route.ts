import { exportDownload } from "@/lib/exports/http";

// The filtered list as .xlsx or .csv (?format=csv), with the filters of the page that linked
// here: streamed when small, a background job with progress when large (lib/exports/http.ts).
export function GET(request: Request) {
  return exportDownload(request, "units");
}
