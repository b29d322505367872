"use client";
import { useState } from "react";
import { newSubmissionKey, SUBMISSION_KEY_FIELD } from "@/lib/forms";

/**
 * The form's idempotency key (lib/idempotency.ts): the same for every retry of one
 * submission, a new one once the server has answered (`answer` is the action's state), so
 * the next submission counts as new. The server render makes the first key; the client's
 * own first value is never shown, hence the suppressed hydration warning.
 */
export function SubmissionKeyField({ answer }: { answer: unknown }) {
  const [current, setCurrent] = useState(() => ({ answer, key: newSubmissionKey() }));
  if (current.answer !== answer) setCurrent({ answer, key: newSubmissionKey() });
  return <input type="hidden" name={SUBMISSION_KEY_FIELD} value={current.key} suppressHydrationWarning />;
}
