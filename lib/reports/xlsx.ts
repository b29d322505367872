import "server-only";
import ExcelJS from "exceljs";
import { contentDisposition, XLSX_MIME } from "@/lib/attachments/rules";

// The one spreadsheet writer: every export (registry, register, session resolutions,
// scorecard) goes through writeWorkbook and xlsxResponse, so they look and download alike.

export type Cell = string | number | null;

/** A column's header, its width (else sized from the header) and whether its text wraps. */
export type ColumnHead = { header: string; width?: number; wrap?: boolean };
/** A column of typed rows: how to read its cell from a row. */
export type Column<T> = ColumnHead & { value: (row: T) => Cell };

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

/** A workbook of one or more sheets, right-to-left when `rtl` (Persian), each with a bold, frozen header row. */
export async function writeWorkbook(
  sheets: Sheet[],
  { rtl }: { rtl: boolean },
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tashil";
  for (const spec of sheets) {
    const headerRow = spec.title ? 2 : 1;
    // Excel refuses sheet names longer than 31 characters.
    const ws = workbook.addWorksheet(spec.name.slice(0, 31), {
      views: [{ rightToLeft: rtl, state: "frozen", ySplit: headerRow }],
    });
    ws.columns = spec.columns.map((c) => ({
      width: c.width ?? Math.min(60, Math.max(12, c.header.length + 4)),
    }));
    if (spec.title) {
      ws.addRow([spec.title]).font = { bold: true, size: 13 };
      ws.mergeCells(1, 1, 1, Math.max(1, spec.columns.length));
    }
    ws.addRow(spec.columns.map((c) => c.header)).font = { bold: true };
    for (const row of spec.rows) ws.addRow(row);
    spec.columns.forEach((c, i) => {
      if (c.wrap) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One sheet as an .xlsx file. */
export async function toXlsx<T>(
  sheetName: string,
  columns: Column<T>[],
  rows: Iterable<T>,
  { rtl = true, title }: { rtl?: boolean; title?: string } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  return writeWorkbook([sheet(sheetName, columns, rows, { title })], { rtl });
}

/** The download response for every export: the .xlsx type, a safe UTF-8 file name, never cached. */
export function xlsxResponse(bytes: Uint8Array<ArrayBuffer>, fileName: string): Response {
  return new Response(bytes, {
    headers: {
      "Content-Type": XLSX_MIME,
      "Content-Disposition": contentDisposition(fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
