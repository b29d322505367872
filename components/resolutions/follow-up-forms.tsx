"use client";
import { useActionState, useRef } from "react";
import {
  decideExtensionAction,
  reportProgressAction,
  requestExtensionAction,
  verifyResolutionAction,
} from "@/lib/resolutions/actions";
import { initialFormState, submittedValue, type FormState } from "@/lib/forms";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import { Field, FieldErrors, SelectField, TextAreaField, TextField, bindField } from "@/components/ui/field";
import { DecisionButtons, NoteField } from "@/components/ui/decision-fields";
import { FormShell } from "@/components/ui/form-shell";
import { FileInput } from "@/components/ui/file-input";
import { SubmissionKeyField } from "@/components/ui/submission-key-field";
import { useT } from "@/components/ui/messages";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DateField } from "@/components/ui/date-field";
import type { Locale } from "@/lib/i18n/messages";
import { MILESTONE_FIELD_PREFIX, MONEY_MOVEMENTS } from "@/lib/outcomes/constants";

// The follow-up forms of a resolution's page. Each carries the resolution's id and the
// version the page was rendered with; the server refuses a stale version.

type Target = { id: string; version: number };

/** An open step the report may tick, its due date already formatted. */
export type OpenMilestone = { id: string; title: string; due: string };

export function ReportProgressForm({
  id,
  version,
  milestones = [],
  bank = false,
  locale,
}: Target & {
  milestones?: OpenMilestone[];
  /** The responsible agency is a bank: the form asks what it did with the money. */
  bank?: boolean;
  locale: Locale;
}) {
  const t = useT();
  const [state, action] = useActionState(reportProgressAction, initialFormState);
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-4"
      label={t("resolutions.reportTitle")}
      fields={{ id, version }}
      submit={t("resolutions.submitReport")}
    >
      <SubmissionKeyField answer={state} />
      <TextAreaField
        label={t("resolutions.note")}
        hint={t("resolutions.noteHint")}
        {...bindField(state, "note")}
        rows={4}
        required
      />
      <SelectField
        label={t("resolutions.newStatus")}
        hint={t("resolutions.doneHint")}
        {...bindField(state, "toStatus", "IN_PROGRESS")}
        options={REPORTED_STATUSES.map((s) => [s, t(`resolutionStatus.${s}`)])}
      />
      {milestones.length > 0 && <MilestoneTicks milestones={milestones} state={state} />}
      <TextField
        label={t("outcomes.progress.pctField")}
        hint={t("outcomes.progress.pctHint")}
        {...bindField(state, "progressPct")}
        inputMode="numeric"
      />
      {bank && <MoneyMovementFields state={state} locale={locale} />}
      <Field
        label={t("resolutions.files")}
        hint={t("obstacles.attachmentsHint")}
        errors={state.fieldErrors?.files}
      >
        {(p) => <FileInput {...p} name="files" multiple accept={ACCEPT_ATTRIBUTE} />}
      </Field>
    </FormShell>
  );
}

const REPORTED_STATUSES = ["IN_PROGRESS", "DONE_REPORTED"] as const;

/** The resolution's open steps, each ticked when the report says it is done. */
function MilestoneTicks({ milestones, state }: { milestones: OpenMilestone[]; state: FormState }) {
  const t = useT();
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-800">{t("outcomes.milestones.tick")}</legend>
      <FieldErrors errors={state.fieldErrors?.milestoneIds} />
      {milestones.map((m) => (
        <label key={m.id} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name={`${MILESTONE_FIELD_PREFIX}${m.id}`}
            defaultChecked={submittedValue(state, `${MILESTONE_FIELD_PREFIX}${m.id}`) === "on"}
          />
          <span>
            {m.title} <span className="text-xs text-slate-500">({m.due})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** A bank's report: what it did with the money, how much and when. */
function MoneyMovementFields({ state, locale }: { state: FormState; locale: Locale }) {
  const t = useT();
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{t("outcomes.money.title")}</legend>
      <p className="text-xs text-slate-600">{t("outcomes.money.hint")}</p>
      <SelectField
        label={t("outcomes.money.movementField")}
        {...bindField(state, "moneyMovement", "")}
        blank={t("outcomes.money.noMovement")}
        options={MONEY_MOVEMENTS.map((m) => [m, t(`outcomes.money.movement.${m}`)])}
      />
      <TextField label={t("outcomes.money.amountField")} {...bindField(state, "amount")} />
      <DateField
        label={t("outcomes.money.dateField")}
        hint={t("outcomes.money.dateHint")}
        state={state}
        name="moneyOn"
        locale={locale}
      />
    </fieldset>
  );
}

export function ExtensionRequestForm({ id, version, locale }: Target & { locale: Locale }) {
  const t = useT();
  const [state, action] = useActionState(requestExtensionAction, initialFormState);
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-4"
      label={t("resolutions.extensionTitle")}
      fields={{ id, version }}
      submit={t("resolutions.submitExtension")}
      variant="secondary"
    >
      <DateField
        label={t("resolutions.newDeadline")}
        hint={t("resolutions.newDeadlineHint")}
        state={state}
        name="newDeadline"
        required
        locale={locale}
      />
      <TextAreaField label={t("resolutions.reason")} {...bindField(state, "reason")} rows={3} required />
    </FormShell>
  );
}

export function DecideExtensionForm({ id, version, extensionId }: Target & { extensionId: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(decideExtensionAction, initialFormState);
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-3"
      label={t("resolutions.decideTitle")}
      fields={{ id, version, extensionId }}
    >
      <NoteField label={t("resolutions.rejectReason")} state={state} />
      <DecisionButtons
        pending={pending}
        choices={[
          { value: "APPROVE", label: t("resolutions.approve"), variant: "primary" },
          { value: "REJECT", label: t("resolutions.reject"), variant: "danger" },
        ]}
      />
    </FormShell>
  );
}

export function VerifyForm({ id, version }: Target) {
  const t = useT();
  const [state, action, pending] = useActionState(verifyResolutionAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const { confirm, dialog } = useConfirm();
  return (
    <FormShell
      state={state}
      action={action}
      className="space-y-3"
      label={t("resolutions.verifyTitle")}
      fields={{ id, version }}
      ref={form}
      onSubmit={(e) => {
        // Both outcomes notify others and move obstacles, so each is confirmed first; the
        // confirmed submission comes back through requestSubmit with the same button.
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (confirmed.current) {
          confirmed.current = false;
          return;
        }
        e.preventDefault();
        const question =
          submitter?.value === "REOPEN" ? t("resolutions.confirmReopen") : t("resolutions.confirmVerify");
        void confirm(question).then((yes) => {
          if (!yes) return;
          confirmed.current = true;
          form.current?.requestSubmit(submitter);
        });
      }}
    >
      <TextAreaField
        label={`${t("resolutions.verifyNote")} / ${t("resolutions.reopenReason")}`}
        {...bindField(state, "note")}
        rows={2}
      />
      <DecisionButtons
        pending={pending}
        choices={[
          { value: "VERIFY", label: t("resolutions.verify"), variant: "primary" },
          { value: "REOPEN", label: t("resolutions.reopen"), variant: "secondary" },
        ]}
      />
      {dialog}
    </FormShell>
  );
}
