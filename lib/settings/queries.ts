import "server-only";
import { db } from "@/lib/db";

export const PUBLIC_FIGURES = "publicFigures";

/** Whether the admin has switched on the public figures page (off until they do). */
export async function publicFiguresEnabled(): Promise<boolean> {
  const setting = await db.appSetting.findUnique({ where: { key: PUBLIC_FIGURES } });
  return setting?.value === true;
}
