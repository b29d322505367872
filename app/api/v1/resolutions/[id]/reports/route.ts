import { apiHandler, json } from "@/lib/api/handler";
import { postReport } from "@/lib/api/reports";

export const dynamic = "force-dynamic";

export const POST = apiHandler<{ id: string }>("REPORT", async (ctx, { id }) =>
  json(await postReport(ctx, id), 201),
);
