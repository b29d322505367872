import "server-only";
import { PassThrough, type Readable } from "node:stream";
import type { Actor } from "@/lib/auth/policy";
import { XLSX_MIME } from "@/lib/attachments/rules";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { problem } from "@/lib/api/problem";
import { CSV_MIME } from "@/lib/reports/csv";
import { ExportCancelled, type ExportFormat, type TableExport } from "@/lib/reports/table";
import { downloadHeaders } from "@/lib/reports/xlsx";
import { buildExport } from "./kinds";
import { exportJobThreshold, requestExport, writeTable } from "./jobs";
import { openExportFile } from "./queries";
import type { ExportKind, ExportOptions } from "./schema";
import { errorFields, log } from "@/lib/observability/log";

// The HTTP side of exports, shared by the route handlers under app/api/**/export and
// app/api/exports/[id], so those stay a few lines each.

const mimeOf = (format: ExportFormat) => (format === "csv" ? CSV_MIME : XLSX_MIME);

/**
 * A Node stream as a web stream that reads a chunk only when the response asks for one.
 * Not `Readable.toWeb`: on Node 20 it queues up to 16,384 *chunks* ahead of the reader, so a
 * fast writer fills memory with the whole file while the socket drains it.
 */
export function pullStream(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = (await chunks.next()) as IteratorResult<Buffer>;
          if (done) controller.close();
          else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        // The download was cancelled: destroying the source stops the writer at its next batch.
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The export as a streamed download: the response starts at once and rows follow as they
 * are read, batch by batch; a cancelled download stops the reading.
 */
export function streamedExport(exp: TableExport, format: ExportFormat): Response {
  const out = new PassThrough();
  writeTable(out, exp.table(), format).catch((err: unknown) => {
    if (!(err instanceof ExportCancelled)) log.error(errorFields(err), "streamed export failed");
    // The status line has gone already: an aborted body is how the browser learns it failed.
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  // The reader cancelling destroys `out`; the writer notices at its next batch.
  out.on("error", () => {});
  return new Response(pullStream(out), {
    headers: downloadHeaders(mimeOf(format), `${exp.fileStem}.${format}`),
  });
}

/**
 * GET /api/<kind>/export with the list page's filters: small exports stream at once; above
 * the threshold (or `mode=job`) a background job is queued and the browser is sent to the
 * exports page, where its progress shows. `mode=stream` streams whatever the size.
 * Signed-in and permission checks are the route helper's (lib/route.ts).
 */
export async function exportDownload(
  { user, locale, request, query }: { user: Actor; locale: Locale; request: Request; query: ExportOptions },
  kind: ExportKind,
): Promise<Response> {
  const { format, mode } = query;
  const { format: _format, mode: _mode, ...filters } = Object.fromEntries(new URL(request.url).searchParams);
  const exp = buildExport(kind, user, filters, locale);
  if (mode === "job" || (mode === "auto" && (await exp.count()) > exportJobThreshold())) {
    const job = await requestExport(user, {
      kind,
      format,
      params: filters,
      locale,
      fileName: `${exp.fileStem}.${format}`,
    });
    return new Response(null, { status: 303, headers: { Location: `/exports?job=${job.id}` } });
  }
  return streamedExport(exp, format);
}

/** GET /api/exports/<id>: a prepared file, for its requester only, until it expires. */
export async function storedExportDownload(
  { user, t }: { user: Actor; t: Translate },
  id: string,
): Promise<Response> {
  const opened = await openExportFile(user, id);
  if ("error" in opened)
    return problem(opened.error === "expired" ? "gone" : "not-found", t, t(`exports.${opened.error}`));
  const headers = downloadHeaders(mimeOf(opened.format === "CSV" ? "csv" : "xlsx"), opened.fileName);
  if (opened.byteSize !== null) headers["Content-Length"] = String(opened.byteSize);
  return new Response(pullStream(opened.file), { headers });
}
