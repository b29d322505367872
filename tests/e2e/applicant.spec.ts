import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, test } from "./fixtures";
import { serverNodeOptions } from "../../scripts/server-options";
import { E2E_AUTH_SECRET } from "./server-env";
import { addSession } from "./session";
import { e2eDb } from "./db";
import { legalEntityCheckDigit, nationalCodeCheckDigit } from "../../lib/applicants/ids";

// Issue #32's journey: a unit brings its own case. The app instance of this spec mails
// through an in-process SMTP server, so the applicant's one-time code is read from a real
// SMTP conversation, as from a mailbox (the shared e2e server mails to the run's own SMTP
// server, tests/e2e/inbox.ts).
// Every step is taken on screen: the applicant's pages, the intake, the committee's entry
// screen, the new working-group session and its entry screen.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const OWN_PORT = PORT + 6;
const OWN = `http://127.0.0.1:${OWN_PORT}`;

const received: ParsedMail[] = [];
let smtp: SMTPServer;
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(OWN_PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_SERVER_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
      NODE_OPTIONS: serverNodeOptions(),
      AUTH_SECRET: E2E_AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      APP_URL: OWN,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // The shared server runs the scheduled mail; two schedulers would race for its rows.
      NOTIFICATIONS_DISABLED: "1",
    },
    stdio: "ignore",
  });
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${OWN}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (tries > 200) throw new Error("the applicant's instance did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  server?.kill();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const toAddress = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));

/** The six digits of the last code mailed to `email`, as the applicant reads them. */
async function codeFor(email: string): Promise<string> {
  let code = "";
  await expect
    .poll(() => {
      const mail = received.filter((m) => toAddress(m).includes(email)).at(-1);
      code = /([۰-۹0-9]{6})/.exec(mail?.text ?? "")?.[1] ?? "";
      return code;
    })
    .toMatch(/^[۰-۹0-9]{6}$/);
  return code;
}

/** The session page shows one part at a time (entry, attendance, agenda) as tabs. */
async function showPart(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
}

/** The entry screen shows one unit at a time: move on (Alt+N) until it shows `unit`. */
async function reachUnit(page: Page, entry: import("@playwright/test").Locator, unit: string) {
  for (let i = 0; i < 40; i++) {
    await expect(entry.getByRole("heading", { level: 3 })).not.toHaveText("");
    if ((await entry.getByRole("heading", { level: 3 }).textContent()) === unit) return;
    await page.keyboard.press("Alt+KeyN");
  }
  throw new Error(`${unit} is not on this session's agenda`);
}

/** A page of the applicant's instance, signed in as a demo account. */
async function staffPage(
  browser: import("@playwright/test").Browser,
  email: string,
  path: string,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: OWN, locale: "fa-IR", timezoneId: "Asia/Tehran" });
  await addSession(context, email, OWN);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

