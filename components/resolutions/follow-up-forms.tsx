"use client";
import { useActionState, useRef } from "react";
import {
  decideExtensionAction,
  reportProgressAction,
  requestExtensionAction,
  verifyResolutionAction,
} from "@/lib/resolutions/actions";
import { initialFormState, submittedValue } from "@/lib/forms";
import { ACCEPT_ATTRIBUTE } from "@/lib/attachments/rules";
import { Field, TextAreaField, TextField, inputClass } from "@/components/ui/field";
import { DecisionButtons, NoteField, TargetFields } from "@/components/ui/decision-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { FileInput } from "@/components/ui/file-input";
import { buttonClass } from "@/components/ui/button";
import { SubmissionKeyField } from "@/components/ui/submission-key-field";
import { Select } from "@/components/ui/select";
import { useT } from "@/components/ui/messages";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
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
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-label={t("resolutions.reportTitle")}>
      <FormMessage state={state} />
      <SubmissionKeyField answer={state} />
      <TargetFields id={id} version={version} />
      <TextAreaField
        label={t("resolutions.note")}
        hint={t("resolutions.noteHint")}
        errors={errors.note}
        name="note"
        rows={4}
        required
        defaultValue={submittedValue(state, "note")}
      />
      <Field label={t("resolutions.newStatus")} hint={t("resolutions.doneHint")} errors={errors.toStatus}>
        {(p) => (
          <Select
            {...p}
            name="toStatus"
            defaultValue={submittedValue(state, "toStatus") ?? "IN_PROGRESS"}
            className={inputClass}
          >
            <option value="IN_PROGRESS">{t("resolutionStatus.IN_PROGRESS")}</option>
            <option value="DONE_REPORTED">{t("resolutionStatus.DONE_REPORTED")}</option>
          </Select>
        )}
      </Field>
      {milestones.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t("outcomes.milestones.tick")}</legend>
          {errors.milestoneIds && <p className="text-sm text-red-700">{errors.milestoneIds.join(" ")}</p>}
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
      )}
      <Field
        label={t("outcomes.progress.pctField")}
        hint={t("outcomes.progress.pctHint")}
        errors={errors.progressPct}
      >
        {(p) => (
          <input
            {...p}
            name="progressPct"
            inputMode="numeric"
            defaultValue={submittedValue(state, "progressPct")}
            className={inputClass}
          />
        )}
      </Field>
      {bank && (
        <fieldset className="space-y-3 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("outcomes.money.title")}</legend>
          <p className="text-xs text-slate-600">{t("outcomes.money.hint")}</p>
          <Field label={t("outcomes.money.movementField")} errors={errors.moneyMovement}>
            {(p) => (
              <Select
                {...p}
                name="moneyMovement"
                defaultValue={submittedValue(state, "moneyMovement") ?? ""}
                className={inputClass}
              >
                <option value="">{t("outcomes.money.noMovement")}</option>
                {MONEY_MOVEMENTS.map((m) => (
                  <option key={m} value={m}>
                    {t(`outcomes.money.movement.${m}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <TextField
            label={t("outcomes.money.amountField")}
            errors={errors.amount}
            name="amount"
            defaultValue={submittedValue(state, "amount")}
          />
          <Field
            label={t("outcomes.money.dateField")}
            hint={t("outcomes.money.dateHint")}
            errors={errors.moneyOn}
          >
            {(p) => (
              <JalaliDateInput
                {...p}
                key={submittedValue(state, "moneyOn")}
                name="moneyOn"
                locale={locale}
                defaultValue={submittedValue(state, "moneyOn")}
              />
            )}
          </Field>
        </fieldset>
      )}
      <Field label={t("resolutions.files")} hint={t("obstacles.attachmentsHint")} errors={errors.files}>
        {(p) => <FileInput {...p} name="files" multiple accept={ACCEPT_ATTRIBUTE} />}
      </Field>
      <SubmitButton pendingLabel={t("common.saving")}>{t("resolutions.submitReport")}</SubmitButton>
    </form>
  );
}

export function ExtensionRequestForm({ id, version, locale }: Target & { locale: Locale }) {
  const t = useT();
  const [state, action] = useActionState(requestExtensionAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" aria-label={t("resolutions.extensionTitle")}>
      <FormMessage state={state} />
      <TargetFields id={id} version={version} />
      <Field
        label={t("resolutions.newDeadline")}
        hint={t("resolutions.newDeadlineHint")}
        errors={errors.newDeadline}
      >
        {(p) => (
          <JalaliDateInput
            {...p}
            // A refused form comes back with what was typed: remount to show it.
            key={submittedValue(state, "newDeadline")}
            name="newDeadline"
            required
            locale={locale}
            defaultValue={submittedValue(state, "newDeadline")}
          />
        )}
      </Field>
      <TextAreaField
        label={t("resolutions.reason")}
        errors={errors.reason}
        name="reason"
        rows={3}
        required
        defaultValue={submittedValue(state, "reason")}
      />
      <SubmitButton pendingLabel={t("common.saving")} variant="secondary">
        {t("resolutions.submitExtension")}
      </SubmitButton>
    </form>
  );
}

export function DecideExtensionForm({ id, version, extensionId }: Target & { extensionId: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(decideExtensionAction, initialFormState);
  return (
    <form action={action} className="space-y-3" aria-label={t("resolutions.decideTitle")}>
      <FormMessage state={state} />
      <TargetFields id={id} version={version} />
      <input type="hidden" name="extensionId" value={extensionId} />
      <NoteField label={t("resolutions.rejectReason")} state={state} />
      <DecisionButtons
        pending={pending}
        choices={[
          { value: "APPROVE", label: t("resolutions.approve"), variant: "primary" },
          { value: "REJECT", label: t("resolutions.reject"), variant: "danger" },
        ]}
      />
    </form>
  );
}

export function VerifyForm({ id, version }: Target) {
  const t = useT();
  const [state, action, pending] = useActionState(verifyResolutionAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const form = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const { confirm, dialog } = useConfirm();
  return (
    <form
      action={action}
      className="space-y-3"
      aria-label={t("resolutions.verifyTitle")}
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
      <FormMessage state={state} />
      <TargetFields id={id} version={version} />
      <TextAreaField
        label={`${t("resolutions.verifyNote")} / ${t("resolutions.reopenReason")}`}
        errors={errors.note}
        name="note"
        rows={2}
        defaultValue={submittedValue(state, "note")}
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="decision"
          value="VERIFY"
          disabled={pending}
          className={buttonClass("primary")}
        >
          {t("resolutions.verify")}
        </button>
        <button
          type="submit"
          name="decision"
          value="REOPEN"
          disabled={pending}
          className={buttonClass("secondary")}
        >
          {t("resolutions.reopen")}
        </button>
      </div>
      {dialog}
    </form>
  );
}
