import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { todayInTehran, localName, isRtl, formatList } from "@/lib/i18n/format";
import { exportDate } from "@/lib/exports/dates";
import { translator, type Locale } from "@/lib/i18n/messages";
import { countObstacles, exportObstacles, type ObstacleListItem } from "@/lib/obstacles/queries";
import type { ObstacleFilters } from "@/lib/obstacles/schema";
import { tableSource, type Column, type TableExport } from "@/lib/reports/table";
import { collect, writeXlsx } from "@/lib/reports/xlsx";
import { countUnits, exportUnits, type UnitExportRow } from "./queries";
import type { UnitFilters } from "./schema";
import { IMPORT_COLUMNS } from "./spreadsheet";

// Exports use the import's headers, so an exported sheet can be edited and imported back.

export function unitsExport(actor: Actor, filters: UnitFilters, locale: Locale): TableExport {
  const t = translator(locale);
  const c = IMPORT_COLUMNS;
  const columns: Column<UnitExportRow>[] = [
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
  return {
    count: () => countUnits(actor, filters),
    table: () => tableSource(t("units.title"), columns, exportUnits(actor, filters), { rtl: isRtl(locale) }),
    fileStem: `tashil-units-${todayInTehran()}`,
  };
}

export function obstaclesExport(actor: Actor, filters: ObstacleFilters, locale: Locale): TableExport {
  const t = translator(locale);
  const c = IMPORT_COLUMNS;
  const date = exportDate(locale);
  const columns: Column<ObstacleListItem>[] = [
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
      value: (o) => date(o.createdAt),
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
  return {
    count: () => countObstacles(actor, filters),
    table: () =>
      tableSource(t("obstacles.title"), columns, exportObstacles(actor, filters), { rtl: isRtl(locale) }),
    fileStem: `tashil-obstacles-${todayInTehran()}`,
  };
}

/** The filtered units as .xlsx bytes (the same writer as the streamed download). */
export async function unitsWorkbook(actor: Actor, filters: UnitFilters, locale: Locale) {
  const { table } = unitsExport(actor, filters, locale);
  return collect((out) => writeXlsx(out, [table()]));
}

/** The filtered obstacles as .xlsx bytes (the same writer as the streamed download). */
export async function obstaclesWorkbook(actor: Actor, filters: ObstacleFilters, locale: Locale) {
  const { table } = obstaclesExport(actor, filters, locale);
  return collect((out) => writeXlsx(out, [table()]));
}
