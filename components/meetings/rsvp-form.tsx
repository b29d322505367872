"use client";
import { useActionState, useState } from "react";
import { answerInvitationAction } from "@/lib/meetings/rsvp-actions";
import { initialFormState } from "@/lib/forms";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

const MODES = ["HEAD", "REPRESENTATIVE", "ABSENT"] as const;

/** The answer to an invitation: who comes, and the representative's name when one is sent. */
export function RsvpForm({
  token,
  mode,
  attendeeName,
}: {
  token: string;
  mode: (typeof MODES)[number] | null;
  attendeeName: string | null;
}) {
  const t = useT();
  const [state, action] = useActionState(answerInvitationAction, initialFormState);
  const [chosen, setChosen] = useState<string>((state.values?.mode as string | undefined) ?? mode ?? "");
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("rsvp.question")}</legend>
        {MODES.map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value={m} checked={chosen === m} onChange={() => setChosen(m)} />
            {t(`rsvp.${m}`)}
          </label>
        ))}
        {state.fieldErrors?.mode && (
          <p className="text-sm text-red-700">{state.fieldErrors.mode.join(" ")}</p>
        )}
      </fieldset>
      {chosen === "REPRESENTATIVE" && (
        <Field label={t("rsvp.attendeeName")} errors={state.fieldErrors?.attendeeName}>
          {(props) => (
            <input
              {...props}
              name="attendeeName"
              className={inputClass}
              maxLength={120}
              defaultValue={(state.values?.attendeeName as string | undefined) ?? attendeeName ?? ""}
            />
          )}
        </Field>
      )}
      <SubmitButton pendingLabel={t("common.saving")}>{t("rsvp.submit")}</SubmitButton>
    </form>
  );
}
