import "server-only";
import { PassThrough, type Writable } from "node:stream";
import { ZipArchive } from "archiver";
import { contentDisposition, XLSX_MIME } from "@/lib/attachments/rules";
import { packageParts, rowXml, sheetEnd, sheetNames, sheetStart, STYLE } from "./xlsx-parts";
import {
  ExportCancelled,
  room,
  tableSource,
  type Cell,
  type Column,
  type ColumnHead,
  type Progress,
  type TableSource,
} from "./table";

// The one spreadsheet writer: every export (registry, register, session resolutions,
// scorecard) goes through writeXlsx, so they look and download alike. Rows go out as they
// are read, so a national register never sits in memory whole
// (docs/decisions/060-streamed-exports.md), and each row is written as XML text straight
// away (./xlsx-parts.ts, docs/decisions/062-xlsx-writer.md).

export type { Cell, Column, ColumnHead } from "./table";

/** One worksheet, rows already turned into cells; `title` adds a bold merged first row. */
export type Sheet = { name: string; title?: string; columns: ColumnHead[]; rows: Cell[][] };

/** A sheet from typed rows and columns that say how to read each cell. */
export function sheet<T>(
  name: string,
  columns: Column<T>[],
  rows: Iterable<T>,
  { title }: { title?: string } = {},
): Sheet {
  return {
    name,
    title,
    columns: columns.map(({ header, width, wrap }) => ({ header, width, wrap })),
    rows: Array.from(rows, (row) => columns.map((c) => c.value(row))),
  };
}

/**
 * Writes the tables as one .xlsx workbook into `out` and ends it: one sheet per table,
 * right-to-left when the table says so (Persian), a bold frozen header row. Each batch of
 * rows becomes XML text and goes into the zip as it is read; between batches it waits for
 * `out` to want more. Resolves with the number of data rows written.
 */
export async function writeXlsx(
  out: Writable,
  tables: TableSource[],
  onProgress?: Progress,
): Promise<number> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const finished = new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("warning", reject);
    out.on("close", () => resolve());
    out.on("finish", () => resolve());
    out.on("error", reject);
  });
  // Awaited only when every row is in; a failed read ends this function first, and the
  // caller destroys `out` with that error, which must not surface again as unhandled.
  finished.catch(() => {});
  zip.pipe(out);
  // The reader went away (a cancelled download): stop the zip and the sheet being written,
  // so the loop below meets ExportCancelled at its next batch instead of waiting forever.
  let sheet: PassThrough | undefined;
  out.once("close", () => {
    if (out.writableFinished) return;
    zip.abort();
    sheet?.destroy();
  });
  const names = sheetNames(tables.map((table) => table.sheetName));
  for (const part of packageParts(names)) zip.append(part.xml, { name: part.name });
  let written = 0;
  for (const [index, table] of tables.entries()) {
    // The sheet enters the zip as a stream: the zip deflates what it is given as `out`
    // drains, and `room(sheet)` holds the next batch back until it has.
    sheet = new PassThrough({ highWaterMark: 256 * 1024 });
    zip.append(sheet, { name: `xl/worksheets/sheet${index + 1}.xml` });
    const headerRow = table.title ? 2 : 1;
    const styles = table.columns.map((c) => (c.wrap ? STYLE.wrap : STYLE.plain));
    sheet.write(sheetStart(table.columns, { rtl: table.rtl, headerRow }));
    if (table.title) sheet.write(rowXml(1, [table.title], [STYLE.title]));
    sheet.write(
      rowXml(
        headerRow,
        table.columns.map((c) => c.header),
        table.columns.map(() => STYLE.header),
      ),
    );
    let row = headerRow;
    for await (const batch of table.batches) {
      let xml = "";
      for (const cells of batch) xml += rowXml(++row, cells, styles);
      sheet.write(xml);
      written += batch.length;
      await onProgress?.(written);
      if (out.destroyed || out.writableEnded) throw new ExportCancelled();
      await room(sheet);
    }
    sheet.end(sheetEnd(table.columns.length, { title: Boolean(table.title) }));
  }
  await zip.finalize();
  await finished;
  return written;
}

/** Everything a writer puts out, as bytes: for small sheets and for tests. */
export async function collect(write: (out: Writable) => Promise<unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  await Promise.all([write(out), ended]);
  const all = Buffer.concat(chunks);
  const bytes = new Uint8Array(new ArrayBuffer(all.length));
  bytes.set(all);
  return bytes;
}

/** A workbook of one or more sheets held in memory (small ones: a session, the scorecard). */
export async function writeWorkbook(
  sheets: Sheet[],
  { rtl }: { rtl: boolean },
): Promise<Uint8Array<ArrayBuffer>> {
  return collect((out) =>
    writeXlsx(
      out,
      sheets.map((s) => ({
        sheetName: s.name,
        title: s.title,
        columns: s.columns,
        rtl,
        batches: once(s.rows),
      })),
    ),
  );
}

async function* once<T>(rows: T[]) {
  yield rows;
}

/** One sheet as an .xlsx file. */
export async function toXlsx<T>(
  sheetName: string,
  columns: Column<T>[],
  rows: Iterable<T>,
  { rtl = true, title }: { rtl?: boolean; title?: string } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  return collect((out) =>
    writeXlsx(out, [tableSource(sheetName, columns, [Array.from(rows)], { rtl, title })]),
  );
}

/** The download response for every export: the .xlsx type, a safe UTF-8 file name, never cached. */
export function xlsxResponse(bytes: Uint8Array<ArrayBuffer>, fileName: string): Response {
  return new Response(bytes, { headers: downloadHeaders(XLSX_MIME, fileName) });
}

export function downloadHeaders(contentType: string, fileName: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": contentDisposition(fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}
