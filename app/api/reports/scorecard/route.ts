import { z } from "zod";
import { route } from "@/lib/route";
import { scorecardXlsx } from "@/lib/dashboard/export";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** The agency scorecard of the dashboard, with the same filters, as .xlsx. */
export const GET = route(
  { permission: "dashboard.view", query: z.record(z.string(), z.string()) },
  async ({ user, t, locale, query }) => {
    const { bytes, fileName } = await scorecardXlsx(user, query, locale, t);
    return xlsxResponse(bytes, fileName);
  },
);
