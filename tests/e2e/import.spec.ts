import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS } from "./support";
import { enterAs } from "./session";

const persian = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

// A clerk's sheet: a title row, headers in the clerk's words, one of them («محل») not
// recognised, and a notes column nobody imports.
const HEADERS = [
  "نام شرکت",
  "محل",
  "وضعيت واحد",
  "بخش",
  "نوع مشکل",
  "شرح مشکلات",
  "مبلغ (میلیون ریال)",
  "یادداشت",
];

async function clerkSheet(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("فهرست");
  ws.addRow(["فهرست واحدهای دارای مشکل"]);
  ws.addRow(HEADERS);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel("فایل اکسل یا CSV").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await page.getByRole("button", { name: "خواندن فایل" }).click();
}

test("a clerk maps a sheet's columns, downloads the verdict, fixes two rows, uploads it again and imports", async ({
  page,
}) => {
  const tag = persian(String(Date.now() % 1_000_000));
  await enterAs(page, ACCOUNTS.secretariat, "/units/import");

  // The template is there for whoever starts from scratch.
  const templateDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "دریافت فایل نمونه" }).click();
  expect((await templateDownload).suggestedFilename()).toBe("tashil-import-template.xlsx");

  await upload(
    page,
    "clerk.xlsx",
    await clerkSheet([
      [
        `کاشی فیروزه ${tag}`,
        "کرمان",
        "تعطیل",
        "صنعتی",
        "بانکی",
        "امهال اقساط تسهیلات ارزی",
        "۲۵۰",
        "پیگیری شود",
      ],
      [`پسته ممتاز ${tag}`, "شهر خیالی", "فعال", "کشاورزی", "", "", "", ""],
      [
        `معدن سنگ ${tag}`,
        "زرند",
        "در دست احداث",
        "معدنی",
        "مالیاتی",
        "اختلاف مالیات بر ارزش افزوده",
        "دویست",
        "",
      ],
      [`کاشی فیروزه ${tag}`, "کرمان", "تعطیل", "صنعتی", "سوخت و انرژی", "قطعی گاز در زمستان", "", ""],
    ]),
  );
  await expect(page.getByText("۴ ردیف از «clerk.xlsx» خوانده شد.")).toBeVisible();

  // «محل» was not recognised: the county has no column, the import cannot go on.
  const county = page.getByLabel("اطلاعات ستون «محل»");
  await expect(county).toHaveValue("");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "برای «شهرستان» ستونی انتخاب نشده است.",
  );
  await expect(page.getByText("این ستون‌ها نادیده گرفته می‌شوند: محل، یادداشت")).toBeVisible();
  await expect(page.getByLabel("اطلاعات ستون «نوع مشکل»")).toHaveValue("category");
  await county.selectOption({ label: "شهرستان *" });
  await expect(page.getByText("این ستون‌ها نادیده گرفته می‌شوند: یادداشت")).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await expect(page.getByText("مبلغ‌های این ستون در ۱٬۰۰۰٬۰۰۰ ضرب می‌شوند (طبق عنوان ستون).")).toBeVisible();

  await page.getByRole("button", { name: "بررسی ردیف‌ها" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "۱ واحد جدید، به‌روزرسانی ۰ واحد، ۲ مانع جدید، ۰ ردیف بدون تغییر، ۲ ردیف رد شده.",
  );
  await expect(page.getByRole("row", { name: /«شهر خیالی» در ستون «محل» شناخته نشد/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /مبلغ «دویست» .* با حروف نوشته شده است/ })).toBeVisible();

  // The verdict sheet: the same columns plus the verdict and the messages, in Persian.
  const verdictDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "دریافت فایل نتیجه (اکسل)" }).click();
  const download = await verdictDownload;
  expect(download.suggestedFilename()).toBe("clerk-verdict.xlsx");
  const bytes = await readFile(await download.path());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("no worksheet");
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADERS, "نتیجه بررسی", "توضیحات بررسی"]);
  const verdicts: string[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) verdicts.push([row.getCell(1).text, row.getCell(9).text]);
  });
  expect(verdicts).toEqual([
    [`کاشی فیروزه ${tag}`, "واحد جدید + مانع"],
    [`پسته ممتاز ${tag}`, "رد شد"],
    [`معدن سنگ ${tag}`, "رد شد"],
    [`کاشی فیروزه ${tag}`, "افزودن مانع به واحد موجود"],
  ]);

  // Fix the two refused rows in the verdict sheet itself and upload it again.
  ws.getCell("B3").value = "رفسنجان";
  ws.getCell("G4").value = "۲۰۰";
  await upload(page, "clerk-verdict.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  await expect(
    page.getByText("این فایل همان ستون‌های فایل قبلی را دارد؛ تطبیقی که آن بار تأیید شد پیشنهاد شده است."),
  ).toBeVisible();
  await expect(page.getByLabel("اطلاعات ستون «محل»")).toHaveValue("county");
  await expect(page.getByText("این ستون‌ها نادیده گرفته می‌شوند: یادداشت")).toBeVisible();
  await page.getByRole("button", { name: "بررسی ردیف‌ها" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "۳ واحد جدید، به‌روزرسانی ۰ واحد، ۳ مانع جدید، ۰ ردیف بدون تغییر، ۰ ردیف رد شده.",
  );

  await page.getByRole("button", { name: "ثبت ردیف‌های پذیرفته" }).click();
  await expect(page.getByRole("main").getByRole("status").last()).toHaveText(
    "ثبت انجام شد: ۳ واحد جدید، ۰ واحد به‌روزرسانی شد، ۳ مانع افزوده شد، ۰ ردیف بدون تغییر، ۰ ردیف رد شد.",
  );

  // The register shows what the sheet said: the closed unit and its two obstacles.
  await page.goto(`/units?q=${encodeURIComponent(tag)}`);
  await expect(page.getByText("۳ مورد")).toBeVisible();
  await page.getByRole("link", { name: `کاشی فیروزه ${tag}` }).click();
  await expect(page.getByRole("main")).toContainText("تعطیل");
  await expect(page.getByRole("listitem", { name: "امهال اقساط تسهیلات ارزی" })).toContainText(
    "۲۵۰٬۰۰۰٬۰۰۰ ریال",
  );
  await expect(page.getByRole("listitem", { name: "قطعی گاز در زمستان" })).toBeVisible();
});
