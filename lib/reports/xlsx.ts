import "server-only";
import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { contentDisposition, XLSX_MIME } from "@/lib/attachments/rules";
import {
  room,
  tableSource,
  type Cell,
  type Column,
  type ColumnHead,
  type Progress,
  type TableSource,
} from "./table";

// The one spreadsheet writer: every export (registry, register, session resolutions,
// scorecard) goes through writeXlsx, so they look and download alike. It is exceljs's
// streaming writer: rows go out as they are written, so a national register never sits in
// memory whole (docs/decisions/060-streamed-exports.md).

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

const columnWidth = (c: ColumnHead) => c.width ?? Math.min(60, Math.max(12, c.header.length + 4));

/**
 * Writes the tables as one .xlsx workbook into `out` and ends it: one sheet per table,
 * right-to-left when the table says so (Persian), a bold frozen header row. Each row is
 * committed as soon as it is added; between batches it waits for `out` to want more.
 * Resolves with the number of data rows written.
 */
export async function writeXlsx(
  out: Writable,
  tables: TableSource[],
  onProgress?: Progress,
): Promise<number> {
  // Inline strings, not a shared-strings table: the table would hold every distinct text
  // until the end, which is the memory this writer exists to avoid.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Tashil";
  let written = 0;
  for (const table of tables) {
    const headerRow = table.title ? 2 : 1;
    // Excel refuses sheet names longer than 31 characters.
    const ws = workbook.addWorksheet(table.sheetName.slice(0, 31), {
      views: [{ rightToLeft: table.rtl, state: "frozen", ySplit: headerRow }],
    });
    // Column styles are set before the first row: a streamed row cannot be restyled later.
    ws.columns = table.columns.map((c) => ({
      width: columnWidth(c),
      ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: "top" } } } : {}),
    }));
    if (table.title) {
      const titleRow = ws.addRow([table.title]);
      titleRow.font = { bold: true, size: 13 };
      ws.mergeCells(1, 1, 1, Math.max(1, table.columns.length));
      titleRow.commit();
    }
    const header = ws.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of table.batches) {
      for (const cells of batch) ws.addRow(cells).commit();
      written += batch.length;
      await onProgress?.(written);
      await room(out);
    }
    ws.commit();
  }
  await workbook.commit();
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
