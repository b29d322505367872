import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, setUserActive, updateUser } from "@/lib/users/mutations";
import { listUsers } from "@/lib/users/queries";
import { verifyPassword } from "@/lib/auth/password";
import { createActor, createAgency, createProvince, t, tEn } from "../support/fixtures";

let provinceId: string;
let otherProvinceId: string;
let agencyId: string;
let admin: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  otherProvinceId = (await createProvince()).id;
  agencyId = (await createAgency(provinceId)).id;
  admin = await createActor(["ADMIN"], { provinceId });
});

const validInput = (overrides: Record<string, unknown> = {}) => ({
  name: "مریم کاظمی",
  email: `maryam-${Math.random().toString(36).slice(2)}@Example.ORG`,
  password: "a-strong-passphrase",
  roles: ["AGENCY"],
  agencyId,
  provinceId,
  ...overrides,
});

describe("creating users", () => {
  it("creates an agency user with a hashed password and an audit event", async () => {
    const input = validInput();
    const result = await createUser(admin, input, t);
    expect(result).toMatchObject({ ok: true, message: "کاربر ایجاد شد." });
    const user = await db.user.findUniqueOrThrow({ where: { email: input.email.toLowerCase() } });
    expect(user.roles).toEqual(["AGENCY"]);
    expect(user.passwordHash).not.toContain("a-strong-passphrase");
    expect(await verifyPassword(user.passwordHash, "a-strong-passphrase")).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id } });
    expect(audit).toMatchObject({ action: "user.create", actorId: admin.id });
    expect(JSON.stringify(audit.after)).not.toContain("passwordHash");
  });

  it("answers bad input field by field, in the user's language, and writes nothing", async () => {
    const before = await db.user.count();
    const result = await createUser(
      admin,
      { name: "", email: "not-an-email", password: "short", roles: [], provinceId },
      t,
    );
    expect(result.ok).toBe(false);
    expect(result.message).toBe("اطلاعات وارد شده معتبر نیست. موارد مشخص‌شده را اصلاح کنید.");
    expect(result.fieldErrors).toMatchObject({
      name: ["نام را وارد کنید."],
      email: ["ایمیل معتبر وارد کنید."],
      password: ["گذرواژه باید دست‌کم ۱۰ نویسه باشد."],
      roles: ["دست‌کم یک نقش انتخاب کنید."],
    });
    const english = await createUser(admin, { ...validInput(), password: "short" }, tEn);
    expect(english.fieldErrors?.password).toEqual(["The password must be at least 10 characters."]);
    expect(await db.user.count()).toBe(before);
  });

  it("requires an agency exactly for agency users", async () => {
    expect((await createUser(admin, validInput({ agencyId: "" }), t)).fieldErrors?.agencyId).toEqual([
      "کاربر دستگاه اجرایی باید به یک دستگاه وابسته باشد.",
    ]);
    expect((await createUser(admin, validInput({ roles: ["MEMBER"] }), t)).fieldErrors?.agencyId).toEqual([
      "دستگاه فقط برای نقش «دستگاه اجرایی» تعیین می‌شود.",
    ]);
  });

  it("refuses an agency of another province and leaves no user behind", async () => {
    const foreignAgency = await createAgency(otherProvinceId);
    const input = validInput({ agencyId: foreignAgency.id });
    const result = await createUser(admin, input, t);
    expect(result.ok).toBe(false);
    expect(await db.user.count({ where: { email: input.email.toLowerCase() } })).toBe(0);
  });

  it("reports a taken e-mail on the e-mail field, whatever its case", async () => {
    const input = validInput();
    await createUser(admin, input, t);
    const again = await createUser(admin, { ...input, email: input.email.toUpperCase() }, t);
    expect(again.ok).toBe(false);
    expect(again.fieldErrors?.email).toEqual(["این ایمیل قبلاً ثبت شده است."]);
  });

  it("refuses every role but ADMIN, and a provincial admin acting on another province", async () => {
    for (const role of ["SECRETARIAT", "CHAIR", "MEMBER"] as const) {
      const actor = await createActor([role], { provinceId });
      const result = await createUser(actor, validInput(), t);
      expect(result).toEqual({ ok: false, message: "شما اجازه دسترسی به این بخش را ندارید." });
    }
    const result = await createUser(
      admin,
      validInput({ provinceId: otherProvinceId, agencyId: "", roles: ["MEMBER"] }),
      t,
    );
    expect(result.message).toBe("شما اجازه دسترسی به این بخش را ندارید.");
    expect(await createUser(null, validInput(), t)).toMatchObject({ ok: false });
  });
});

describe("editing and deactivating users", () => {
  it("updates roles, keeps the password when left empty, and audits before and after", async () => {
    const input = validInput();
    const { id } = await createUser(admin, input, t);
    if (!id) throw new Error("user not created");
    const result = await updateUser(
      admin,
      { ...input, id, roles: ["MEMBER"], agencyId: "", password: "" },
      t,
    );
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user.roles).toEqual(["MEMBER"]);
    expect(user.agencyId).toBeNull();
    expect(await verifyPassword(user.passwordHash, "a-strong-passphrase")).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "user.update" } });
    expect(audit.before).toMatchObject({ roles: ["AGENCY"] });
    expect(audit.after).toMatchObject({ roles: ["MEMBER"] });
  });

  it("deactivates a user after which listing shows them inactive; an admin cannot deactivate themselves", async () => {
    const input = validInput();
    const { id } = await createUser(admin, input, t);
    if (!id) throw new Error("user not created");
    expect(await setUserActive(admin, id, false, t)).toMatchObject({
      ok: true,
      message: "کاربر غیرفعال شد.",
    });
    const { users } = await listUsers(admin, { query: input.email });
    expect(users.map((u) => [u.id, u.active])).toEqual([[id, false]]);
    expect(await setUserActive(admin, admin.id, false, t)).toEqual({
      ok: false,
      message: "نمی‌توانید حساب خودتان را غیرفعال کنید.",
    });
  });

  it("lists only the admin's province", async () => {
    const foreign = await createActor(["MEMBER"], { provinceId: otherProvinceId });
    const { users } = await listUsers(admin, { query: foreign.email });
    expect(users).toHaveLength(0);
    const national = await createActor(["ADMIN"], { provinceId: null });
    expect((await listUsers(national, { query: foreign.email })).users).toHaveLength(1);
  });
});
