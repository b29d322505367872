import { randomUUID } from "node:crypto";
import { ACCOUNTS, expect, test } from "./fixtures";

// Issue #30.5: «یادآوری همین حالا» for an agency with no users in the app (35 of the 38 demo
// agencies). Without a head's e-mail the page says nobody can be reached and offers a printed
// letter; with one, the reminder goes there and the answer names the address.

test("remind now says when the agency has no users, and sends to the head's e-mail when there is one", async ({
  signedInAs,
  data,
}) => {
  const id = `e2e-${randomUUID()}`;
  const text = `مجوز بهره‌برداری صادر شود (یادآوری t${id.slice(4, 10)}).`;
  const row = await data.one(
    `INSERT INTO "Resolution" (id, "provinceId", "meetingId", "unitId", text, "responsibleAgencyId", deadline, "updatedAt")
     SELECT $1, a."provinceId", m.id, u.id, $2, a.id, (now() AT TIME ZONE 'Asia/Tehran')::date + 12, now()
     FROM "Agency" a
     JOIN "Province" p ON p.id = a."provinceId"
     JOIN "Meeting" m ON m."provinceId" = a."provinceId"
     JOIN "ProductionUnit" u ON u."provinceId" = a."provinceId"
     WHERE p.code = 'KRM' AND a.email IS NULL AND a.active
       AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x."agencyId" = a.id)
     ORDER BY a."nameFa" DESC, m."startsAt" DESC, u.name LIMIT 1
     RETURNING "responsibleAgencyId" AS "agencyId"`,
    [id, text],
  );
  const agencyId = String(row?.agencyId);
  try {
    const page = await signedInAs(ACCOUNTS.secretariat);
    await page.goto(`/resolutions/${id}`);
    await expect(page.getByRole("note")).toContainText(
      "این دستگاه کاربری در سامانه ندارد و ایمیل یا تلفن همراهی هم برای رئیس آن ثبت نشده است",
    );
    await expect(page.getByRole("button", { name: "چاپ برای ارسال با نامه" })).toBeVisible();
    await expect(page.getByRole("button", { name: "یادآوری همین حالا" })).toHaveCount(0);

    // The head's e-mail is added to the agency's record: the reminder can go there.
    await data.one(`UPDATE "Agency" SET email = 'head-e2e@agency.test' WHERE id = $1`, [agencyId]);
    await page.reload();
    await page.getByRole("button", { name: "یادآوری همین حالا" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("یادآوری به ایمیل رئیس دستگاه (head-e2e@agency.test) فرستاده شود؟");
    await dialog.getByRole("button", { name: "تأیید" }).click();
    await expect(
      page.getByText("یادآوری به ایمیل رئیس دستگاه (head-e2e@agency.test) فرستاده شد."),
    ).toBeVisible();
  } finally {
    await data.one(`UPDATE "Agency" SET email = NULL WHERE id = $1`, [agencyId]);
    await data.one(`DELETE FROM "EmailMessage" WHERE "eventKey" LIKE $1`, [`%${id}%`]);
    await data.one(`DELETE FROM "Resolution" WHERE id = $1`, [id]);
  }
});
