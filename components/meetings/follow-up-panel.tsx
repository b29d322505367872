"use client";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { addFollowUpsAction, decideFollowUpAction } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { FOLLOW_UP_DECISIONS } from "@/lib/meetings/constants";
import { todayInTehran } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { DateField, useQuickDeadlines } from "@/components/ui/date-field";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { SelectField, bindField } from "@/components/ui/field";
import { AgencyChoiceField, NoteField, type AgencyPicker } from "@/components/ui/decision-fields";
import { FormMessage } from "@/components/ui/form-message";
import { FormShell } from "@/components/ui/form-shell";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

// Follow-up of earlier resolutions in a session (docs/decisions/092): the cases that need the
// working group again, added in one step, and one decision per case. Its own component so the
// session entry screen stays as it is; the page mounts it beside the agenda.

/** One earlier resolution as the panel shows it; dates and numbers already in the reader's language. */
export type FollowUpLine = {
  resolutionId: string;
  text: string;
  agency: string;
  deadline: string;
  late: string;
  reasons: string;
  session: string;
};

export type FollowUpItemView = FollowUpLine & {
  id: string;
  version: number;
  unit: string;
  decision: string | null;
};

export function FollowUpCandidates({
  meetingId,
  groups,
  more = null,
}: {
  meetingId: string;
  groups: { unit: string; items: FollowUpLine[] }[];
  /**
   * Only this many, the most overdue, are listed (lib/meetings/follow-up-views.ts): say so and
   * where the rest are. Null when every candidate is listed.
   */
  more?: string | null;
}) {
  const t = useT();
  const [state, action] = useActionState(addFollowUpsAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  if (groups.length === 0) return <EmptyState>{t("meetings.followUp.noCandidates")}</EmptyState>;
  return (
    <form
      ref={form}
      action={action}
      className="space-y-4"
      aria-label={t("meetings.followUp.candidatesTitle")}
    >
      <FormMessage state={state} />
      <p className="text-sm text-slate-600">{t("meetings.followUp.candidatesHint")}</p>
      {more && (
        <p className="text-sm text-slate-600">
          {t("meetings.followUp.moreCandidates", { count: more })}{" "}
          <Link href="/resolutions?overdue=1" className="text-brand-700 underline-offset-4 hover:underline">
            {t("meetings.followUp.moreCandidatesLink")}
          </Link>
        </p>
      )}
      <input type="hidden" name="meetingId" value={meetingId} />
      {groups.map((g) => (
        <fieldset key={g.unit} className="space-y-1 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">{g.unit}</legend>
          {g.items.map((c) => (
            <label key={c.resolutionId} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="resolutionIds" value={c.resolutionId} className="mt-1" />
              <span>
                {c.text}
                <span className="block text-xs text-slate-600">
                  {c.agency} — {c.session} — {t("meetings.followUp.deadline")}: {c.deadline} — {c.late} —{" "}
                  {c.reasons}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() =>
            form.current
              ?.querySelectorAll<HTMLInputElement>('input[name="resolutionIds"]')
              .forEach((box) => (box.checked = true))
          }
        >
          {t("meetings.followUp.selectAll")}
        </Button>
        <SubmitButton pendingLabel={t("common.saving")}>{t("meetings.followUp.add")}</SubmitButton>
      </div>
    </form>
  );
}

export function FollowUpItems({
  items,
  canDecide,
  agencies,
  locale,
}: {
  items: FollowUpItemView[];
  canDecide: boolean;
  agencies: AgencyPicker;
  locale: Locale;
}) {
  const t = useT();
  if (items.length === 0) return <EmptyState>{t("meetings.followUp.noItems")}</EmptyState>;
  return (
    <ol className="space-y-4">
      {items.map((item) => (
        <li key={item.id} className="space-y-2 rounded-md border border-slate-200 p-3">
          <p className="text-sm font-semibold">{item.unit}</p>
          <p className="text-sm">{item.text}</p>
          <p className="text-xs text-slate-600">
            {item.session} — {item.agency} — {t("meetings.followUp.deadline")}: {item.deadline} — {item.late}{" "}
            — {item.reasons}
          </p>
          {item.decision ? (
            <p className="text-sm font-medium text-emerald-800">{item.decision}</p>
          ) : canDecide ? (
            <DecideFollowUpForm item={item} agencies={agencies} locale={locale} />
          ) : (
            <p className="text-sm text-slate-600">{t("meetings.followUp.undecided")}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

function DecideFollowUpForm({
  item,
  agencies,
  locale,
}: {
  item: FollowUpItemView;
  agencies: AgencyPicker;
  locale: Locale;
}) {
  const t = useT();
  const [state, action] = useActionState(decideFollowUpAction, initialFormState);
  const quick = useQuickDeadlines(todayInTehran(), locale);
  return (
    <FormShell
      state={state}
      action={action}
      className="grid gap-3 sm:grid-cols-2"
      label={t("meetings.followUp.decisionLabel") + ": " + item.unit}
      span="sm:col-span-2"
      fields={{ itemId: item.id, version: item.version, resolutionId: item.resolutionId }}
      submit={t("meetings.followUp.save")}
    >
      <SelectField
        label={t("meetings.followUp.decisionLabel")}
        {...bindField(state, "decision", "NEW_DEADLINE")}
        options={FOLLOW_UP_DECISIONS.map((d) => [d, t(`meetings.followUp.decision.${d}`)])}
      />
      {/* The same date field as every other date: picker, weekday read-back, Friday or
          holiday warning and +N days from today (issue #30). */}
      <DateField
        label={t("meetings.followUp.newDeadline")}
        hint={t("resolutions.newDeadlineHint")}
        state={state}
        name="newDeadline"
        locale={locale}
        quick={quick}
      />
      <AgencyChoiceField
        label={t("meetings.followUp.newAgency")}
        name="newAgencyId"
        state={state}
        picker={agencies}
      />
      <NoteField label={t("meetings.followUp.note")} state={state} />
    </FormShell>
  );
}
