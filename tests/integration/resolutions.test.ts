import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { daysUntil, listAgencyResolutions, listOverdueResolutions } from "@/lib/resolutions/queries";
import { createActor, createAgency, createProvince } from "../support/fixtures";
import { normalizeText } from "@/lib/i18n/normalize";

// A small fixture with hand-computed expectations, "today" fixed at 2025-07-10 (Tehran).
const TODAY = "2025-07-10";
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
let provinceId: string;
let agencyA: string;
let agencyB: string;

beforeAll(async () => {
  provinceId = (await createProvince()).id;
  agencyA = (await createAgency(provinceId)).id;
  agencyB = (await createAgency(provinceId)).id;
  const county = await db.county.create({ data: { provinceId, nameFa: "شهرستان", nameEn: "County" } });
  const unit = await db.productionUnit.create({ data: { provinceId, countyId: county.id, name: "واحد آزمون", nameNormalized: normalizeText("واحد آزمون"), sector: "INDUSTRIAL", status: "IDLE" } });
  const body = await db.body.create({ data: { provinceId, kind: "WORKING_GROUP", nameFa: "کارگروه", nameEn: "WG" } });
  const meeting = await db.meeting.create({ data: { provinceId, bodyId: body.id, jalaliYear: 1404, number: 1, startsAt: d("2025-06-01") } });
  const rows: [string, string, "ISSUED" | "IN_PROGRESS" | "DONE_REPORTED" | "VERIFIED" | "CANCELLED", string?][] = [
    ["overdue-issued", "2025-07-01", "ISSUED"],
    ["overdue-in-progress", "2025-07-09", "IN_PROGRESS"],
    ["due-today", TODAY, "ISSUED"],
    ["due-in-7", "2025-07-17", "IN_PROGRESS"],
    ["due-in-8", "2025-07-18", "ISSUED"],
    ["late-but-reported", "2025-07-01", "DONE_REPORTED"],
    ["late-but-cancelled", "2025-07-01", "CANCELLED"],
    ["verified-this-month", "2025-07-05", "VERIFIED", "2025-07-06"],
    // Tir 1404 began on 2025-06-22: the 21st is still Khordad, the previous Jalali month.
    ["verified-last-month", "2025-06-20", "VERIFIED", "2025-06-21"],
  ];
  for (const [text, deadline, status, verified] of rows) {
    await db.resolution.create({
      data: {
        provinceId, meetingId: meeting.id, unitId: unit.id, text, deadline: d(deadline), status,
        responsibleAgencyId: text.startsWith("overdue-in") ? agencyB : agencyA,
        verifiedAt: verified ? new Date(`${verified}T08:00:00Z`) : null,
      },
    });
  }
});

describe("resolution lists (overdue is derived at read time)", () => {
  it("lists overdue items oldest deadline first, never reported or cancelled ones", async () => {
    const secretariat = await createActor(["SECRETARIAT"], { provinceId });
    const items = await listOverdueResolutions(secretariat, {}, TODAY);
    expect(items.map((r) => r.text)).toEqual(["overdue-issued", "overdue-in-progress"]);
    expect(items.map((r) => daysUntil(r.deadline, TODAY))).toEqual([-9, -1]);
  });

  it("shows an agency only its own resolutions, open ones first by deadline", async () => {
    const agencyUser = await createActor(["AGENCY"], { provinceId, agencyId: agencyB });
    expect((await listAgencyResolutions(agencyUser)).map((r) => r.text)).toEqual(["overdue-in-progress"]);
    const agencyAUser = await createActor(["AGENCY"], { provinceId, agencyId: agencyA });
    const texts = (await listAgencyResolutions(agencyAUser)).map((r) => r.text);
    expect(texts.slice(0, 4)).toEqual(["overdue-issued", "due-today", "due-in-7", "due-in-8"]);
  });
});
