import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, test } from "./fixtures";

const ROW_SQL = `SELECT status, version, (SELECT count(*) FROM "ProgressReport" p WHERE p."resolutionId" = r.id) AS reports
  FROM "Resolution" r WHERE id = $1`;

const letter = {
  name: "namé-emhal.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n% امهال\n"),
};

async function report(page: Page, note: string, status: "در حال اجرا" | "اعلام انجام") {
  const form = page.getByRole("form", { name: "ثبت گزارش عملکرد" });
  await form.getByLabel("شرح اقدام").fill(note);
  await form.getByLabel("وضعیت جدید").selectOption({ label: status });
  await form.getByLabel("پیوست (اختیاری)").setInputFiles(letter);
  await form.getByRole("button", { name: "ثبت گزارش" }).click();
  // Reported done, the resolution leaves the agency's hands and the form goes with it.
  if (status === "در حال اجرا") await expect(form.getByRole("status")).toHaveText("گزارش عملکرد ثبت شد.");
}

test("the bank reports progress with a letter, reports done, and the secretariat verifies", async ({
  signedInAs,
  data,
}) => {
  const id = await data.bankResolution();
  const row = (id: string) => data.one(ROW_SQL, [id]);
  const bank = await signedInAs(ACCOUNTS.bank, "/agency");
  await expect(bank.getByRole("link", { name: /\(آزمون\)/ }).first()).toBeVisible();
  await bank.goto(`/resolutions/${id}`);
  await expect(bank.getByTestId("resolution-status")).toHaveText("ابلاغ‌شده");
  await expect(bank.getByText("۲۰ روز مانده")).toBeVisible();

  await report(bank, "پرونده برای امهال به اداره مرکزی بانک ارسال شد.", "در حال اجرا");
  await expect(bank.getByTestId("resolution-status")).toHaveText("در حال اجرا");
  await expect(bank.getByRole("link", { name: letter.name }).first()).toBeVisible();

  // Done without evidence is refused with a message beside the file field.
  const form = bank.getByRole("form", { name: "ثبت گزارش عملکرد" });
  await form.getByLabel("شرح اقدام").fill("امهال انجام و نامه آن به واحد ابلاغ شد.");
  await form.getByLabel("وضعیت جدید").selectOption({ label: "اعلام انجام" });
  await form.getByRole("button", { name: "ثبت گزارش" }).click();
  await expect(form.getByText("برای اعلام انجام، دست‌کم یک پیوست لازم است.")).toBeVisible();

  await report(bank, "امهال انجام و نامه آن به واحد ابلاغ شد.", "اعلام انجام");
  await expect(bank.getByTestId("resolution-status")).toHaveText("اعلام انجام");
  await expect(bank.getByRole("form", { name: "ثبت گزارش عملکرد" })).toHaveCount(0);

  const secretariat = await signedInAs(ACCOUNTS.secretariat, `/resolutions/${id}`);
  await expect(secretariat.getByRole("link", { name: letter.name })).toHaveCount(2);
  await secretariat.getByRole("button", { name: "تأیید انجام" }).click();
  await secretariat.getByRole("dialog").getByRole("button", { name: "تأیید" }).click();
  await expect(secretariat.getByTestId("resolution-status")).toHaveText("تأییدشده");
  // The secretariat sees the audit history of every step.
  const history = secretariat.getByRole("region", { name: "سابقه تغییرات" });
  await expect(history.getByText("ثبت گزارش عملکرد")).toHaveCount(2);
  await expect(history.getByText("تأیید انجام مصوبه")).toHaveCount(1);
  expect(await row(id)).toMatchObject({ status: "VERIFIED", version: 4 });
});

test("another agency sees no edit control and cannot change the bank's resolution, even by posting the action", async ({
  signedInAs,
  data,
}) => {
  const id = await data.bankResolution();
  const row = (id: string) => data.one(ROW_SQL, [id]);
  const environment = await signedInAs(ACCOUNTS.environment, `/resolutions/${id}`);
  await expect(environment.getByTestId("resolution-status")).toHaveText("ابلاغ‌شده");
  await expect(environment.getByRole("form")).toHaveCount(0);
  await expect(environment.getByRole("button", { name: "ثبت گزارش" })).toHaveCount(0);
  await expect(environment.getByRole("textbox")).toHaveCount(0);

  // Take the real form (with its server-action fields) from the bank's page...
  const bank = await signedInAs(ACCOUNTS.bank, `/resolutions/${id}`);
  const fields = await bank
    .getByRole("form", { name: "ثبت گزارش عملکرد" })
    .evaluate((form) =>
      Object.fromEntries(
        [...new FormData(form as HTMLFormElement)].filter(
          (entry): entry is [string, string] => typeof entry[1] === "string",
        ),
      ),
    );
  expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
  const attack = {
    ...fields,
    note: "گزارش جعلی از دستگاه دیگر برای این مصوبه",
    toStatus: "DONE_REPORTED",
    files: letter,
  };

  // ...and post it in the environment user's session: refused, nothing changes.
  const refused = await environment.request.post(`/resolutions/${id}`, { multipart: attack });
  // (The page's strings travel in its payload, so look for the announced outcome only.)
  expect(await refused.text()).not.toMatch(/role="status"[^>]*>گزارش عملکرد ثبت شد/);
  expect(await row(id)).toEqual({ status: "ISSUED", version: 1, reports: "0" });

  // The very same post from the bank's session goes through, so the refusal above was the
  // server's decision and not a malformed request.
  const accepted = await bank.request.post(`/resolutions/${id}`, { multipart: attack });
  expect(accepted.ok()).toBe(true);
  expect(await row(id)).toEqual({ status: "DONE_REPORTED", version: 2, reports: "1" });
});
