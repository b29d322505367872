"use client";
import { useId } from "react";
import { newSubmissionKey } from "@/lib/forms";
import type { ResolutionSaved } from "@/lib/meetings/resolutions";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { Button } from "@/components/ui/button";
import { Field, FieldErrors, inputClass } from "@/components/ui/field";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
import { useQuickDeadlines } from "@/components/ui/date-field";
import type { AgendaItemView } from "@/lib/meetings/types";
import { AgencyCombobox, type AgencyChoice } from "@/components/ui/agency-combobox";
import { useT } from "@/components/ui/messages";

// One resolution being typed in session: its draft state, save indicator and form. The
// session screen (./session-entry.tsx) holds the drafts and decides when to save.

export type SaveState = "saved" | "unsaved" | "saving" | "failed";

export type Draft = {
  key: string;
  /** Sent with a new resolution: a retry after a lost answer saves it once (lib/idempotency.ts). */
  submissionKey: string;
  id: string | null;
  sequence: number | null;
  text: string;
  responsibleAgencyId: string;
  supportingAgencyIds: string[];
  /** The agenda item's obstacles this resolution answers; a new one starts with all of them. */
  obstacleIds: string[];
  deadline: string;
  editable: boolean;
  state: SaveState;
  message?: string;
  fieldErrors?: Record<string, string[]>;
};

let draftCounter = 0;
export const emptyDraft = (
  deadline: string,
  obstacleIds: string[],
  key = `new-${++draftCounter}`,
): Draft => ({
  key,
  // Kept in the draft's state from its first edit on, so every retry sends the same one.
  submissionKey: newSubmissionKey(),
  id: null,
  sequence: null,
  text: "",
  responsibleAgencyId: "",
  supportingAgencyIds: [],
  obstacleIds,
  deadline,
  editable: true,
  state: "unsaved",
});

/** A server action that cannot be reached (connection lost) answers like a refused one, so the draft stays. */
export async function call(action: () => Promise<ResolutionSaved>, t: Translate): Promise<ResolutionSaved> {
  try {
    return await action();
  } catch {
    return { ok: false, message: t("meetings.entry.offline") };
  }
}

export function SaveIndicator({ state, message, t }: { state: SaveState; message?: string; t: Translate }) {
  const text = {
    saved: t("meetings.entry.savedState"),
    unsaved: t("meetings.entry.unsaved"),
    saving: t("meetings.entry.saving"),
    failed: t("meetings.entry.failed"),
  }[state];
  const tone = {
    saved: "text-emerald-700",
    unsaved: "text-slate-500",
    saving: "text-slate-600",
    failed: "text-red-700",
  }[state];
  return (
    <p role="status" className={`text-xs ${tone}`}>
      {state === "saved" ? "✓ " : ""}
      {text}
      {message ? ` — ${message}` : ""}
    </p>
  );
}

type DraftFormProps = {
  locale: Locale;
  legend: string;
  draft: Draft;
  obstacles: AgendaItemView["obstacles"];
  agencies: AgencyChoice[];
  agencyGroups: string[];
  meetingDate: string;
  onChange: (patch: Partial<Draft>) => void;
  onSave: () => void;
  onDelete: () => void;
};

export function ResolutionDraftForm({ legend, draft, onSave, onDelete, ...props }: DraftFormProps) {
  const t = useT();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSave();
        }
      }}
    >
      <fieldset
        disabled={!draft.editable}
        className={`space-y-3 rounded-md border p-3 ${draft.state === "saved" ? "border-emerald-300 bg-emerald-50/40" : "border-slate-200"}`}
      >
        <legend className="px-1 text-sm font-semibold">{legend}</legend>
        <DraftFields draft={draft} {...props} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" aria-keyshortcuts="Control+Enter" disabled={draft.state === "saving"}>
            {draft.state === "saving" ? t("meetings.entry.saving") : t("meetings.entry.save")}
          </Button>
          {draft.id && draft.editable && (
            <Button variant="ghost" className="text-red-700" onClick={onDelete}>
              {t("meetings.entry.delete")}
            </Button>
          )}
          <SaveIndicator state={draft.state} message={draft.message} t={t} />
        </div>
      </fieldset>
    </form>
  );
}