test("a unit files its own case with an e-mailed code and follows it to a resolution; the public status shows the stage only", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const db = e2eDb();
  const suffix = randomUUID().slice(0, 6);
  const email = `applicant-${suffix}@unit.test`;
  const first10 = `14${String(Date.now()).slice(-8)}`;
  const unitNationalId = first10 + legalEntityCheckDigit(first10);
  const unitName = `صنایع بسته‌بندی پسته u${suffix}`;
  const persian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);

  const context = await browser.newContext({ baseURL: OWN, locale: "fa-IR", timezoneId: "Asia/Tehran" });
  const applicant = await context.newPage();

  // The door is on the login page.
  await applicant.goto("/login");
  await applicant.getByRole("link", { name: "ثبت درخواست واحد تولیدی" }).click();
  await expect(applicant).toHaveURL(/\/apply$/);
  await applicant.getByRole("link", { name: "حساب ندارید؟ ثبت‌نام کنید" }).click();

  // Sign-up: identity numbers typed in Persian digits; a code by e-mail.
  await applicant.getByLabel("نام و نام خانوادگی").fill("مریم احمدی");
  await applicant.getByLabel("ایمیل").fill(email);
  await applicant.getByLabel("کد ملی").fill(persian(`123456789${nationalCodeCheckDigit("123456789")}`));
  await applicant.getByLabel("سمت شما در واحد").selectOption("MANAGER");
  await applicant.getByLabel("شناسه ملی واحد").fill(persian(unitNationalId));
  const province = applicant.getByLabel("استان");
  if (await province.count()) await province.selectOption({ label: "کرمان" });
  await applicant.getByRole("button", { name: "ارسال کد" }).click();
  await expect(applicant.getByRole("status")).toContainText("کدی ۶ رقمی");
  const code = await codeFor(email);
  // The code is in the mail only: never on the page.
  await expect(applicant.getByText(code)).toHaveCount(0);
  await applicant.getByLabel("کد ۶ رقمی").fill(code);
  await applicant.getByRole("button", { name: "ورود" }).click();
  await expect(applicant.getByRole("heading", { name: "درخواست‌های من" })).toBeVisible();

  // A request: the unit, two obstacles, a PDF, the declaration.
  await applicant.getByRole("button", { name: "درخواست تازه" }).click();
  await expect(applicant).toHaveURL(/\/apply\/requests\/[^/]+$/);
  const requestUrl = applicant.url();
  await applicant.getByLabel("نام واحد").fill(unitName);
  await applicant.getByLabel("شهرستان").selectOption({ label: "رفسنجان" });
  await applicant.getByLabel("بخش").selectOption("INDUSTRIAL");
  await applicant.getByLabel("وضعیت بهره‌برداری").selectOption("SEMI_ACTIVE");
  await applicant.getByLabel("تعداد کارکنان").fill("۴۵");
  await applicant.getByRole("button", { name: "ذخیره پیش‌نویس" }).click();
  await expect(applicant.getByText("پیش‌نویس ذخیره شد.")).toBeVisible();
  for (const [category, text, amount] of [
    ["بانکی", "امهال اقساط تسهیلات سرمایه در گردش بانک ملت", "۱۲٬۰۰۰٬۰۰۰٬۰۰۰"],
    ["سوخت و انرژی", "قطع گاز واحد در فصل سرما و توقف خط تولید", ""],
  ] as const) {
    await applicant.getByLabel("دسته", { exact: true }).selectOption({ label: category });
    await applicant.getByLabel("شرح مانع").fill(text);
    await applicant.getByLabel("مبلغ (ریال)").fill(amount);
    await applicant.getByRole("button", { name: "افزودن مانع" }).click();
    await expect(applicant.getByText(text)).toBeVisible();
  }
  await applicant.getByLabel("فایل‌ها").setInputFiles({
    name: "صورت‌های مالی.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% applicant e2e\n"),
  });
  await applicant.getByRole("button", { name: "بارگذاری" }).click();
  await expect(applicant.getByText("صورت‌های مالی.pdf")).toBeVisible();
  await applicant.getByLabel(/اعلام می‌کنم/).check();
  await applicant.getByRole("button", { name: "ارسال درخواست" }).click();
  await expect(applicant.getByText("کد رهگیری").first()).toBeVisible();
  const stored = await db.unitRequest.findFirstOrThrow({ where: { unitNationalId } });
  const trackingCode = stored.trackingCode ?? "";
  expect(trackingCode).toMatch(/^\d{10}[\dX]$/);
  await expect(applicant.getByRole("button", { name: "چاپ" })).toBeVisible();
  // … and e-mailed.
  await expect
    .poll(() => received.some((m) => toAddress(m).includes(email) && m.subject?.includes("کد رهگیری")))
    .toBe(true);

  // The secretariat asks for a document.
  const secretariat = await staffPage(browser, ACCOUNTS.secretariat, "/intake");
  await secretariat.getByRole("link", { name: unitName }).click();
  await secretariat.getByLabel("پیام به متقاضی").fill("لطفاً آخرین صورت‌حساب بانکی واحد را بفرستید.");
  await secretariat.getByRole("button", { name: "ارسال درخواست مدارک" }).click();
  await expect(secretariat.getByText("درخواست مدارک برای متقاضی فرستاده شد.")).toBeVisible();

  // The applicant sees the message, uploads the document and sends the request back.
  await applicant.goto(requestUrl);
  await expect(applicant.getByRole("note")).toContainText("آخرین صورت‌حساب بانکی");
  await applicant.getByLabel("فایل‌ها").setInputFiles({
    name: "صورت‌حساب بانکی.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% statement\n"),
  });
  await applicant.getByRole("button", { name: "بارگذاری" }).click();
  await expect(applicant.getByText("صورت‌حساب بانکی.pdf")).toBeVisible();
  await applicant.getByLabel(/اعلام می‌کنم/).check();
  await applicant.getByRole("button", { name: "ارسال دوباره با مدارک" }).click();
  await expect(applicant.getByText("درخواست با مدارک تازه دوباره ارسال شد.")).toBeVisible();

  // Accepted as a new unit, and put on the committee's next agenda in one step.
  await secretariat.reload();
  await secretariat.getByRole("button", { name: "پذیرش درخواست" }).click();
  await expect(secretariat.getByText("درخواست پذیرفته شد")).toBeVisible();
  await secretariat.getByRole("button", { name: /افزودن به دستور نخستین جلسه آینده کمیته/ }).click();
  await expect(secretariat.getByText(/در دستور .* قرار گرفت و از متقاضی دعوت شد/)).toBeVisible();
  const unit = await db.productionUnit.findUniqueOrThrow({
    where: { nationalId: unitNationalId },
    include: { obstacles: { include: { attachments: true } } },
  });
  expect(unit.obstacles).toHaveLength(2);
  expect(unit.obstacles.flatMap((o) => o.attachments)).toHaveLength(2);
  expect(unit.obstacles.every((o) => o.status === "IN_COMMITTEE")).toBe(true);
  await applicant.goto("/apply/requests");
  await expect(applicant.getByText(/دعوت به جلسه کمیته/).first()).toBeVisible();

  // The committee refers the case, in its session's entry screen.
  const item = await db.agendaItem.findFirstOrThrow({ where: { unitId: unit.id } });
  await secretariat.goto(`/meetings/${item.meetingId}`);
  await showPart(secretariat, "ثبت نتایج و مصوبات");
  const entry = secretariat.getByRole("region", { name: "ثبت نتایج و مصوبات در جلسه" });
  await reachUnit(secretariat, entry, unitName);
  await entry.getByRole("radio", { name: "ارجاع به کارگروه" }).check();
  await expect(entry.getByRole("group", { name: "نتیجه بررسی" }).getByRole("status")).toHaveText(
    "✓ ذخیره شد",
  );
  await applicant.goto(requestUrl);
  await expect(applicant.getByText("ارجاع به کارگروه").first()).toBeVisible();

  // The working group decides it in a session of its own, made on the new-session page (a
  // new session is empty, so its entry screen starts at this unit), and approves a resolution.
  await secretariat.goto("/meetings/new");
  await secretariat.waitForFunction(() => {
    const el = document.querySelector("select[name=bodyKind]");
    return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  });
  await secretariat.getByLabel("مرجع").selectOption("WORKING_GROUP");
  // A far-off day of its own, so a rerun's session never meets this one's.
  await secretariat
    .getByLabel("تاریخ")
    .fill(`1478/${1 + Math.floor(Math.random() * 6)}/${1 + Math.floor(Math.random() * 28)}`);
  await secretariat.getByLabel("محل برگزاری").fill("سالن جلسات استانداری");
  await secretariat.getByRole("button", { name: "ایجاد" }).click();
  await expect(secretariat).toHaveURL(/\/meetings\/(?!new$)[^/]+$/);
  await expect(secretariat.getByRole("heading", { level: 1 })).toContainText("کارگروه");
  await showPart(secretariat, "دستور جلسه");
  for (const box of await secretariat.getByRole("group", { name: unitName }).getByRole("checkbox").all())
    await box.check();
  await secretariat.getByRole("button", { name: "افزودن به دستور جلسه" }).click();
  await expect(secretariat.getByRole("region", { name: "دستور جلسه" })).toContainText(unitName);
  await showPart(secretariat, "ثبت نتایج و مصوبات");
  const wgEntry = secretariat.getByRole("region", { name: "ثبت نتایج و مصوبات در جلسه" });
  await expect(wgEntry.getByRole("heading", { level: 3 })).toHaveText(unitName);
  await wgEntry.getByRole("radio", { name: "تصمیم‌گیری شد" }).check();
  const draft = wgEntry.getByRole("group", { name: "مصوبه جدید" });
  await draft.getByLabel("متن مصوبه").fill("بانک ملت اقساط تسهیلات واحد را یک سال امهال کند.");
  await draft.getByRole("combobox", { name: "دستگاه مسئول" }).fill("بانک ملت");
  await secretariat.keyboard.press("Enter");
  await expect(draft.getByRole("combobox", { name: "دستگاه مسئول" })).toHaveValue("بانک ملت");
  await secretariat.keyboard.press("Control+Enter");
  await expect(wgEntry.getByRole("group", { name: "مصوبه ۱" }).getByRole("status")).toHaveText("✓ ذخیره شد");

  // The applicant sees the resolution, its agency and deadline.
  await applicant.goto(requestUrl);
  const resolutions = applicant.getByRole("region", { name: "مصوبات" });
  await expect(resolutions).toContainText("بانک ملت اقساط تسهیلات واحد را یک سال امهال کند.");
  await expect(resolutions).toContainText("دستگاه مسئول: بانک ملت");
  await expect(resolutions).toContainText("مهلت:");
  await expect(applicant.getByText("صدور مصوبه").first()).toBeVisible();
  // Each step reached the applicant as a notification: the newest says the resolution is out.
  await applicant.goto("/apply/requests");
  await expect(applicant.getByText(/به مرحله «صدور مصوبه» رسید/).first()).toBeVisible();

  // The public status page: the stage only, posted, for code + national id.
  const visitor = await browser.newPage({ baseURL: OWN, locale: "fa-IR" });
  await visitor.goto("/status");
  await visitor.getByLabel("کد رهگیری").fill(persian(trackingCode));
  await visitor.getByLabel("شناسه ملی واحد").fill(unitNationalId);
  await visitor.getByRole("button", { name: "نمایش وضعیت" }).click();
  await expect(visitor.getByRole("status")).toHaveText("مرحله درخواست: صدور مصوبه");
  await expect(visitor).toHaveURL(/\/status$/);
  await expect(visitor.getByText("بانک ملت")).toHaveCount(0);
  await expect(visitor.getByText(unitName)).toHaveCount(0);

  await context.close();
  await visitor.close();
  await secretariat.context().close();
  // The journey's far-future session and its decision stay, like any journey's unit and case.
});
