import { z } from "zod";

export const EXPORT_KINDS = ["resolutions", "units", "obstacles"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * The export links' own query parameters, next to the list's filters: the file format and,
 * for API users and the benchmark, whether to stream regardless of size or make a job.
 * Anything unknown falls back to the default rather than failing the download.
 */
export const exportOptionsSchema = z.object({
  format: z.enum(["xlsx", "csv"]).catch("xlsx").default("xlsx"),
  mode: z.enum(["auto", "stream", "job"]).catch("auto").default("auto"),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export const isExportKind = (v: string): v is ExportKind => (EXPORT_KINDS as readonly string[]).includes(v);
