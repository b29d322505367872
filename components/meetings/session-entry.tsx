"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { deleteResolutionAction, saveResolutionAction, setOutcomeAction } from "@/lib/meetings/actions";
import { addDays, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { OUTCOMES_FOR } from "@/lib/meetings/constants";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { jalaliInputValue } from "@/components/ui/jalali-date-input";
import { useAmendmentReason } from "./amendment-dialog";
import type { AgendaItemView, ResolutionView } from "@/lib/meetings/types";
import { mergeDrafts } from "@/lib/meetings/drafts";
import type { OutcomeSaved } from "@/lib/meetings/agenda";
import { type AgencyChoice } from "@/components/ui/agency-combobox";
import { useT } from "@/components/ui/messages";
import { useConfirm } from "@/components/ui/confirm-dialog";
import {
  call,
  emptyDraft,
  ResolutionDraftForm,
  SaveIndicator,
  type Draft,
  type SaveState,
} from "./resolution-draft";

type OutcomeState = { value: string; state: SaveState; message?: string; version?: number };
/** On approved minutes every save is an amendment with its own reason: null when not confirmed. */
type ReasonForChange = () => Promise<string | undefined | null>;
type Translate = ReturnType<typeof useT>;

/**
 * The secretariat's screen during a session: one unit at a time, its outcome and its
 * resolutions. Each resolution is saved on its own by a server action and shows whether it is
 * saved, so a dropped connection loses at most the one being typed, which stays on screen.
 * State lives here, not in the page: moving between units never reloads anything.
 */
export function SessionEntry({
  locale,
  bodyKind,
  meetingDate,
  items,
  agencies,
  agencyGroups,
  currentItemId,
  onSelect,
}: {
  locale: Locale;
  bodyKind: "COMMITTEE" | "WORKING_GROUP";
  /** The session's Tehran calendar date, "YYYY-MM-DD": quick deadlines count from it. */
  meetingDate: string;
  items: AgendaItemView[];
  /** The agency picker's choices: the body's members and the case's agencies first. */
  agencies: AgencyChoice[];
  agencyGroups: string[];
  /** The case on screen; the session room's case list moves it too. */
  currentItemId: string | null;
  onSelect: (itemId: string) => void;
}) {
  const t = useT();
  const { confirm, dialog } = useConfirm();
  const askReason = useAmendmentReason();
  // On approved minutes every save is an amendment with its own reason, asked at the change.
  const reasonForChange: ReasonForChange = async () => {
    const reason = await askReason();
    return reason === null ? null : reason || undefined;
  };
  const outcomes = useOutcomes(reasonForChange, t);
  const drafts = useDrafts({
    items,
    defaultDeadline: jalaliInputValue(addDays(meetingDate, 30), locale),
    reasonForChange,
    confirm,
    t,
  });
  const { index, go, headingRef } = useCaseNavigation(items, currentItemId, onSelect);
  const item = items[Math.min(index, items.length - 1)];
  if (!item) return <EmptyState>{t("meetings.entry.noAgenda")}</EmptyState>;
  return (
    <section aria-labelledby="entry-title" className="space-y-4">
      {dialog}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="entry-title" className="text-base font-semibold">
          {t("meetings.entry.title")}
        </h2>
        <p className="text-xs text-slate-600">{t("meetings.entry.shortcuts")}</p>
      </div>
      <UnitNavigator index={index} total={items.length} go={go} locale={locale} t={t} />
      <div data-entry={item.id} key={item.id} className="space-y-4 rounded-md border border-slate-200 p-4">
        <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {item.unitName}
        </h3>
        <ItemObstacles obstacles={item.obstacles} />
        <OutcomeChoice
          itemId={item.id}
          bodyKind={bodyKind}
          outcome={outcomes.shown(item)}
          onChoose={(value) => outcomes.save(item, value)}
          t={t}
        />
        <h4 className="text-sm font-semibold">{t("meetings.entry.resolutions")}</h4>
        <ItemDrafts
          item={item}
          drafts={drafts}
          locale={locale}
          agencies={agencies}
          agencyGroups={agencyGroups}
          meetingDate={meetingDate}
        />
      </div>
    </section>
  );
}

function ItemObstacles({ obstacles }: { obstacles: AgendaItemView["obstacles"] }) {
  return (
    <ul className="space-y-1 text-sm">
      {obstacles.map((o) => (
        <li key={o.id} className="border-s-2 border-slate-200 ps-2">
          {o.description} {o.amount && <strong className="whitespace-nowrap">({o.amount})</strong>}
        </li>
      ))}
    </ul>
  );
}

/** The case on screen and the moves between cases; the heading takes the focus after a move. */
function useCaseNavigation(
  items: AgendaItemView[],
  currentItemId: string | null,
  onSelect: (id: string) => void,
) {
  const index = Math.max(
    0,
    items.findIndex((i) => i.id === currentItemId),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const go = useCallback(
    (delta: number) => {
      const next = items[Math.max(0, Math.min(items.length - 1, index + delta))];
      if (!next) return;
      onSelect(next.id);
      moved.current = true;
    },
    [items, index, onSelect],
  );
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
    moved.current = false;
  }, [index]);
  useUnitShortcuts(go);
  return { index, go, headingRef };
}

