// Issue #37: the SMS outbox the secretariat reads. It lists its own province's texts with
// what the gateway answered (a real round trip to the in-process Kavenegar), counts today's
// texts against the province's cap by the sender's own rule, and is closed to agencies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/auth/policy";
import { kavenegarProvider } from "@/lib/sms/providers";
import { queueSms, sendDueSms } from "@/lib/sms/outbox";
import { smsOutboxView } from "@/lib/sms/outbox-view";
import { smsDailyCapKey } from "@/lib/settings/queries";
import { addDays, todayInTehran } from "@/lib/i18n/format";
import { startKavenegar, type KavenegarServer } from "../support/kavenegar";
import { createActor, createAgency, createProvince } from "../support/fixtures";

let gateway: KavenegarServer;
let provinceId: string;
let otherProvinceId: string;
// Tomorrow 10:00 Tehran: inside sending hours.
const DAY = new Date(`${addDays(todayInTehran(), 1)}T06:30:00Z`);

beforeAll(async () => {
  gateway = await startKavenegar();
  provinceId = (await createProvince()).id;
  otherProvinceId = (await createProvince()).id;
  await db.appSetting.upsert({
    where: { key: smsDailyCapKey(provinceId) },
    create: { key: smsDailyCapKey(provinceId), value: 2 },
    update: { value: 2 },
  });
});
afterAll(async () => {
  await db.appSetting.deleteMany({ where: { key: smsDailyCapKey(provinceId) } });
  await gateway.close();
});

describe("the SMS outbox screen's data", () => {
  it("shows the province's texts with status, attempts, gateway id and cost, and today's count vs the cap", async () => {
    const provider = kavenegarProvider({ apiKey: gateway.apiKey, sender: "10004346", baseUrl: gateway.url });
    const event = `test.outbox-view:${Date.now()}`;
    await queueSms(
      db,
      ["09121110001", "09121110002", "09121110003"].map((to) => ({
        eventKey: event,
        to,
        text: "ابلاغ",
        provinceId,
      })),
      new Date(DAY.getTime() - 60_000),
    );
    await queueSms(db, [{ eventKey: event, to: "09121110009", text: "دیگر", provinceId: otherProvinceId }]);
    const run = await sendDueSms({ provider, now: DAY, provinceId });
    expect(run).toMatchObject({ sent: 2, deferred: 1 });

    const secretariat = await createActor(["SECRETARIAT"], { provinceId });
    // Sent now (the gateway answered today, whatever day the run acted for): today counts them.
    const view = await smsOutboxView(secretariat);
    const mine = view.items.filter((m) => m.body === "ابلاغ");
    expect(mine).toHaveLength(3);
    expect(view.items.some((m) => m.toMobile === "09121110009")).toBe(false);
    const sent = mine.filter((m) => m.status === "SENT");
    expect(sent).toHaveLength(2);
    for (const m of sent) {
      expect(m).toMatchObject({ attempts: 1, provider: "kavenegar", costUnits: 120 });
      expect(m.providerMessageId).toMatch(/^\d+$/);
    }
    const waiting = mine.find((m) => m.status === "PENDING");
    expect(waiting?.lastError).toBe("daily cap reached");
    expect(view.caps).toEqual([expect.objectContaining({ id: provinceId, used: 2, cap: 2 })]);

    const filtered = await smsOutboxView(secretariat, { status: "PENDING" });
    expect(filtered.items.every((m) => m.status === "PENDING")).toBe(true);
  });

  it("is refused to an agency user", async () => {
    const agency = await createAgency(provinceId, "اداره آزمون");
    const agencyUser = await createActor(["AGENCY"], { provinceId, agencyId: agency.id });
    await expect(smsOutboxView(agencyUser)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
