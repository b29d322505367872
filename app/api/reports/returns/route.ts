import { z } from "zod";
import { route } from "@/lib/route";
import { returnsXlsx } from "@/lib/outcomes/export";
import { xlsxResponse } from "@/lib/reports/xlsx";

/** Units back in production and jobs, by month, category (and province), as .xlsx. */
export const GET = route(
  { permission: "dashboard.view", query: z.record(z.string(), z.string()) },
  async ({ user, t, locale }) => {
    const { bytes, fileName } = await returnsXlsx(user, locale, t);
    return xlsxResponse(bytes, fileName);
  },
);
