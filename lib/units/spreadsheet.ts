import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { FIELD_LABEL } from "./import-fields";
import { headerScore } from "./import-headers";

// The export writes the import's headers, so a sheet exported from Tashil, edited and
// imported back maps itself. (Kept under this name for lib/units/export.ts.)
export const IMPORT_COLUMNS = FIELD_LABEL;

export class UnreadableSheetError extends Error {
  constructor(readonly reason: "unreadable" | "xls" | "empty" = "unreadable") {
    super(reason);
  }
}

export type SheetRow = { line: number; cells: string[] };
export type ReadSheet = { headers: string[]; rows: SheetRow[]; blankRows: number };

/**
 * CSV bytes as text. A UTF-8 BOM or valid UTF-8 is UTF-8; anything else is read as
 * Windows-1256, which is what Excel on a Persian Windows saves as "CSV". Node's TextDecoder
 * (full ICU, checked on Node 20 and 24) decodes it; no extra package.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1256").decode(bytes);
  }
}

/** The delimiter of the header line: Excel writes ";" where "," is the decimal comma. */
function csvDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0 || undefined);
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Cell text as the reader sees it. Numbers as JavaScript writes them (no grouping). */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return cell.text;
  if (typeof v === "number") return String(v);
  return (cell.text ?? "").replace(/^\uFEFF/, "").trim();
}

/**
 * The sheet (the first worksheet with content) as text: its header row, found among the first
 * ten rows as the one naming the most known fields (clerks put a title above it), and every
 * row below with its line number. Columns past the header's end are kept with an empty header,
 * so a cell under no header is still shown and accounted for.
 */
export async function readSheet(bytes: ArrayBuffer, fileName: string): Promise<ReadSheet> {
  if (/\.xls$/i.test(fileName)) throw new UnreadableSheetError("xls");
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.csv$/i.test(fileName)) {
      const text = decodeCsv(new Uint8Array(bytes));
      sheet = await workbook.csv.read(Readable.from(Buffer.from(text, "utf-8")), {
        // Keep every value as typed: no number or date guessing (ids keep leading zeros).
        map: (value: unknown) => value,
        parserOptions: { delimiter: csvDelimiter(text) },
      });
    } else {
      // Whole-workbook load, not exceljs's streaming reader: the streaming reader (4.4.0) split
      // a Persian character at a chunk boundary and stored «واح�� انبوه» (found by the
      // 620-row test). The load holds the event loop ~1.5 s at 5,000 rows (bench/import.ts).
      await workbook.xlsx.load(bytes);
      sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0];
    }
  } catch {
    throw new UnreadableSheetError();
  }
  if (!sheet) throw new UnreadableSheetError();
  const grid: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    grid.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  const nonBlank = grid.filter((r) => r.cells.some((c) => c !== ""));
  if (nonBlank.length === 0) throw new UnreadableSheetError("empty");

  let headerAt = 0;
  let best = -1;
  nonBlank.slice(0, 10).forEach((r, i) => {
    const score = headerScore(r.cells);
    if (score > best) [best, headerAt] = [score, i];
  });
  const header = nonBlank[headerAt]?.cells ?? [];
  const body = nonBlank.slice(headerAt + 1);
  const width = Math.max(header.length, ...body.map((r) => lastFilled(r.cells) + 1));
  const headers = Array.from({ length: width }, (_, i) => header[i] ?? "");
  const headerLine = nonBlank[headerAt]?.line ?? 1;
  const lastLine = grid.at(-1)?.line ?? headerLine;
  return {
    headers,
    rows: body.map((r) => ({
      line: r.line,
      cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? ""),
    })),
    blankRows: lastLine - headerLine - body.length,
  };
}

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i]) return i;
  return -1;
}
