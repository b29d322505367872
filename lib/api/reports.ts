import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { chosenFiles } from "@/lib/attachments/store";
import { SUBMISSION_KEY_FIELD } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";
import { reportProgress } from "@/lib/resolutions/mutations";
import type { ApiContext } from "./handler";
import { parseBody, problemFromFormState } from "./handler";
import { ProblemError } from "@/lib/errors";
import { apiResolution } from "./resources";
import { reportBodySchema } from "./schema";

/**
 * The `Idempotency-Key` header (a UUID the client keeps for every retry of one report), as
 * the key the forms use (docs/decisions/022-idempotent-submissions.md). Mixed with the
 * token's user into another UUID, so two clients that happen to pick the same key never
 * see each other's submission.
 */
function idempotencyKey(request: Request, userId: string, t: Translate): string | undefined {
  const header = request.headers.get("idempotency-key");
  if (header === null) return undefined;
  if (!z.uuid().safeParse(header.trim()).success)
    throw new ProblemError("bad-request", t("api.e.idempotencyKeyInvalid"), {
      errors: { "Idempotency-Key": [t("api.e.idempotencyKeyInvalid")] },
    });
  const h = createHash("sha256").update(`api:${userId}:${header.trim().toLowerCase()}`).digest("hex");
  // Shaped as a version-4 UUID (the form key's schema accepts any RFC 9562 UUID).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * An agency's system reports progress or completion: the very reportProgress() the agency's
 * users call from the inbox (parse → authorise → transaction → audit), so the evidence rule,
 * optimistic concurrency and ownership check are the same. Evidence files come as
 * multipart parts named `evidence`.
 */
export async function postReport(
  { request, t, principal }: ApiContext,
  id: string,
): Promise<{ resolution: Awaited<ReturnType<typeof apiResolution>>; replayed: boolean }> {
  const key = idempotencyKey(request, principal.actor.id, t);
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
    {
      id,
      version: body.version ?? current.version,
      note: body.note,
      toStatus: body.status,
      ...(key ? { [SUBMISSION_KEY_FIELD]: key } : {}),
    },
    files,
    t,
  );
  if (!state.ok) {
    // The form calls the evidence field `files`; the API calls it `evidence`.
    const { files: evidence, ...others } = state.fieldErrors ?? {};
    const fieldErrors = evidence ? { ...others, evidence } : state.fieldErrors;
    throw problemFromFormState({ ...state, fieldErrors }, t, {
      "resolutions.conflict": "conflict",
      "resolutions.notOpen": "conflict",
    });
  }
  // A retry after a lost answer: nothing new was written; the resolution as it stands now.
  const replayed = state.message === t("errors.duplicateSubmission");
  return { resolution: await apiResolution(principal.actor, id), replayed };
}
