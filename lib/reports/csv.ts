import "server-only";
import type { Writable } from "node:stream";
import { room, type Cell, type Progress, type TableSource } from "./table";

export const CSV_MIME = "text/csv; charset=utf-8";

// CSV for registers too large to be pleasant in a spreadsheet program: UTF-8 with a byte
// order mark (without it Excel reads Persian as Windows-1256 mojibake), CRLF line ends and
// RFC 4180 quoting. A text that starts like a formula (= + - @) gets a leading apostrophe so
// a spreadsheet program shows it instead of evaluating it (CSV injection); numbers stay
// numbers. The title row of a session export has no place in CSV and is left out.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: Cell[]) => `${cells.map(csvField).join(",")}\r\n`;

/** Writes the table as CSV into `out` and ends it; resolves with the number of data rows. */
export async function writeCsv(out: Writable, table: TableSource, onProgress?: Progress): Promise<number> {
  out.write(`\uFEFF${line(table.columns.map((c) => c.header))}`);
  let written = 0;
  for await (const batch of table.batches) {
    out.write(batch.map(line).join(""));
    written += batch.length;
    await onProgress?.(written);
    await room(out);
  }
  await new Promise<void>((resolve, reject) => {
    out.once("error", reject);
    out.end(resolve);
  });
  return written;
}
