"use client";
import { useId } from "react";
import { newSubmissionKey } from "@/lib/forms";
import type { ResolutionSaved } from "@/lib/meetings/resolutions";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { DEADLINE_QUICK_DAYS } from "@/lib/meetings/constants";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
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

export function ResolutionDraftForm({
  locale,
  legend,
  draft,
  obstacles,
  agencies,
  agencyGroups,
  meetingDate,
  onChange,
  onSave,
  onDelete,
}: {
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
}) {
  const t = useT();
  const id = useId();
  const errors = draft.fieldErrors ?? {};
  const disabled = !draft.editable;
  const error = (field: string) =>
    errors[field]?.length ? (
      <p id={`${id}-${field}-error`} className="text-sm text-red-700">
        {errors[field]?.join(" ")}
      </p>
    ) : null;
  const describedBy = (field: string) => (errors[field]?.length ? `${id}-${field}-error` : undefined);
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
        disabled={disabled}
        className={`space-y-3 rounded-md border p-3 ${draft.state === "saved" ? "border-emerald-300 bg-emerald-50/40" : "border-slate-200"}`}
      >
        <legend className="px-1 text-sm font-semibold">{legend}</legend>
        <div className="space-y-1">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium">
            {t("meetings.entry.text")}
          </label>
          <textarea
            id={`${id}-text`}
            value={draft.text}
            onChange={(e) => onChange({ text: e.target.value })}
            rows={2}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={describedBy("text")}
            className={inputClass}
          />
          {error("text")}
        </div>
        {/* With one obstacle there is nothing to choose: the resolution answers it. */}
        {obstacles.length > 1 && (
          <fieldset className="space-y-1" aria-describedby={describedBy("obstacleIds")}>
            <legend className="text-sm font-medium">{t("meetings.entry.obstacles")}</legend>
            {obstacles.map((o, index) => (
              <label key={o.id} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={draft.obstacleIds.includes(o.id)}
                  onChange={(e) =>
                    onChange({
                      obstacleIds: e.target.checked
                        ? obstacles
                            .filter((x) => x.id === o.id || draft.obstacleIds.includes(x.id))
                            .map((x) => x.id)
                        : draft.obstacleIds.filter((x) => x !== o.id),
                    })
                  }
                />
                <span>
                  {formatNumber(index + 1, locale)}. {o.category ? `${o.category}: ` : ""}
                  {o.description}
                </span>
              </label>
            ))}
            {error("obstacleIds")}
          </fieldset>
        )}
        <div className="grid gap-3 md:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-responsible`} className="block text-sm font-medium">
              {t("meetings.entry.responsible")}
            </label>
            <AgencyCombobox
              id={`${id}-responsible`}
              value={draft.responsibleAgencyId}
              onChange={(responsibleAgencyId) => onChange({ responsibleAgencyId })}
              choices={agencies}
              groupOrder={agencyGroups}
              placeholder={t("agencies.picker.placeholder")}
              noMatch={t("agencies.picker.noMatch")}
              aria-invalid={errors.responsibleAgencyId ? true : undefined}
              aria-describedby={describedBy("responsibleAgencyId")}
            />
            {error("responsibleAgencyId")}
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-supporting`} className="block text-sm font-medium">
              {t("meetings.entry.supporting")}
            </label>
            <AgencyCombobox
              id={`${id}-supporting`}
              multiple
              value={draft.supportingAgencyIds}
              onChange={(supportingAgencyIds) => onChange({ supportingAgencyIds })}
              choices={agencies.filter((a) => a.id !== draft.responsibleAgencyId)}
              groupOrder={agencyGroups}
              placeholder={t("agencies.picker.placeholder")}
              noMatch={t("agencies.picker.noMatch")}
              chosenLabel={t("meetings.entry.supporting")}
              removeLabel={(name) => t("agencies.picker.remove", { name })}
              aria-describedby={`${id}-supporting-hint ${describedBy("supportingAgencyIds") ?? ""}`.trim()}
            />
            <p id={`${id}-supporting-hint`} className="text-xs text-slate-600">
              {t("meetings.entry.supportingHint")}
            </p>
            {error("supportingAgencyIds")}
          </div>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-deadline`} className="block text-sm font-medium">
            {t("meetings.entry.deadline")}
          </label>
          <JalaliDateInput
            id={`${id}-deadline`}
            value={draft.deadline}
            onChange={(deadline) => onChange({ deadline })}
            locale={locale}
            quickFrom={meetingDate}
            quickDays={DEADLINE_QUICK_DAYS}
            quickLabel={(n) => ({
              text: t("meetings.entry.plusDays", { n: formatNumber(n, locale) }),
              label: t("meetings.entry.plusDaysLabel", { n: formatNumber(n, locale) }),
            })}
            aria-invalid={errors.deadline ? true : undefined}
            aria-describedby={describedBy("deadline")}
          />
          {error("deadline")}
        </div>
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
