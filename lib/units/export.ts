import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { formatDate, todayInTehran, localName, isRtl, formatList } from "@/lib/i18n/format";
import { translator, type Locale } from "@/lib/i18n/messages";
import { exportObstacles } from "@/lib/obstacles/queries";
import type { ObstacleFilters } from "@/lib/obstacles/schema";
import { toXlsx, type Column } from "@/lib/reports/xlsx";
import { exportUnits } from "./queries";
import type { UnitFilters } from "./schema";
import { IMPORT_COLUMNS } from "./spreadsheet";

// Exports use the import's headers, so an exported sheet can be edited and imported back.

export async function unitsWorkbook(actor: Actor, filters: UnitFilters, locale: Locale) {
  const t = translator(locale);
  const units = await exportUnits(actor, filters);
  const c = IMPORT_COLUMNS;
  const columns: Column<(typeof units)[number]>[] = [
    { header: t(c.name), value: (u) => u.name },
    { header: t(c.nationalId), value: (u) => u.nationalId },
    { header: t(c.sector), value: (u) => t(`sector.${u.sector}`) },
    { header: t(c.activity), value: (u) => u.activity },
    { header: t(c.county), value: (u) => localName(u.county, locale) },
    { header: t(c.industrialPark), value: (u) => u.industrialPark },
    { header: t(c.status), value: (u) => t(`operatingStatus.${u.status}`) },
    { header: t(c.employees), value: (u) => u.employees },
    { header: t("units.capacityUsePct"), value: (u) => u.capacityUsePct },
    { header: t(c.managerName), value: (u) => u.managerName },
    { header: t(c.phone), value: (u) => u.phone },
    { header: t("units.openObstacles"), value: (u) => u._count.obstacles },
  ];
  return toXlsx(t("units.title"), columns, units, { rtl: isRtl(locale) });
}

export async function obstaclesWorkbook(actor: Actor, filters: ObstacleFilters, locale: Locale) {
  const t = translator(locale);
  const obstacles = await exportObstacles(actor, filters);
  const c = IMPORT_COLUMNS;
  const columns: Column<(typeof obstacles)[number]>[] = [
    { header: t(c.name), value: (o) => o.unit.name },
    { header: t(c.county), value: (o) => localName(o.unit.county, locale) },
    { header: t(c.category), value: (o) => localName(o.category, locale) },
    { header: t(c.subCategory), value: (o) => (o.subCategory ? localName(o.subCategory, locale) : null) },
    { header: t(c.description), value: (o) => o.description },
    // Rials exceed Number's exact range only beyond 9e15; keep text then so nothing is rounded.
    {
      header: t(c.amount),
      value: (o) =>
        o.amountRials === null
          ? null
          : o.amountRials <= BigInt(Number.MAX_SAFE_INTEGER)
            ? Number(o.amountRials)
            : o.amountRials.toString(),
    },
    { header: t("obstacles.status"), value: (o) => t(`obstacleStatus.${o.status}`) },
    {
      header: t("obstacles.registeredOn"),
      value: (o) => formatDate(o.createdAt, locale, { style: "short" }),
    },
    {
      header: t("obstacles.agencies"),
      value: (o) =>
        formatList(
          o.agencies.map((a) => localName(a.agency, locale)),
          locale,
        ),
    },
  ];
  return toXlsx(t("obstacles.title"), columns, obstacles, { rtl: isRtl(locale) });
}

export const exportFileName = (kind: "units" | "obstacles") => `tashil-${kind}-${todayInTehran()}.xlsx`;
