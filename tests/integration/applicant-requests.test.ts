import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import {
  CODE_MAX_ATTEMPTS,
  CODE_TTL_MS,
  MAX_CODES_PER_EMAIL,
  requestSignInCode,
  requestSignUpCode,
  verifyCode,
} from "@/lib/applicants/codes";
import { legalEntityCheckDigit, nationalCodeCheckDigit } from "@/lib/applicants/ids";
import {
  addRequestObstacle,
  createRequest,
  removeRequestObstacle,
  saveRequestDetails,
  submitRequest,
  uploadRequestDocuments,
} from "@/lib/requests/mutations";
import {
  acceptRequest,
  askForDocuments,
  markDuplicate,
  putRequestOnAgenda,
  rejectRequest,
} from "@/lib/requests/intake";
import { addToAgenda, setOutcome } from "@/lib/meetings/agenda";
import { closeCase } from "@/lib/outcomes/mutations";
import { changeObstacleStatus } from "@/lib/obstacles/mutations";
import { intakeFigures } from "@/lib/requests/figures";
import {
  listOwnRequests,
  loadOwnRequest,
  lookupStatus,
  ownDocumentForDownload,
} from "@/lib/requests/queries";
import { getAttachmentForDownload } from "@/lib/obstacles/queries";
import type { MailTransport } from "@/lib/notifications/mailer";
import { sendNotificationMails } from "@/lib/notifications/inbox";
import { setUserActive, updateUser } from "@/lib/users/mutations";
import {
  createActor,
  createAgency,
  createBody,
  createCategory,
  createCounty,
  createMeeting,
  createObstacle,
  createProvince,
  createUnit,
  t,
} from "../support/fixtures";

process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "tashil-applicant-"));

const toPersian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d);
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
const pdf = (name = "پروانه بهره‌برداری.pdf") => new File([PDF], name, { type: "application/pdf" });

const serialise = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));

let serial = 0;
/** A fresh valid 11-digit legal-entity id per call. */
function unitNationalId(): string {
  const first10 = `14${String(Date.now() % 1e6).padStart(6, "0")}${String(++serial).padStart(2, "0")}`;
  return first10 + legalEntityCheckDigit(first10);
}
const NATIONAL_CODE = "123456789" + nationalCodeCheckDigit("123456789");

/** A mailbox standing in for SMTP: what the transport was handed. */
function mailbox() {
  const mails: { to: string; subject: string; text: string }[] = [];
  const transport: MailTransport = {
    sendMail: (async (m: { to: string; subject: string; text: string }) => {
      mails.push({ to: m.to, subject: m.subject, text: m.text });
      return {};
    }) as unknown as MailTransport["sendMail"],
  };
  const lastCode = () => /(\d{6})/.exec(mails.at(-1)?.text ?? "")?.[1] ?? "";
  return { mails, transport, lastCode };
}

let provinceId: string;
let countyId: string;
let categoryId: string;
let agencyId: string;
let secretariat: Actor;

const email = () => `applicant-${Date.now()}-${++serial}@unit.test`;

/** Signs an applicant up through the real code path and returns them as an actor. */
async function signUp(nationalId = unitNationalId()): Promise<Actor & { email: string; nationalId: string }> {
  const box = mailbox();
  const address = email();
  // An address of its own: twenty sign-ups from one address within 15 minutes are throttled.
  const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const sent = await requestSignUpCode(
    {
      name: "مریم احمدی",
      email: address,
      nationalCode: NATIONAL_CODE,
      position: "MANAGER",
      unitNationalId: nationalId,
      provinceId,
    },
    ip,
    t,
    "fa",
    { transport: box.transport },
  );
  expect(sent.ok).toBe(true);
  const result = await verifyCode({ address: address, code: box.lastCode() }, ip);
  if (!result.ok) throw new Error(`sign-up failed: ${result.reason}`);
  const user = await db.user.findUniqueOrThrow({ where: { id: result.user.id } });
  return {
    id: user.id,
    roles: user.roles,
    agencyId: null,
    provinceId: user.provinceId,
    email: address,
    nationalId,
  };
}