/** The resolution's text, the obstacles it answers, its agencies and its deadline. */
function DraftFields({
  locale,
  draft,
  obstacles,
  agencies,
  agencyGroups,
  meetingDate,
  onChange,
}: Omit<DraftFormProps, "legend" | "onSave" | "onDelete">) {
  const t = useT();
  const errors = draft.fieldErrors ?? {};
  const quick = useQuickDeadlines(meetingDate, locale, {
    text: "meetings.entry.plusDays",
    label: "meetings.entry.plusDaysLabel",
  });
  return (
    <>
      <Field label={t("meetings.entry.text")} errors={errors.text}>
        {(p) => (
          <textarea
            {...p}
            value={draft.text}
            onChange={(e) => onChange({ text: e.target.value })}
            rows={2}
            className={inputClass}
          />
        )}
      </Field>
      {/* With one obstacle there is nothing to choose: the resolution answers it. */}
      {obstacles.length > 1 && (
        <DraftObstacles locale={locale} draft={draft} obstacles={obstacles} onChange={onChange} />
      )}
      <DraftAgencies draft={draft} agencies={agencies} agencyGroups={agencyGroups} onChange={onChange} />
      <Field label={t("meetings.entry.deadline")} errors={errors.deadline}>
        {(p) => (
          <JalaliDateInput
            {...p}
            value={draft.deadline}
            onChange={(deadline) => onChange({ deadline })}
            locale={locale}
            {...quick}
          />
        )}
      </Field>
    </>
  );
}

/** The responsible agency and the supporting ones (never the responsible one again). */
function DraftAgencies({
  draft,
  agencies,
  agencyGroups,
  onChange,
}: Pick<DraftFormProps, "draft" | "agencies" | "agencyGroups" | "onChange">) {
  const t = useT();
  const errors = draft.fieldErrors ?? {};
  const picker = {
    groupOrder: agencyGroups,
    placeholder: t("agencies.picker.placeholder"),
    noMatch: t("agencies.picker.noMatch"),
  };
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <Field label={t("meetings.entry.responsible")} errors={errors.responsibleAgencyId}>
        {(p) => (
          <AgencyCombobox
            {...p}
            {...picker}
            value={draft.responsibleAgencyId}
            onChange={(responsibleAgencyId) => onChange({ responsibleAgencyId })}
            choices={agencies}
          />
        )}
      </Field>
      <Field
        label={t("meetings.entry.supporting")}
        hint={t("meetings.entry.supportingHint")}
        errors={errors.supportingAgencyIds}
      >
        {(p) => (
          <AgencyCombobox
            {...p}
            {...picker}
            multiple
            value={draft.supportingAgencyIds}
            onChange={(supportingAgencyIds) => onChange({ supportingAgencyIds })}
            choices={agencies.filter((a) => a.id !== draft.responsibleAgencyId)}
            chosenLabel={t("meetings.entry.supporting")}
            removeLabel={(name) => t("agencies.picker.remove", { name })}
          />
        )}
      </Field>
    </div>
  );
}

/** The agenda item's obstacles, ticked when this resolution answers them. */
function DraftObstacles({
  locale,
  draft,
  obstacles,
  onChange,
}: Pick<DraftFormProps, "locale" | "draft" | "obstacles" | "onChange">) {
  const t = useT();
  const id = useId();
  const errors = draft.fieldErrors?.obstacleIds;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const toggle = (obstacleId: string, on: boolean) =>
    onChange({
      obstacleIds: on
        ? obstacles.filter((x) => x.id === obstacleId || draft.obstacleIds.includes(x.id)).map((x) => x.id)
        : draft.obstacleIds.filter((x) => x !== obstacleId),
    });
  return (
    <fieldset className="space-y-1" aria-describedby={errorId}>
      <legend className="text-sm font-medium">{t("meetings.entry.obstacles")}</legend>
      {obstacles.map((o, index) => (
        <label key={o.id} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            checked={draft.obstacleIds.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
          />
          <span>
            {formatNumber(index + 1, locale)}. {o.category ? `${o.category}: ` : ""}
            {o.description}
          </span>
        </label>
      ))}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
