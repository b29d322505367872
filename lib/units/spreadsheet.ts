import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { translator, type MessageKey } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";

// The import columns are the export's headers, so a sheet exported from Tashil, edited and
// imported back just works. Headers are matched in Persian or English, normalised.
export const IMPORT_COLUMNS = {
  name: "units.name",
  nationalId: "units.nationalId",
  sector: "units.sector",
  activity: "units.activity",
  county: "units.county",
  industrialPark: "units.industrialPark",
  status: "units.status",
  employees: "units.employees",
  managerName: "units.managerName",
  phone: "units.phone",
  category: "obstacles.category",
  subCategory: "obstacles.subCategory",
  description: "obstacles.description",
  amount: "obstacles.amount",
} as const satisfies Record<string, MessageKey>;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export type ImportRecord = Partial<Record<ImportColumn, string>>;

const HEADER_TO_COLUMN = new Map<string, ImportColumn>(
  (Object.entries(IMPORT_COLUMNS) as [ImportColumn, MessageKey][]).flatMap(([column, key]) => [
    [normalizeText(translator("fa")(key)), column],
    [normalizeText(translator("en")(key)), column],
    [normalizeText(column), column],
  ]),
);

export class UnreadableSheetError extends Error {}

/** The first worksheet as rows of text (row 1 = headers). Cell text as the reader sees it. */
export async function readSheet(bytes: ArrayBuffer, fileName: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (/\.csv$/i.test(fileName)) {
      // Keep every value as typed: no number or date guessing (national ids keep leading zeros).
      sheet = await workbook.csv.read(Readable.from(Buffer.from(bytes)), { map: (value: unknown) => value });
    } else {
      await workbook.xlsx.load(bytes);
      sheet = workbook.worksheets[0];
    }
  } catch {
    throw new UnreadableSheetError();
  }
  if (!sheet) throw new UnreadableSheetError();
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text.replace(/^\uFEFF/, "").trim();
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Rows as records by column, keeping each row's line number in the sheet. */
export function recordsOf(rows: string[][]): {
  headersFound: boolean;
  records: { line: number; record: ImportRecord }[];
} {
  const [header = [], ...body] = rows;
  const columns = header.map((h) => HEADER_TO_COLUMN.get(normalizeText(h)));
  if (!columns.includes("name")) return { headersFound: false, records: [] };
  const records = body
    .map((cells, i) => {
      const record: ImportRecord = {};
      columns.forEach((column, c) => {
        const value = (cells[c] ?? "").trim();
        if (column && value) record[column] = value;
      });
      return { line: i + 2, record };
    })
    .filter(({ record }) => Object.keys(record).length > 0);
  return { headersFound: true, records };
}