/** A complete request with `n` obstacles, submitted; returns its id and tracking code. */
async function fileRequest(applicant: Actor, n = 2, { submit = true } = {}) {
  const created = await createRequest(applicant, t);
  expect(created.ok).toBe(true);
  const id = created.id ?? "";
  const saved = await saveRequestDetails(
    applicant,
    {
      id,
      version: "1",
      unitName: "صنایع غذایی کویر",
      countyId,
      sector: "INDUSTRIAL",
      operatingStatus: "SEMI_ACTIVE",
      employees: "۴۵",
    },
    t,
  );
  expect(saved).toMatchObject({ ok: true });
  for (let i = 1; i <= n; i++) {
    const added = await addRequestObstacle(
      applicant,
      {
        requestId: id,
        categoryId,
        description: `مانع شماره ${i} واحد در تأمین سرمایه در گردش`,
        amountRials: "۱۲٬۰۰۰٬۰۰۰٬۰۰۰",
        agencyIds: [agencyId],
      },
      t,
    );
    expect(added).toMatchObject({ ok: true });
  }
  expect(await uploadRequestDocuments(applicant, { requestId: id }, [pdf()], t)).toMatchObject({ ok: true });
  if (!submit) return { id, trackingCode: "" };
  const submitted = await submitRequest(applicant, { requestId: id, declaration: "on" }, t);
  expect(submitted.ok).toBe(true);
  return { id, trackingCode: submitted.trackingCode ?? "" };
}

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  countyId = (await createCounty(provinceId, "رفسنجان", "Rafsanjan")).id;
  categoryId = (await createCategory(`APP-${provinceId.slice(-6)}`, "سرمایه در گردش", "Working capital")).id;
  agencyId = (await createAgency(provinceId, `بانک ملت ${provinceId.slice(-4)}`)).id;
  secretariat = await createActor(["SECRETARIAT"], { provinceId });
});

describe("sign-up: identity numbers with their check digits", () => {
  it("accepts the national code and the unit's national id in Persian digits", async () => {
    const box = mailbox();
    const address = email();
    const id = unitNationalId();
    const sent = await requestSignUpCode(
      {
        name: "علی رضایی",
        email: address,
        nationalCode: toPersian(NATIONAL_CODE),
        position: "OWNER",
        unitNationalId: toPersian(id),
        provinceId,
      },
      "10.0.0.2",
      t,
      "fa",
      { transport: box.transport },
    );
    expect(sent.ok).toBe(true);
    const signed = await verifyCode({ address: address, code: toPersian(box.lastCode()) }, "10.0.0.2");
    expect(signed.ok).toBe(true);
    const profile = await db.applicantProfile.findFirstOrThrow({ where: { user: { email: address } } });
    // Stored as Latin digits, whatever was typed.
    expect(profile).toMatchObject({ nationalCode: NATIONAL_CODE, unitNationalId: id, position: "OWNER" });
  });

  it("refuses a wrong check digit with a Persian message and writes nothing", async () => {
    // Codes sent to this test's addresses only: other files, run at the same time, send theirs.
    const used: string[] = [];
    const badCode = NATIONAL_CODE.slice(0, 9) + String((Number(NATIONAL_CODE[9]) + 1) % 10);
    const good = unitNationalId();
    const badId = good.slice(0, 10) + String((Number(good[10]) + 1) % 10);
    for (const [nationalCode, id, field, message] of [
      [badCode, good, "nationalCode", t("applicants.nationalCodeInvalid")],
      [toPersian(badCode), good, "nationalCode", t("applicants.nationalCodeInvalid")],
      [NATIONAL_CODE, badId, "unitNationalId", t("applicants.unitNationalIdInvalid")],
      [NATIONAL_CODE, toPersian(badId), "unitNationalId", t("applicants.unitNationalIdInvalid")],
      [NATIONAL_CODE, good.slice(0, 10), "unitNationalId", t("applicants.unitNationalIdInvalid")],
    ] as const) {
      const address = email();
      used.push(address);
      const answer = await requestSignUpCode(
        {
          name: "علی رضایی",
          email: address,
          nationalCode,
          position: "OWNER",
          unitNationalId: id,
          provinceId,
        },
        "10.0.0.3",
        t,
        "fa",
        { transport: mailbox().transport },
      );
      expect(answer.ok).toBe(false);
      expect(answer.fieldErrors?.[field]).toEqual([message]);
    }
    expect(await db.oneTimeCode.count({ where: { email: { in: used } } })).toBe(0);
  });
});

