import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDate, todayInTehran } from "@/lib/i18n/format";
import { translator, type Locale } from "@/lib/i18n/messages";
import { exportObstacles } from "@/lib/obstacles/queries";
import type { ObstacleFilters } from "@/lib/obstacles/schema";
import { exportUnits } from "./queries";
import type { UnitFilters } from "./schema";
import { addTable, IMPORT_COLUMNS, workbookBytes } from "./spreadsheet";

// Exports use the import's headers, so an exported sheet can be edited and imported back.

export async function unitsWorkbook(actor: Actor, filters: UnitFilters, locale: Locale) {
  const t = translator(locale);
  const units = await exportUnits(actor, filters);
  const name = (o: { nameFa: string; nameEn: string }) => (locale === "fa" ? o.nameFa : o.nameEn);
  const c = IMPORT_COLUMNS;
  return workbookBytes((wb) => {
    addTable(
      wb,
      t("units.title"),
      [t(c.name), t(c.nationalId), t(c.sector), t(c.activity), t(c.county), t(c.industrialPark), t(c.status), t(c.employees), t("units.capacityUsePct"), t(c.managerName), t(c.phone), t("units.openObstacles")],
      units.map((u) => [u.name, u.nationalId, t(`sector.${u.sector}`), u.activity, name(u.county), u.industrialPark, t(`operatingStatus.${u.status}`), u.employees, u.capacityUsePct, u.managerName, u.phone, u._count.obstacles]),
      locale === "fa",
    );
  });
}

export async function obstaclesWorkbook(actor: Actor, filters: ObstacleFilters, locale: Locale) {
  const t = translator(locale);
  const obstacles = await exportObstacles(actor, filters);
  const name = (o: { nameFa: string; nameEn: string }) => (locale === "fa" ? o.nameFa : o.nameEn);
  const c = IMPORT_COLUMNS;
  return workbookBytes((wb) => {
    addTable(
      wb,
      t("obstacles.title"),
      [t(c.name), t(c.county), t(c.category), t(c.subCategory), t(c.description), t(c.amount), t("obstacles.status"), t("obstacles.registeredOn"), t("obstacles.agencies")],
      obstacles.map((o) => [
        o.unit.name, name(o.unit.county), name(o.category), o.subCategory ? name(o.subCategory) : null, o.description,
        // Rials exceed Number's exact range only beyond 9e15; keep text then so nothing is rounded.
        o.amountRials === null ? null : o.amountRials <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(o.amountRials) : o.amountRials.toString(),
        t(`obstacleStatus.${o.status}`), formatDate(o.createdAt, locale, { style: "short" }), o.agencies.map((a) => name(a.agency)).join(locale === "fa" ? "، " : ", "),
      ]),
      locale === "fa",
    );
  });
}

export const exportFileName = (kind: "units" | "obstacles") => `tashil-${kind}-${todayInTehran()}.xlsx`;
