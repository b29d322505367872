import { z } from "zod";
import { route } from "@/lib/route";
import { moneyXlsx } from "@/lib/outcomes/export";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** Requested, approved and moved per bank per month (the dashboard's table) as .xlsx. */
export const GET = route(
  { permission: "dashboard.view", query: z.record(z.string(), z.string()) },
  async ({ user, t, locale }) => {
    const { bytes, fileName } = await moneyXlsx(user, locale, t);
    return xlsxResponse(bytes, fileName);
  },
);
