import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SUBMISSION_KEY_FIELD, type FormState } from "@/lib/forms";
import type { Translate } from "@/lib/i18n/messages";

// A retry never duplicates (docs/decisions/022-idempotent-submissions.md). Each form render
// carries a random key; the mutation claims it in its own transaction (a unique row in
// SubmissionKey) and stores its answer there. Submitted again — a browser retrying after a
// dropped connection, a double click — the key is found and the first answer is given
// back, marked as a repeat, instead of a second record.

const keyed = z.object({ [SUBMISSION_KEY_FIELD]: z.uuid() });

/** The submission's key, or null for a caller that sends none (then nothing is checked). */
export function submissionKey(raw: unknown): string | null {
  const parsed = keyed.safeParse(raw);
  return parsed.success ? (parsed.data[SUBMISSION_KEY_FIELD] ?? null) : null;
}

export class AlreadySubmitted extends Error {
  constructor(readonly key: string) {
    super(`submission ${key} was already applied`);
  }
}

/** Cheap early exit, before uploads or optimistic-version checks would refuse the repeat. */
export async function assertNotSubmitted(key: string | null): Promise<void> {
  if (key && (await db.submissionKey.findUnique({ where: { key }, select: { key: true } })))
    throw new AlreadySubmitted(key);
}

/**
 * The check that counts: first statement of the mutation's transaction. A concurrent
 * submission with the same key waits on the row until that one commits, then finds it.
 */
export async function claimSubmission(tx: Tx, key: string | null, userId: string | null): Promise<void> {
  if (!key) return;
  const inserted = await tx.$executeRaw`
    insert into "SubmissionKey" ("key", "userId") values (${key}, ${userId})
    on conflict ("key") do nothing`;
  if (inserted === 0) throw new AlreadySubmitted(key);
}

/** Keeps the answer with the key (same transaction), so a repeat gets the same one. */
export async function rememberAnswer<R extends FormState>(tx: Tx, key: string | null, answer: R): Promise<R> {
  if (key)
    await tx.submissionKey.update({
      where: { key },
      data: { result: answer as unknown as Prisma.InputJsonValue },
    });
  return answer;
}

/** The first submission's answer (its record's id included), saying it was a repeat. */
export async function firstAnswer(err: AlreadySubmitted, t: Translate): Promise<FormState> {
  const row = await db.submissionKey.findUnique({ where: { key: err.key }, select: { result: true } });
  const previous = row?.result as FormState | null | undefined;
  return { ...(previous ?? { ok: true }), message: t("errors.duplicateSubmission") };
}