describe("one-time codes", () => {
  it("keeps only a hash, never the code, and mails it only", async () => {
    const box = mailbox();
    const address = email();
    await requestSignUpCode(
      {
        name: "زهرا کریمی",
        email: address,
        nationalCode: NATIONAL_CODE,
        position: "REPRESENTATIVE",
        unitNationalId: unitNationalId(),
        provinceId,
      },
      "10.0.1.1",
      t,
      "fa",
      { transport: box.transport },
    );
    const code = box.lastCode();
    expect(code).toMatch(/^\d{6}$/);
    const row = await db.oneTimeCode.findFirstOrThrow({ where: { email: address } });
    expect(row.codeHash).not.toContain(code);
    const outbox = await db.emailMessage.findMany({ where: { toEmail: address } });
    expect(outbox.length).toBe(1);
    expect(outbox[0]?.body).not.toContain(code);
    const audit = await db.auditEvent.findMany({ where: { entityId: row.id } });
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it("expires after ten minutes", async () => {
    const box = mailbox();
    const address = email();
    const now = new Date();
    await requestSignUpCode(
      {
        name: "زهرا کریمی",
        email: address,
        nationalCode: NATIONAL_CODE,
        position: "OWNER",
        unitNationalId: unitNationalId(),
        provinceId,
      },
      "10.0.1.2",
      t,
      "fa",
      { transport: box.transport, now },
    );
    const late = new Date(now.getTime() + CODE_TTL_MS + 1000);
    expect(await verifyCode({ address: address, code: box.lastCode() }, "10.0.1.2", late)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(await db.user.count({ where: { email: address } })).toBe(0);
  });

  it("takes five tries, then not even the right code", async () => {
    const box = mailbox();
    const address = email();
    await requestSignUpCode(
      {
        name: "زهرا کریمی",
        email: address,
        nationalCode: NATIONAL_CODE,
        position: "OWNER",
        unitNationalId: unitNationalId(),
        provinceId,
      },
      "10.0.1.3",
      t,
      "fa",
      { transport: box.transport },
    );
    const right = box.lastCode();
    const wrong = right === "000000" ? "111111" : "000000";
    // Each guess from its own address: the per-code limit, not the address throttle, stops them.
    for (let i = 1; i <= CODE_MAX_ATTEMPTS; i++) {
      const answer = await verifyCode({ address: address, code: wrong }, `10.0.2.${i}`);
      expect(answer).toEqual({ ok: false, reason: i === CODE_MAX_ATTEMPTS ? "attempts" : "invalid" });
    }
    expect(await verifyCode({ address: address, code: right }, "10.0.2.9")).toEqual({
      ok: false,
      reason: "attempts",
    });
    expect(await db.user.count({ where: { email: address } })).toBe(0);
  });

  it("throttles guesses per address and e-mail, and code requests per e-mail", async () => {
    const box = mailbox();
    const address = email();
    const ip = "10.0.3.1";
    for (let i = 0; i < MAX_CODES_PER_EMAIL; i++) {
      const answer = await requestSignInCode({ address: address }, `10.0.3.${10 + i}`, t, "fa", {
        transport: box.transport,
      });
      expect(answer.ok).toBe(true);
    }
    const sixth = await requestSignInCode({ address: address }, "10.0.3.99", t, "fa", {
      transport: box.transport,
    });
    expect(sixth).toMatchObject({ ok: false, message: t("applicants.codeThrottled") });
    // Guessing: five wrong codes from one address for one e-mail close that pair.
    const signer = await signUp();
    const signBox = mailbox();
    await requestSignInCode({ address: signer.email }, ip, t, "fa", { transport: signBox.transport });
    for (let i = 0; i < 5; i++) await verifyCode({ address: signer.email, code: "999999" }, ip);
    const right = signBox.lastCode();
    expect(await verifyCode({ address: signer.email, code: right }, ip)).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("sends a staff address nothing and answers the same; a code never opens a staff account", async () => {
    const staff = await createActor(["SECRETARIAT"], { provinceId });
    const box = mailbox();
    const answer = await requestSignInCode({ address: staff.email }, "10.0.4.1", t, "fa", {
      transport: box.transport,
    });
    expect(answer).toMatchObject({ ok: true, message: t("applicants.codeSent") });
    expect(box.mails).toHaveLength(0);
    const signUpAnswer = await requestSignUpCode(
      {
        name: "نفوذگر",
        email: staff.email,
        nationalCode: NATIONAL_CODE,
        position: "OWNER",
        unitNationalId: unitNationalId(),
        provinceId,
      },
      "10.0.4.1",
      t,
      "fa",
      { transport: box.transport },
    );
    expect(signUpAnswer).toMatchObject({ ok: true, message: t("applicants.codeSent") });
    expect(box.mails).toHaveLength(0);
    expect(await db.user.findUniqueOrThrow({ where: { email: staff.email } })).toMatchObject({
      roles: ["SECRETARIAT"],
    });
  });
});

describe("an applicant's account", () => {
  it("is not turned into a staff account by the administrator's form; it can be deactivated", async () => {
    const applicant = await signUp();
    const admin = await createActor(["ADMIN"], { provinceId });
    const user = await db.user.findUniqueOrThrow({ where: { id: applicant.id } });
    const edit = {
      id: user.id,
      version: String(user.version),
      name: user.name,
      email: user.email,
      roles: ["SECRETARIAT"],
      provinceId,
      agencyId: "",
      locale: "fa",
    };
    expect(await updateUser(admin, edit, t)).toMatchObject({
      ok: false,
      message: t("applicants.notEditable"),
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      roles: ["APPLICANT"],
    });
    expect(await setUserActive(admin, user.id, false, t)).toMatchObject({ ok: true });
    const box = mailbox();
    await requestSignInCode({ address: applicant.email }, "10.6.6.6", t, "fa", { transport: box.transport });
    expect(box.mails).toHaveLength(0);
  });
});

describe("requests: filing, and nobody else's", () => {
  it("files a request with two obstacles and a document, and gives a tracking code", async () => {
    const applicant = await signUp();
    const { id, trackingCode } = await fileRequest(applicant, 2);
    expect(trackingCode).toMatch(/^\d{10}[\dX]$/);
    const stored = await db.unitRequest.findUniqueOrThrow({
      where: { id },
      include: { obstacles: { orderBy: { position: "asc" } }, attachments: true },
    });
    expect(stored).toMatchObject({
      status: "SUBMITTED",
      trackingCode,
      employees: 45,
      unitNationalId: applicant.nationalId,
    });
    expect(stored.obstacles.map((o) => [o.position, o.amountRials])).toEqual([
      [1, 12_000_000_000n],
      [2, 12_000_000_000n],
    ]);
    expect(stored.attachments).toHaveLength(1);
    // The document is the intake's to read; not another province's, not a national viewer's
    // (an applicant's papers before a case exists), not the chair's before acceptance.
    const documentId = stored.attachments[0]?.id ?? "";
    expect(await getAttachmentForDownload(secretariat, documentId)).toMatchObject({ id: documentId });
    const chair = await createActor(["CHAIR"], { provinceId });
    expect(await getAttachmentForDownload(chair, documentId)).toBeNull();
    const national = await createActor(["SECRETARIAT"], { provinceId: null });
    expect(await getAttachmentForDownload(national, documentId)).toBeNull();
    const mail = await db.emailMessage.findFirstOrThrow({
      where: { eventKey: `request.trackingCode:${id}` },
    });
    expect(mail.subject).toContain(trackingCode.slice(0, 4));
    const status = await lookupStatus(
      { trackingCode: toPersian(trackingCode), unitNationalId: applicant.nationalId },
      "10.1.0.1",
    );
    expect(status).toEqual({ ok: true, stage: "RECEIVED" });
    expect(await lookupStatus({ trackingCode, unitNationalId: unitNationalId() }, "10.1.0.1")).toEqual({
      ok: false,
      reason: "notFound",
    });
  });

  it("throttles status look-ups that miss, per address and code", async () => {
    const applicant = await signUp();
    const { trackingCode } = await fileRequest(applicant, 1);
    const ip = "10.7.7.7";
    for (let i = 0; i < 5; i++)
      expect(await lookupStatus({ trackingCode, unitNationalId: unitNationalId() }, ip)).toEqual({
        ok: false,
        reason: "notFound",
      });
    // Even the right pair is refused from that address now; from another it answers.
    expect(await lookupStatus({ trackingCode, unitNationalId: applicant.nationalId }, ip)).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect(await lookupStatus({ trackingCode, unitNationalId: applicant.nationalId }, "10.7.7.8")).toEqual({
      ok: true,
      stage: "RECEIVED",
    });
  });

  it("refuses to submit an incomplete draft or without the declaration, writing nothing", async () => {
    const applicant = await signUp();
    const created = await createRequest(applicant, t);
    const id = created.id ?? "";
    const noDeclaration = await submitRequest(applicant, { requestId: id }, t);
    expect(noDeclaration.fieldErrors?.declaration).toEqual([t("requests.declarationRequired")]);
    const incomplete = await submitRequest(applicant, { requestId: id, declaration: "on" }, t);
    expect(incomplete).toMatchObject({ ok: false, message: t("requests.incomplete") });
    expect(incomplete.fieldErrors?.obstacles).toBeDefined();
    expect(await db.unitRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DRAFT",
      trackingCode: null,
    });
  });

  it("a second applicant of another unit gets 'not found' on every record of the first", async () => {
    const first = await signUp();
    const second = await signUp();
    const draft = await fileRequest(first, 1, { submit: false });
    const obstacle = await db.unitRequestObstacle.findFirstOrThrow({ where: { requestId: draft.id } });
    const before = JSON.stringify(
      await db.unitRequest.findUniqueOrThrow({
        where: { id: draft.id },
        include: { obstacles: true, attachments: true },
      }),
      (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
    const notFound = { ok: false, message: t("errors.notFoundRecord") };
    expect(await loadOwnRequest(second, draft.id)).toBeNull();
    const document = await db.attachment.findFirstOrThrow({ where: { unitRequestId: draft.id } });
    expect(await ownDocumentForDownload(first, document.id)).toMatchObject({ id: document.id });
    expect(await ownDocumentForDownload(second, document.id)).toBeNull();
    expect((await listOwnRequests(second)).map((r) => r.id)).not.toContain(draft.id);
    expect(
      await saveRequestDetails(
        second,
        {
          id: draft.id,
          version: "2",
          unitName: "ربوده",
          countyId,
          sector: "MINING",
          operatingStatus: "IDLE",
        },
        t,
      ),
    ).toMatchObject(notFound);
    expect(
      await addRequestObstacle(
        second,
        { requestId: draft.id, categoryId, description: "مانع ساختگی برای آزمون" },
        t,
      ),
    ).toMatchObject(notFound);
    expect(
      await removeRequestObstacle(second, { requestId: draft.id, obstacleId: obstacle.id }, t),
    ).toMatchObject(notFound);
    expect(await uploadRequestDocuments(second, { requestId: draft.id }, [pdf()], t)).toMatchObject(notFound);
    expect(await submitRequest(second, { requestId: draft.id, declaration: "on" }, t)).toMatchObject(
      notFound,
    );
    const after = JSON.stringify(
      await db.unitRequest.findUniqueOrThrow({
        where: { id: draft.id },
        include: { obstacles: true, attachments: true },
      }),
      (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
    expect(after).toBe(before);
    // And the secretariat's decisions are not theirs to take.
    expect(await rejectRequest(second, { id: draft.id, reason: "دلیل ساختگی" }, t)).toMatchObject({
      ok: false,
      message: t("errors.forbidden"),
    });
  });
});

describe("intake: each decision writes what it says", () => {
  it("asks for documents; the applicant uploads and sends it back; accepted as a new unit", async () => {
    const applicant = await signUp();
    const { id } = await fileRequest(applicant, 2);
    const asked = await askForDocuments(secretariat, { id, message: "لطفاً صورت‌حساب بانکی را بفرستید." }, t);
    expect(asked).toMatchObject({ ok: true });
    expect(await db.unitRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DOCUMENTS_REQUESTED",
      documentsMessage: "لطفاً صورت‌حساب بانکی را بفرستید.",
    });
    expect(
      await db.notification.count({ where: { userId: applicant.id, kind: "request.documentsRequested" } }),
    ).toBe(1);
    // … and by e-mail, as every notification: the applicant's mailbox gets the message.
    const box = mailbox();
    await sendNotificationMails({ transport: box.transport, provinceId });
    const mail = box.mails.find((m) => m.to === applicant.email);
    expect(mail?.subject).toBe("درخواست مدارک بیشتر: صنایع غذایی کویر");
    expect(mail?.text).toContain("لطفاً صورت‌حساب بانکی را بفرستید.");
    expect(
      await uploadRequestDocuments(applicant, { requestId: id }, [pdf("صورت‌حساب.pdf")], t),
    ).toMatchObject({ ok: true });
    expect(await submitRequest(applicant, { requestId: id, declaration: "on" }, t)).toMatchObject({
      ok: true,
      message: t("requests.resubmitted"),
    });
    expect((await loadOwnRequest(applicant, id))?.stage).toBe("UNDER_REVIEW");

    const accepted = await acceptRequest(secretariat, { id, target: "new" }, t);
    expect(accepted.ok).toBe(true);
    const unit = await db.productionUnit.findUniqueOrThrow({
      where: { id: accepted.unitId ?? "" },
      include: { obstacles: { include: { attachments: true, agencies: true } } },
    });
    expect(unit).toMatchObject({
      provinceId,
      nationalId: applicant.nationalId,
      name: "صنایع غذایی کویر",
      countyId,
      sector: "INDUSTRIAL",
      status: "SEMI_ACTIVE",
      employees: 45,
    });
    expect(unit.obstacles).toHaveLength(2);
    expect(
      unit.obstacles.every((o) => o.status === "REGISTERED" && o.agencies[0]?.agencyId === agencyId),
    ).toBe(true);
    expect(unit.obstacles.flatMap((o) => o.attachments.map((a) => a.fileName)).sort()).toEqual(
      ["پروانه بهره‌برداری.pdf", "صورت‌حساب.pdf"].sort(),
    );
    const request = await db.unitRequest.findUniqueOrThrow({ where: { id }, include: { obstacles: true } });
    expect(request).toMatchObject({ status: "ACCEPTED", unitId: unit.id, decidedById: secretariat.id });
    expect(request.obstacles.every((o) => o.obstacleId !== null)).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "request.accept" } })).toBe(1);
    // A second decision on a decided request is refused.
    expect(await rejectRequest(secretariat, { id, reason: "دیرهنگام" }, t)).toMatchObject({
      ok: false,
      message: t("requests.notWaiting"),
    });
  });

  it("rejects with a reason the applicant sees, and nothing else", async () => {
    const applicant = await signUp();
    const { id, trackingCode } = await fileRequest(applicant, 1);
    // This file's province only: other files, run at the same time, make units of their own.
    const unitsBefore = await db.productionUnit.count({ where: { provinceId } });
    expect(await rejectRequest(secretariat, { id, reason: "خارج از صلاحیت کارگروه" }, t)).toMatchObject({
      ok: true,
    });
    expect(await db.unitRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REJECTED",
      decisionReason: "خارج از صلاحیت کارگروه",
      unitId: null,
    });
    expect(await db.productionUnit.count({ where: { provinceId } })).toBe(unitsBefore);
    expect(await db.unitRequestObstacle.count({ where: { requestId: id, obstacleId: { not: null } } })).toBe(
      0,
    );
    expect(await lookupStatus({ trackingCode, unitNationalId: applicant.nationalId }, "10.1.0.2")).toEqual({
      ok: true,
      stage: "REJECTED",
    });
  });

  it("marks a duplicate of an open case only", async () => {
    const nationalId = unitNationalId();
    const unit = await createUnit(provinceId, { countyId, nationalId });
    const applicant = await signUp(nationalId);
    const { id } = await fileRequest(applicant, 1);
    const closedUnit = await createUnit(provinceId, { countyId, nationalId: unitNationalId() });
    expect(await markDuplicate(secretariat, { id, unit: closedUnit.nationalId ?? "" }, t)).toMatchObject({
      ok: false,
    });
    await createObstacle(unit, { categoryId });
    const obstaclesBefore = await db.obstacle.count({ where: { unitId: unit.id } });
    expect(await markDuplicate(secretariat, { id, unit: toPersian(nationalId) }, t)).toMatchObject({
      ok: true,
    });
    expect(await db.unitRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DUPLICATE",
      duplicateOfUnitId: unit.id,
      unitId: null,
    });
    expect(await db.obstacle.count({ where: { unitId: unit.id } })).toBe(obstaclesBefore);
  });

  it("linking to an existing unit reveals nothing of it before the link", async () => {
    const nationalId = unitNationalId();
    const unit = await createUnit(provinceId, { countyId, nationalId, name: "معدن مس قدیمی" });
    await createObstacle(unit, { categoryId, description: "مانع قدیمی محرمانه واحد" });
    const applicant = await signUp(nationalId);
    const { id } = await fileRequest(applicant, 1);
    const before = await loadOwnRequest(applicant, id);
    expect(before?.unitId).toBeNull();
    expect(before?.resolutions).toEqual([]);
    expect(serialise(before)).not.toContain("معدن مس قدیمی");
    expect(serialise(before)).not.toContain("مانع قدیمی محرمانه");
    // Accepting into the matched unit: only that unit, never a new one.
    expect(await acceptRequest(secretariat, { id, target: "new" }, t)).toMatchObject({ ok: false });
    const accepted = await acceptRequest(secretariat, { id, target: unit.id }, t);
    expect(accepted).toMatchObject({ ok: true, unitId: unit.id });
    const after = await loadOwnRequest(applicant, id);
    expect(after?.unitId).toBe(unit.id);
    // Still only what came from their own request.
    expect(serialise(after)).not.toContain("مانع قدیمی محرمانه");
  });
});

describe("following the case", () => {
  it("puts an accepted request on the committee's next agenda, invites the applicant, and tells them of the referral", async () => {
    await createBody(provinceId, "COMMITTEE");
    const applicant = await signUp();
    const { id, trackingCode } = await fileRequest(applicant, 2);
    const accepted = await acceptRequest(secretariat, { id, target: "new" }, t);
    expect(accepted.ok).toBe(true);
    const onAgenda = await putRequestOnAgenda(secretariat, { id }, t, "fa");
    expect(onAgenda).toMatchObject({ ok: true });
    const item = await db.agendaItem.findFirstOrThrow({
      where: { unitId: accepted.unitId ?? "", meetingId: onAgenda.meetingId ?? "" },
      include: { obstacles: true, meeting: { include: { body: true } } },
    });
    expect(item.meeting.body.kind).toBe("COMMITTEE");
    expect(item.obstacles).toHaveLength(2);
    const invitation = await db.notification.findFirstOrThrow({
      where: { userId: applicant.id, kind: "request.onAgenda" },
    });
    expect(invitation.body).toContain(item.meeting.place ?? "—");
    expect((await loadOwnRequest(applicant, id))?.stage).toBe("ON_AGENDA");
    // A second press finds nothing left to put on an agenda.
    expect(await putRequestOnAgenda(secretariat, { id }, t, "fa")).toMatchObject({
      ok: false,
      message: t("requests.alreadyOnAgenda"),
    });

    // The committee refers the case: the applicant is told, once.
    const referred = await setOutcome(
      secretariat,
      { itemId: item.id, outcome: "REFERRED", version: item.version },
      t,
    );
    expect(referred.ok).toBe(true);
    const told = await db.notification.findMany({
      where: { userId: applicant.id, kind: "request.stage" },
      orderBy: { createdAt: "asc" },
    });
    expect(told.map((n) => n.body)).toEqual([
      expect.stringContaining(t("requests.stages.RECEIVED")),
      expect.stringContaining(t("requests.stages.REFERRED")),
    ]);
    expect(await lookupStatus({ trackingCode, unitNationalId: applicant.nationalId }, "10.1.0.3")).toEqual({
      ok: true,
      stage: "REFERRED",
    });

    // Figures: once the session is held, its days count towards "request to committee".
    await db.meeting.update({ where: { id: item.meetingId }, data: { startsAt: new Date() } });
    const figures = await intakeFigures(secretariat);
    expect(figures.toCommitteeDays).not.toBeNull();
    expect(figures.waiting).toBe(await db.unitRequest.count({ where: { provinceId, status: "SUBMITTED" } }));
  });
});

describe("not possible, with the reason", () => {
  it("shows the applicant the reason the secretariat recorded when the case closed as not possible", async () => {
    const applicant = await signUp();
    const { id } = await fileRequest(applicant, 1);
    const accepted = await acceptRequest(secretariat, { id, target: "new" }, t);
    expect(accepted.ok).toBe(true);
    const unitId = accepted.unitId ?? "";
    const obstacle = await db.obstacle.findFirstOrThrow({ where: { unitId } });
    // A closure older than the acceptance is the unit's history, never shown to the applicant.
    const decidedAt = (await db.unitRequest.findUniqueOrThrow({ where: { id } })).decidedAt ?? new Date();
    await db.caseClosure.create({
      data: {
        provinceId,
        unitId,
        outcome: "NOT_POSSIBLE",
        reason: "دلیل قدیمی و داخلی پیش از پذیرش",
        closedOn: new Date("2020-01-01"),
        createdAt: new Date(decidedAt.getTime() - 60_000),
      },
    });
    // The working group decided; then the obstacle turns out unresolvable.
    await db.obstacle.update({ where: { id: obstacle.id }, data: { status: "DECIDED" } });
    expect(
      await changeObstacleStatus(secretariat, { id: obstacle.id, from: "DECIDED", to: "UNRESOLVABLE" }, t),
    ).toMatchObject({ ok: true });
    const before = await loadOwnRequest(applicant, id);
    expect(before?.stage).toBe("NOT_POSSIBLE");
    expect(before?.notPossibleReason).toBeNull();
    expect(serialise(before)).not.toContain("دلیل قدیمی");

    const reason = "سند مالکیت زمین در رهن بانک دیگری است و امکان ضمانت نیست.";
    expect(await closeCase(secretariat, { unitId, outcome: "NOT_POSSIBLE", reason }, t)).toMatchObject({
      ok: true,
    });
    const closed = await loadOwnRequest(applicant, id);
    const recorded = await db.caseClosure.findFirstOrThrow({
      where: { unitId },
      orderBy: { createdAt: "desc" },
    });
    expect(recorded).toMatchObject({ outcome: "NOT_POSSIBLE", reason });
    expect(closed).toMatchObject({ stage: "NOT_POSSIBLE", notPossibleReason: recorded.reason });
    expect(t("requests.notPossibleReason", { reason })).toContain(reason);

    // Nobody else sees it: another applicant's look-up of the request is "not found".
    const other = await signUp();
    expect(await loadOwnRequest(other, id)).toBeNull();
  });
});

describe("every step is a notification, in-app and by e-mail", () => {
  it("received → under review → documents requested → under review → on the agenda (date) → referred → resolutions → done", async () => {
    const applicant = await signUp();
    const { id } = await fileRequest(applicant, 2);
    const step = async (expected: number) => {
      const rows = await db.notification.findMany({
        where: { userId: applicant.id },
        orderBy: { createdAt: "asc" },
        select: { kind: true, body: true, mailedAt: true, link: true },
      });
      expect(rows).toHaveLength(expected);
      return rows.at(-1)!;
    };
    const stage = (name: Parameters<typeof t>[0]) => expect.stringContaining(t(name));

    // Received: in the app; its e-mail is the tracking code's own (the row is not mailed again).
    expect(await step(1)).toMatchObject({
      kind: "request.stage",
      body: stage("requests.stages.RECEIVED"),
      mailedAt: expect.any(Date),
      link: `/apply/requests/${id}`,
    });
    expect(await askForDocuments(secretariat, { id, message: "پروانه را بفرستید." }, t)).toMatchObject({
      ok: true,
    });
    expect(await step(2)).toMatchObject({ kind: "request.documentsRequested" });
    expect(await uploadRequestDocuments(applicant, { requestId: id }, [pdf("پروانه.pdf")], t)).toMatchObject({
      ok: true,
    });
    expect(await submitRequest(applicant, { requestId: id, declaration: "on" }, t)).toMatchObject({
      ok: true,
    });
    expect(await step(3)).toMatchObject({
      kind: "request.stage",
      body: stage("requests.stages.UNDER_REVIEW"),
    });
    const accepted = await acceptRequest(secretariat, { id, target: "new" }, t);
    expect(accepted.ok).toBe(true);
    expect(await step(4)).toMatchObject({ kind: "request.accepted" });
    const obstacleIds = (await db.obstacle.findMany({ where: { unitId: accepted.unitId ?? "" } })).map(
      (o) => o.id,
    );

    // On a committee's agenda from the session page (not the intake's one step): invited too.
    const committee = await createMeeting(provinceId, {
      kind: "COMMITTEE",
      status: "PLANNED",
      startsAt: new Date("2033-06-05T05:30:00Z"),
    });
    await db.meeting.update({ where: { id: committee.id }, data: { place: "سالن جلسات استانداری" } });
    expect(await addToAgenda(secretariat, { meetingId: committee.id, obstacleIds }, t)).toMatchObject({
      ok: true,
    });
    const invitation = await step(5);
    expect(invitation).toMatchObject({ kind: "request.onAgenda", mailedAt: null });
    expect(invitation.body).toContain("سالن جلسات استانداری");
    expect(invitation.body).toContain("۱۴۱۲"); // the session's Jalali date (1412/03/15)
    expect((await loadOwnRequest(applicant, id))?.stage).toBe("ON_AGENDA");

    const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: committee.id } });
    expect(
      await setOutcome(secretariat, { itemId: item.id, outcome: "REFERRED", version: item.version }, t),
    ).toMatchObject({ ok: true });
    expect(await step(6)).toMatchObject({ kind: "request.stage", body: stage("requests.stages.REFERRED") });

    // The working group decides: a working-group session is no invitation ("on the agenda"
    // is the committee's), the decision is the step.
    const group = await createMeeting(provinceId, { kind: "WORKING_GROUP", status: "PLANNED" });
    expect(await addToAgenda(secretariat, { meetingId: group.id, obstacleIds }, t)).toMatchObject({
      ok: true,
    });
    expect(await step(6)).toMatchObject({ body: stage("requests.stages.REFERRED") });
    const wgItem = await db.agendaItem.findFirstOrThrow({ where: { meetingId: group.id } });
    expect(
      await setOutcome(secretariat, { itemId: wgItem.id, outcome: "DECIDED", version: wgItem.version }, t),
    ).toMatchObject({ ok: true });
    expect(await step(7)).toMatchObject({
      kind: "request.stage",
      body: stage("requests.stages.RESOLUTIONS"),
    });

    for (const obstacleId of obstacleIds)
      expect(
        await changeObstacleStatus(secretariat, { id: obstacleId, from: "DECIDED", to: "RESOLVED" }, t),
      ).toMatchObject({ ok: true });
    expect(await step(8)).toMatchObject({ kind: "request.stage", body: stage("requests.stages.DONE") });

    // Every step but "received" reaches the applicant's mailbox; none twice.
    const box = mailbox();
    await sendNotificationMails({ transport: box.transport, provinceId });
    const mine = box.mails.filter((m) => m.to === applicant.email);
    expect(mine).toHaveLength(7);
    for (const name of ["UNDER_REVIEW", "REFERRED", "RESOLUTIONS", "DONE"] as const)
      expect(mine.some((m) => m.text.includes(t(`requests.stages.${name}`)))).toBe(true);
    expect(mine.some((m) => m.text.includes("سالن جلسات استانداری"))).toBe(true);
    expect(mine.some((m) => m.text.includes(t("requests.stages.RECEIVED")))).toBe(false);
    await sendNotificationMails({ transport: box.transport, provinceId });
    expect(box.mails.filter((m) => m.to === applicant.email)).toHaveLength(7);
  });
});