/** The case's resolutions, saved ones numbered, and the empty one to type the next into. */
function ItemDrafts({
  item,
  drafts,
  locale,
  agencies,
  agencyGroups,
  meetingDate,
}: {
  item: AgendaItemView;
  drafts: ReturnType<typeof useDrafts>;
  locale: Locale;
  agencies: AgencyChoice[];
  agencyGroups: string[];
  meetingDate: string;
}) {
  const t = useT();
  let shown = 0;
  return drafts.of(item.id).map((draft) => {
    if (draft.id) shown++;
    return (
      <ResolutionDraftForm
        key={draft.key}
        locale={locale}
        legend={
          draft.id
            ? t("meetings.entry.sequence", { n: formatNumber(shown, locale) })
            : t("meetings.entry.newResolution")
        }
        draft={draft}
        obstacles={item.obstacles}
        agencies={agencies}
        agencyGroups={agencyGroups}
        meetingDate={meetingDate}
        onChange={(patch) => drafts.update(item.id, draft.key, { ...patch, state: "unsaved" })}
        onSave={() => drafts.save(item.id, draft)}
        onDelete={() => drafts.remove(item.id, draft)}
      />
    );
  });
}

/** Alt+N and Alt+P move to the next and the previous unit. */
function useUnitShortcuts(go: (delta: number) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      // e.code, not e.key: the shortcut must work on a Persian keyboard layout too.
      if (e.code === "KeyN") {
        e.preventDefault();
        go(1);
      } else if (e.code === "KeyP") {
        e.preventDefault();
        go(-1);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go]);
}

function UnitNavigator({
  index,
  total,
  go,
  locale,
  t,
}: {
  index: number;
  total: number;
  go: (delta: number) => void;
  locale: Locale;
  t: Translate;
}) {
  return (
    <div className="flex items-center gap-3">
      <Button variant="secondary" onClick={() => go(-1)} disabled={index === 0} aria-keyshortcuts="Alt+P">
        {t("meetings.entry.previousUnit")}
      </Button>
      <span className="text-sm" aria-live="polite">
        {t("meetings.entry.unitOf", {
          n: formatNumber(index + 1, locale),
          total: formatNumber(total, locale),
        })}
      </span>
      <Button
        variant="secondary"
        onClick={() => go(1)}
        disabled={index === total - 1}
        aria-keyshortcuts="Alt+N"
      >
        {t("meetings.entry.nextUnit")}
      </Button>
    </div>
  );
}

