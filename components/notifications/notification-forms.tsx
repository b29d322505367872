"use client";
import { useActionState } from "react";
import {
  markNotificationsReadAction,
  requestMobileCodeAction,
  setMailFrequencyAction,
  setSmsOptInAction,
  verifyMobileCodeAction,
} from "@/lib/notifications/actions";
import { TextField } from "@/components/ui/field";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

/** Marks one notification read, or with id "all" every unread one. */
export function MarkReadButton({ id, label }: { id: string; label: string }) {
  const t = useT();
  const [state, action] = useActionState(markNotificationsReadAction, initialFormState);
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {label}
      </SubmitButton>
      {!state.ok && <FormMessage state={state} compact />}
    </form>
  );
}

/** E-mail at once or as a daily digest: each user's own choice. */
export function MailFrequencyForm({ value }: { value: "IMMEDIATE" | "DAILY" }) {
  const t = useT();
  const [state, action] = useActionState(setMailFrequencyAction, initialFormState);
  const chosen = (state.values?.mailFrequency as string | undefined) ?? value;
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">{t("notifications.preferenceHint")}</legend>
        {(["IMMEDIATE", "DAILY"] as const).map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input type="radio" name="mailFrequency" value={option} defaultChecked={chosen === option} />
            {t(`notifications.frequency.${option}`)}
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingLabel={t("common.saving")}>{t("notifications.savePreference")}</SubmitButton>
    </form>
  );
}

/**
 * SMS for the user's own notifications (issue #37): a number counts once the code sent to it
 * is typed back; then SMS can be switched off and on.
 */
export function SmsSettingsForm({ verified, smsOptIn }: { verified: string | null; smsOptIn: boolean }) {
  const t = useT();
  const [codeState, requestCode] = useActionState(requestMobileCodeAction, initialFormState);
  const [verifyState, verify] = useActionState(verifyMobileCodeAction, initialFormState);
  const [optState, setOptIn] = useActionState(setSmsOptInAction, initialFormState);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("sms.mobile.hint")}</p>
      <p className="text-sm">
        {verified ? (
          <span dir="auto">{t("sms.mobile.verified", { mobile: verified })}</span>
        ) : (
          t("sms.mobile.notVerified")
        )}
      </p>
      <form action={requestCode} className="flex flex-wrap items-end gap-2" noValidate>
        <FormMessage state={codeState} />
        <TextField
          label={t("sms.mobile.number")}
          errors={codeState.fieldErrors?.mobile}
          name="mobile"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          dir="ltr"
          defaultValue={typeof codeState.values?.mobile === "string" ? codeState.values.mobile : ""}
        />
        <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
          {t("sms.mobile.sendCode")}
        </SubmitButton>
      </form>
      <form action={verify} className="flex flex-wrap items-end gap-2" noValidate>
        <FormMessage state={verifyState} />
        <TextField
          label={t("sms.mobile.code")}
          errors={verifyState.fieldErrors?.code}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          dir="ltr"
          maxLength={12}
        />
        <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
          {t("sms.mobile.verify")}
        </SubmitButton>
      </form>
      {verified && (
        <form action={setOptIn} className="flex items-center gap-3">
          <FormMessage state={optState} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="smsOptIn" defaultChecked={smsOptIn} />
            {t("sms.mobile.optIn")}
          </label>
          <SubmitButton pendingLabel={t("common.saving")}>{t("sms.mobile.save")}</SubmitButton>
        </form>
      )}
    </div>
  );
}
