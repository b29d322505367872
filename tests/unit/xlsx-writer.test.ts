// The spreadsheet writer: what a spreadsheet program opens is what the export holds.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeWorkbook } from "@/lib/reports/xlsx";
import { columnName, sheetNames, xmlText } from "@/lib/reports/xlsx-parts";

async function open(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe("the .xlsx writer", () => {
  it("writes Persian text, numbers and empty cells that read back the same, right-to-left with a frozen header", async () => {
    const bytes = await writeWorkbook(
      [
        {
          name: "مصوبات",
          title: "جلسه چهارم کارگروه — ۱۴۰۴",
          columns: [{ header: "واحد" }, { header: "متن", wrap: true }, { header: "روز" }],
          rows: [
            ["کاشی <یزد> & شرکا", 'بانک "ملی" امهال کند.\nسطر دوم', -12],
            ["واحد بی‌مهلت", null, 0],
          ],
        },
      ],
      { rtl: true },
    );
    const workbook = await open(bytes);
    const ws = workbook.getWorksheet("مصوبات");
    expect(workbook.creator).toBe("Tashil");
    expect(ws?.views[0]).toMatchObject({ rightToLeft: true, state: "frozen", ySplit: 2 });
    expect(ws?.getCell("A1").value).toBe("جلسه چهارم کارگروه — ۱۴۰۴");
    expect(ws?.getCell("A1").font?.bold).toBe(true);
    expect(ws?.getCell("A1").isMerged).toBe(true);
    expect(ws?.getRow(2).values).toEqual([undefined, "واحد", "متن", "روز"]);
    expect(ws?.getCell("A2").font?.bold).toBe(true);
    expect(ws?.getRow(3).values).toEqual([
      undefined,
      "کاشی <یزد> & شرکا",
      'بانک "ملی" امهال کند.\nسطر دوم',
      -12,
    ]);
    expect(ws?.getCell("B3").alignment?.wrapText).toBe(true);
    expect(ws?.getRow(4).values).toEqual([undefined, "واحد بی‌مهلت", undefined, 0]);
    expect(ws?.rowCount).toBe(4);
  });

  it("keeps a file a spreadsheet program can open when text holds characters XML cannot carry", async () => {
    const bytes = await writeWorkbook(
      [{ name: "a/b:c*?[d]", columns: [{ header: "x" }], rows: [["پیش\u0000\u0007\u001Fپس\uFFFE"]] }],
      { rtl: false },
    );
    const workbook = await open(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["a b c   d"]);
    expect(workbook.worksheets[0]?.getCell("A2").value).toBe("پیشپس");
    expect(workbook.worksheets[0]?.views[0]?.rightToLeft).toBeFalsy();
  });

  it("names columns and sheets as Excel requires", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
    expect(sheetNames(["گزارش", "گزارش", "x".repeat(40), ""])).toEqual([
      "گزارش",
      "گزارش 2",
      "x".repeat(31),
      "Sheet4",
    ]);
    expect(xmlText('<a href="x">&</a>')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(xmlText("\uD83D\uDE00 ok \uD83D")).toBe("\uD83D\uDE00 ok ");
  });
});
