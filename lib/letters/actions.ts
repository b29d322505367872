"use server";
import { formAction } from "@/lib/action";
import { issueLetters } from "./issue";
import { issueAbsenceLetter } from "./absence";

// Issuing is a write (a number taken in the series), so it is a form post; the printable page
// it leads to only reads.
export const issueLettersAction = formAction(
  ({ user, t }, form) => issueLetters(user, Object.fromEntries(form), t),
  {
    redirect: (form, result) => {
      const meetingId = form.get("meetingId");
      if (typeof meetingId === "string" && meetingId) return { to: `/meetings/${meetingId}/letters` };
      const [first] = result.ids ?? [];
      return first ? { to: `/letters/${first}` } : null;
    },
    echo: false,
  },
);

/** The chair's letter to an absent head (issue #36): issued, then opened to print or download. */
export const issueAbsenceLetterAction = formAction(
  ({ user, t }, form) => issueAbsenceLetter(user, Object.fromEntries(form), t),
  {
    redirect: (_form, result) => {
      const [first] = result.ids ?? [];
      return first ? { to: `/letters/${first}` } : null;
    },
    echo: false,
  },
);
