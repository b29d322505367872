import "server-only";
import { db } from "@/lib/db";

// The public figures page is switched on per province by that province's admin; a national
// admin switches it on for the whole deployment. Keys: "publicFigures:<provinceId>" or
// "publicFigures:*".
const PREFIX = "publicFigures:";
export const publicFiguresKey = (provinceId: string | null) => `${PREFIX}${provinceId ?? "*"}`;

export async function publicFiguresEnabled(provinceId: string | null): Promise<boolean> {
  return (await publicFiguresSetting(provinceId)).enabled;
}

/** The switch as the settings form shows it, with the version a save must name (0: never set). */
export async function publicFiguresSetting(provinceId: string | null) {
  const setting = await db.appSetting.findUnique({ where: { key: publicFiguresKey(provinceId) } });
  return { enabled: setting?.value === true, version: setting?.version ?? 0 };
}

/** What the public page may show: every province, some provinces, or nothing at all. */
export async function publicFiguresScope(): Promise<{ all: true } | { all: false; provinceIds: string[] }> {
  const settings = await db.appSetting.findMany({ where: { key: { startsWith: PREFIX } } });
  const on = settings.filter((s) => s.value === true).map((s) => s.key.slice(PREFIX.length));
  return on.includes("*") ? { all: true } : { all: false, provinceIds: on };
}
