import "server-only";
import { chosenFiles } from "@/lib/attachments/store";
import { reportProgress } from "@/lib/resolutions/mutations";
import type { ApiContext } from "./handler";
import { parseBody, problemFromFormState } from "./handler";
import { ProblemError } from "./problem";
import { apiResolution } from "./resources";
import { reportBodySchema } from "./schema";

/**
 * An agency's system reports progress or completion: the very reportProgress() the agency's
 * users call from the inbox (parse → authorise → transaction → audit), so the evidence rule,
 * optimistic concurrency and ownership check are the same. Evidence files come as
 * multipart parts named `evidence`.
 */
export async function postReport({ request, t, principal }: ApiContext, id: string) {
  const type = request.headers.get("content-type") ?? "";
  let fields: Record<string, unknown>;
  let files: File[] = [];
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData();
      fields = Object.fromEntries(
        ["status", "note", "version"].flatMap((k) => {
          const v = form.get(k);
          return typeof v === "string" && v !== "" ? [[k, v]] : [];
        }),
      );
      files = chosenFiles(form.getAll("evidence"));
    } else if (type.startsWith("application/json")) {
      const body: unknown = await request.json();
      if (typeof body !== "object" || body === null || Array.isArray(body))
        throw new SyntaxError("not an object");
      fields = body as Record<string, unknown>;
    } else {
      throw new ProblemError("unsupported-media-type", t("api.e.unsupportedMediaType"));
    }
  } catch (err) {
    if (err instanceof ProblemError) throw err;
    throw new ProblemError("bad-request", t("api.e.invalidBody"));
  }
  const body = parseBody(reportBodySchema, fields, t);
  const current = await apiResolution(principal.actor, id);
  if (!current) throw new ProblemError("not-found", t("api.e.notFound"));
  const state = await reportProgress(
    principal.actor,
    { id, version: body.version ?? current.version, note: body.note, toStatus: body.status },
    files,
    t,
  );
  if (!state.ok) {
    // The form calls the evidence field `files`; the API calls it `evidence`.
    const { files: evidence, ...others } = state.fieldErrors ?? {};
    const fieldErrors = evidence ? { ...others, evidence } : state.fieldErrors;
    throw problemFromFormState({ ...state, fieldErrors }, t);
  }
  return apiResolution(principal.actor, id);
}
