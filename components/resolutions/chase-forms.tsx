"use client";
import { useActionState } from "react";
import {
  decideReturnAction,
  remindAgencyAction,
  remindResolutionAction,
  returnResolutionAction,
} from "@/lib/resolutions/actions";
import { initialFormState } from "@/lib/forms";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { TextAreaField, bindField } from "@/components/ui/field";
import {
  AgencyChoiceField,
  DecisionButtons,
  NoteField,
  type AgencyPicker,
} from "@/components/ui/decision-fields";
import { FormShell } from "@/components/ui/form-shell";
import { PrintButton } from "@/components/ui/print-button";
import { useT } from "@/components/ui/messages";
import { DateField, useQuickDeadlines } from "@/components/ui/date-field";
import { todayInTehran } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";

// Chasing and disputes on a resolution: the secretariat's "remind now", the agency's return
// ("not our remit") and the secretariat's decision on it. The server checks every rule again.

/** Whom a reminder reaches (lib/notifications/inbox.ts agencyReach), as the page knows it. */
export type RemindReach = { users: number; headEmail: string | null; headMobile: string | null };

const reachable = (reach: RemindReach) => reach.users > 0 || !!reach.headEmail || !!reach.headMobile;

/** The confirm question names whom the reminder reaches when no user of the agency will. */
function useHeadQuestion(reach: RemindReach): string {
  const t = useT();
  if (reach.headEmail && !reach.headMobile)
    return t("resolutions.remind.confirmHead", { email: reach.headEmail });
  const contacts = [
    ...(reach.headEmail ? [t("resolutions.remind.viaEmail", { email: reach.headEmail })] : []),
    ...(reach.headMobile ? [t("resolutions.remind.viaSms", { mobile: reach.headMobile })] : []),
  ].join("، ");
  return t("resolutions.remind.confirmHeadContacts", { contacts });
}

/**
 * An agency without users and without a head's e-mail cannot be reminded from here: say so
 * and offer the printed page as a letter instead of a button that would reach nobody.
 */
function Unreachable() {
  const t = useT();
  return (
    <div className="space-y-2">
      <p role="note" className="text-sm text-amber-900">
        {t("resolutions.remind.unreachable")}
      </p>
      <PrintButton label={t("resolutions.remind.print")} />
    </div>
  );
}

/**
 * "Remind now", for one resolution or for all of an agency's open ones: asks first, naming the
 * head's contacts when no user of the agency will get it; says so when nobody can be reached.
 */
function RemindButton({
  action,
  fields,
  reach,
  label,
  question,
}: {
  action: React.ComponentProps<typeof ConfirmForm>["action"];
  fields: Record<string, string>;
  reach: RemindReach;
  label: string;
  question: string;
}) {
  const headQuestion = useHeadQuestion(reach);
  if (!reachable(reach)) return <Unreachable />;
  return (
    <ConfirmForm
      action={action}
      fields={fields}
      label={label}
      question={reach.users > 0 ? question : headQuestion}
    />
  );
}

export function RemindNowButton({ id, reach }: { id: string; reach: RemindReach }) {
  const t = useT();
  const words = { label: t("resolutions.remind.now"), question: t("resolutions.remind.confirm") };
  return <RemindButton action={remindResolutionAction} fields={{ id }} reach={reach} {...words} />;
}

export function RemindAgencyButton({ agencyId, reach }: { agencyId: string; reach: RemindReach }) {
  const t = useT();
  const words = { label: t("resolutions.remind.agencyNow"), question: t("resolutions.remind.confirmAgency") };
  return <RemindButton action={remindAgencyAction} fields={{ agencyId }} reach={reach} {...words} />;
}

export function ReturnResolutionForm({ id, version }: { id: string; version: number }) {
  const t = useT();
  const [state, action] = useActionState(returnResolutionAction, initialFormState);
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-3"
      label={t("resolutions.returns.title")}
      fields={{ id, version }}
      submit={t("resolutions.returns.submit")}
      variant="secondary"
    >
      <p className="text-sm text-slate-700">{t("resolutions.returns.hint")}</p>
      <TextAreaField
        label={t("resolutions.returns.reason")}
        {...bindField(state, "reason")}
        rows={3}
        required
      />
    </FormShell>
  );
}

export function DecideReturnForm({
  id,
  version,
  returnId,
  agencies,
  locale,
}: {
  id: string;
  version: number;
  returnId: string;
  agencies: AgencyPicker;
  locale: Locale;
}) {
  const t = useT();
  const [state, action, pending] = useActionState(decideReturnAction, initialFormState);
  const quick = useQuickDeadlines(todayInTehran(), locale);
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-3"
      label={t("resolutions.returns.decideTitle")}
      fields={{ id, version, returnId }}
    >
      <AgencyChoiceField
        label={t("resolutions.returns.toAgency")}
        name="toAgencyId"
        state={state}
        picker={agencies}
      />
      <DateField
        label={t("resolutions.returns.newDeadline")}
        hint={t("resolutions.returns.newDeadlineHint")}
        state={state}
        name="newDeadline"
        locale={locale}
        quick={quick}
      />
      <NoteField label={t("resolutions.returns.note")} state={state} />
      <DecisionButtons
        pending={pending}
        choices={[
          { value: "REASSIGN", label: t("resolutions.returns.reassign"), variant: "primary" },
          { value: "REJECT", label: t("resolutions.returns.reject"), variant: "danger" },
        ]}
      />
    </FormShell>
  );
}
