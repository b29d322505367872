// Test data builders for integration tests. Each test file gets a province of its own, so
// files can run side by side in one database without seeing each other's rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import type { RoleName } from "@/lib/auth/roles";
import { translator } from "@/lib/i18n/messages";
import { normalizeText } from "@/lib/i18n/normalize";

export const t = translator("fa");
export const tEn = translator("en");

export async function createProvince() {
  const code = `T-${randomUUID().slice(0, 8)}`;
  return db.province.create({
    data: { code, nameFa: `استان آزمون ${code}`, nameEn: `Test province ${code}` },
  });
}

export async function createAgency(provinceId: string, nameFa = `دستگاه ${randomUUID().slice(0, 6)}`) {
  return db.agency.create({
    data: { provinceId, kind: "GOVERNMENT", nameFa, nameEn: nameFa, nameNormalized: normalizeText(nameFa) },
  });
}

export async function createActor(
  roles: RoleName[],
  opts: { provinceId: string | null; agencyId?: string | null },
): Promise<Actor & { email: string }> {
  const email = `u-${randomUUID()}@test.local`;
  const user = await db.user.create({
    data: {
      email,
      name: "کاربر آزمون",
      passwordHash: "x",
      roles,
      provinceId: opts.provinceId,
      agencyId: opts.agencyId ?? null,
    },
  });
  return { id: user.id, roles, agencyId: user.agencyId, provinceId: user.provinceId, email };
}