function OutcomeChoice({
  itemId,
  bodyKind,
  outcome,
  onChoose,
  t,
}: {
  itemId: string;
  bodyKind: "COMMITTEE" | "WORKING_GROUP";
  outcome: OutcomeState;
  onChoose: (value: string) => void;
  t: Translate;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{t("meetings.outcome.label")}</legend>
      <div className="flex flex-wrap gap-4">
        {/* "No outcome" first: an outcome chosen by mistake must be undoable, and a radio group
            cannot be unchecked (with one option — the working group's — not even by switching). */}
        {(["", ...OUTCOMES_FOR[bodyKind]] as const).map((value) => (
          <label key={value || "none"} className="flex items-center gap-1 text-sm">
            <input
              type="radio"
              name={`outcome-${itemId}`}
              value={value}
              checked={outcome.value === value}
              onChange={() => onChoose(value)}
            />
            {value === "" ? t("meetings.outcome.noOutcome") : t(`meetings.outcome.${value}`)}
          </label>
        ))}
      </div>
      {(outcome.value !== "" || outcome.state !== "saved") && (
        <SaveIndicator state={outcome.state} message={outcome.message} t={t} />
      )}
    </fieldset>
  );
}

/**
 * Each unit's outcome as this clerk chose it, keyed by agenda item, with the item's version
 * this clerk's last save returned: their next change of the same case names it, even before
 * the refreshed page arrives.
 */
function useOutcomes(reasonForChange: ReasonForChange, t: Translate) {
  const [outcomes, setOutcomes] = useState<Record<string, OutcomeState>>({});

  const save = async (item: AgendaItemView, value: string) => {
    const itemId = item.id;
    const previous = outcomes[itemId];
    const version = Math.max(item.version, previous?.version ?? 0);
    // The choice shows at once, in the same event as the click: the radio is controlled, and
    // waiting for the amendment question first left it unchecked for a moment.
    setOutcomes((o) => ({ ...o, [itemId]: { value, state: "saving", version } }));
    const amendmentReason = await reasonForChange();
    if (amendmentReason === null) {
      // The change was not confirmed: back to what was shown before.
      setOutcomes((o) => {
        const { [itemId]: _dropped, ...rest } = o;
        return previous ? { ...rest, [itemId]: previous } : rest;
      });
      return;
    }
    // Like call() in resolution-draft.tsx: an unreachable server answers like a refusal, the choice stays.
    const result = await setOutcomeAction({ itemId, outcome: value, version, amendmentReason }).catch(
      (): OutcomeSaved => ({ ok: false, message: t("meetings.entry.offline") }),
    );
    setOutcomes((o) => ({
      ...o,
      [itemId]: {
        value,
        state: result.ok ? "saved" : "failed",
        message: result.ok ? undefined : result.message,
        version: result.ok ? result.version : version,
      },
    }));
  };

  // This clerk's choice while it is being saved (or failed); once saved, whatever the server
  // says — which is another clerk's choice if they changed it since. Props older than the
  // version this save returned are the page from before it (the refreshed session streams in
  // after the action's answer): the choice stays rather than flicking back for a moment.
  const shown = (item: AgendaItemView): OutcomeState => {
    const mine = outcomes[item.id];
    return mine &&
      (mine.state !== "saved" || mine.value === (item.outcome ?? "") || (mine.version ?? 0) > item.version)
      ? mine
      : { value: item.outcome ?? "", state: "saved" };
  };
  return { save, shown };
}

const savedDraft = (r: ResolutionView, key = r.id): Draft => ({
  key,
  submissionKey: r.id,
  id: r.id,
  sequence: r.sequence,
  text: r.text,
  responsibleAgencyId: r.responsibleAgencyId,
  supportingAgencyIds: r.supportingAgencyIds,
  obstacleIds: r.obstacleIds,
  deadline: r.deadline,
  editable: r.editable,
  state: "saved",
});

/**
 * An agenda item's drafts: this clerk's own typing, with what other clerks saved merged in as
 * it arrives in new props (the live refresh); before the first edit, the saved resolutions and
 * one empty draft with a stable key (the list is rebuilt on every render until then).
 */
function itemDrafts(
  all: Record<string, Draft[]>,
  itemId: string,
  items: AgendaItemView[],
  defaultDeadline: string,
): Draft[] {
  const known = all[itemId];
  const source = items.find((i) => i.id === itemId);
  if (!source) return known ?? [];
  if (known) return mergeDrafts(known, source.resolutions, (r, key) => savedDraft(r, key));
  return [
    ...source.resolutions.map((r) => savedDraft(r)),
    emptyDraft(
      defaultDeadline,
      source.obstacles.map((o) => o.id),
      `${source.id}-new`,
    ),
  ];
}

