import "server-only";
import ExcelJS from "exceljs";

export type Column<T> = { header: string; width?: number; value: (row: T) => string | number | null };

/**
 * One worksheet with a bold header row, right-to-left for Persian, as an .xlsx buffer.
 * Shared by every export so they look alike.
 */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: T[], { rtl = true } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tashil";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ rightToLeft: rtl, state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A download response with a safe, UTF-8 file name. */
export function xlsxResponse(buffer: Buffer, fileName: string): Response {
  const ascii = fileName.replace(/[^\w.-]+/g, "_");
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