/** Saves one draft: a new one with its submission key, so a retry after a lost answer saves it once. */
function sendDraft(itemId: string, draft: Draft, amendmentReason: string | undefined, t: Translate) {
  return call(
    () =>
      saveResolutionAction({
        ...(draft.id ? { id: draft.id } : { idempotencyKey: draft.submissionKey }),
        itemId,
        text: draft.text,
        responsibleAgencyId: draft.responsibleAgencyId,
        supportingAgencyIds: draft.supportingAgencyIds,
        obstacleIds: draft.obstacleIds,
        deadline: draft.deadline,
        amendmentReason,
      }),
    t,
  );
}

/** The item's drafts once `draft` is saved; after a new one, an empty draft for the next. */
function afterSave(
  list: Draft[],
  draft: Draft,
  saved: { id: string; sequence: number | null },
  allObstacles: string[],
): Draft[] {
  const marked = list.map((d) =>
    d.key === draft.key
      ? { ...d, ...saved, state: "saved" as const, message: undefined, fieldErrors: undefined }
      : d,
  );
  return draft.id === null ? [...marked, emptyDraft(draft.deadline, allObstacles)] : marked;
}

/**
 * The resolutions being entered, per agenda item: saved ones, and one empty draft to type the
 * next into. A unit added to the agenda after this screen opened starts from its props.
 */
function useDrafts({
  items,
  defaultDeadline,
  reasonForChange,
  confirm,
  t,
}: {
  items: AgendaItemView[];
  defaultDeadline: string;
  reasonForChange: ReasonForChange;
  confirm: ReturnType<typeof useConfirm>["confirm"];
  t: Translate;
}) {
  const [drafts, setDrafts] = useState<Record<string, Draft[]>>({});
  const draftsOf = (all: Record<string, Draft[]>, itemId: string) =>
    itemDrafts(all, itemId, items, defaultDeadline);
  const focusNewDraftOf = useRef<string | null>(null);
  useEffect(() => {
    const itemId = focusNewDraftOf.current;
    if (!itemId) return;
    focusNewDraftOf.current = null;
    document
      .querySelector<HTMLTextAreaElement>(`[data-entry="${itemId}"] form:last-of-type textarea`)
      ?.focus();
  }, [drafts]);

  const update = (itemId: string, key: string, patch: Partial<Draft>) =>
    setDrafts((all) => ({
      ...all,
      [itemId]: draftsOf(all, itemId).map((d) => (d.key === key ? { ...d, ...patch } : d)),
    }));

  const save = async (itemId: string, draft: Draft) => {
    if (draft.state === "saving") return;
    const amendmentReason = await reasonForChange();
    if (amendmentReason === null) return;
    update(itemId, draft.key, { state: "saving", message: undefined, fieldErrors: undefined });
    const result = await sendDraft(itemId, draft, amendmentReason, t);
    if (!result.ok || !result.id) {
      update(itemId, draft.key, {
        state: "failed",
        message: result.message,
        fieldErrors: result.fieldErrors,
      });
      return;
    }
    const wasNew = draft.id === null;
    const saved = { id: result.id, sequence: result.sequence ?? null };
    const allObstacles = items.find((i) => i.id === itemId)?.obstacles.map((o) => o.id) ?? [];
    setDrafts((all) => ({ ...all, [itemId]: afterSave(draftsOf(all, itemId), draft, saved, allObstacles) }));
    // Straight on to the next resolution of the same unit.
    if (wasNew) focusNewDraftOf.current = itemId;
  };

  const remove = async (itemId: string, draft: Draft) => {
    if (!draft.id || !(await confirm(t("meetings.entry.deleteConfirm"), { danger: true }))) return;
    const amendmentReason = await reasonForChange();
    if (amendmentReason === null) return;
    const id = draft.id;
    const result = await call(() => deleteResolutionAction({ id, amendmentReason }), t);
    if (result.ok)
      setDrafts((all) => ({ ...all, [itemId]: draftsOf(all, itemId).filter((d) => d.key !== draft.key) }));
    else update(itemId, draft.key, { state: "failed", message: result.message });
  };

  return { of: (itemId: string) => draftsOf(drafts, itemId), update, save, remove };
}
