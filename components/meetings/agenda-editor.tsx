"use client";
import { useContext, useState, useTransition } from "react";
import { moveAgendaItemAction, removeAgendaItemAction, setPresenterAction } from "@/lib/meetings/actions";
import { initialFormState, type FormState } from "@/lib/forms";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { inputClass } from "@/components/ui/field";
import { useAmendmentReason } from "./amendment-dialog";
import type { AgendaItemView } from "@/lib/meetings/types";
import { useT } from "@/components/ui/messages";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { RoomItems } from "./use-room-state";

const fd = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.set(k, v);
  return form;
};

type Run = (
  action: (prev: FormState, form: FormData) => Promise<FormState>,
  entries: Record<string, string>,
  focusId?: string,
  onSaved?: () => void,
) => void;

/** One change to the agenda at a time: asks for the amendment reason, saves, says the outcome. */
function useAgendaChange(): { state: FormState; pending: boolean; run: Run } {
  const [state, setState] = useState<FormState>(initialFormState);
  const [pending, startTransition] = useTransition();
  const askReason = useAmendmentReason();
  const run: Run = (action, entries, focusId, onSaved) =>
    startTransition(async () => {
      // On approved minutes each change carries its own reason, asked for here.
      const reason = await askReason();
      if (reason === null) return;
      const result = await action(initialFormState, fd({ ...entries, amendmentReason: reason }));
      setState(result);
      if (result.ok) onSaved?.();
      // Keep the keyboard on the unit that moved, so repeated presses keep moving it.
      if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
    });
  return { state, pending, run };
}

/** The agenda in order: units with their obstacles and amounts; the secretariat reorders it with buttons. */
export function AgendaEditor({
  locale,
  items: drawnItems,
  canWrite,
}: {
  locale: Locale;
  items: AgendaItemView[];
  canWrite: boolean;
}) {
  const t = useT();
  // In the session room, the cases as patched live (decision 084); else as drawn.
  const items = useContext(RoomItems) ?? drawnItems;
  const { state, pending, run } = useAgendaChange();
  const { confirm, dialog } = useConfirm();
  if (items.length === 0) return <EmptyState>{t("meetings.agenda.empty")}</EmptyState>;
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        <FormMessage state={state} />
      </div>
      <ol className="space-y-3">
        {items.map((item, index) => (
          <li key={item.id} className="rounded-md border border-slate-200 p-3" aria-label={item.unitName}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-semibold">
                <span className="me-2 text-slate-500">{formatNumber(index + 1, locale)}.</span>
                {item.unitName}
              </h3>
              {canWrite && (
                <ItemButtons
                  item={item}
                  index={index}
                  count={items.length}
                  pending={pending}
                  run={run}
                  confirm={confirm}
                />
              )}
            </div>
            <ItemObstacles item={item} />
            {canWrite ? (
              <PresenterForm item={item} pending={pending} run={run} />
            ) : (
              item.presenter && (
                <p className="mt-1 text-sm text-slate-600">
                  {t("meetings.agenda.presenter")}: {item.presenter}
                </p>
              )
            )}
          </li>
        ))}
      </ol>
      {dialog}
    </div>
  );
}

/** Up, down and remove; the keyboard stays on the moved unit's button. */
function ItemButtons({
  item,
  index,
  count,
  pending,
  run,
  confirm,
}: {
  item: AgendaItemView;
  index: number;
  count: number;
  pending: boolean;
  run: Run;
  confirm: ReturnType<typeof useConfirm>["confirm"];
}) {
  const t = useT();
  const move = (direction: "up" | "down", focusId: string) =>
    run(moveAgendaItemAction, { itemId: item.id, direction }, focusId);
  return (
    <div className="flex gap-1">
      <Button
        id={`up-${item.id}`}
        variant="ghost"
        className="px-2 py-1"
        aria-label={t("meetings.agenda.moveUp", { unit: item.unitName })}
        disabled={pending || index === 0}
        onClick={() => move("up", index - 1 === 0 ? `down-${item.id}` : `up-${item.id}`)}
      >
        ↑
      </Button>
      <Button
        id={`down-${item.id}`}
        variant="ghost"
        className="px-2 py-1"
        aria-label={t("meetings.agenda.moveDown", { unit: item.unitName })}
        disabled={pending || index === count - 1}
        onClick={() => move("down", index + 1 === count - 1 ? `up-${item.id}` : `down-${item.id}`)}
      >
        ↓
      </Button>
      <Button
        variant="ghost"
        className="px-2 py-1 text-red-700"
        disabled={pending}
        onClick={async () => {
          const question = t("meetings.agenda.removeConfirm", { unit: item.unitName });
          const label = t("meetings.agenda.remove");
          if (await confirm(question, { confirmLabel: label, danger: true }))
            run(removeAgendaItemAction, { itemId: item.id });
        }}
      >
        {t("meetings.agenda.remove")}
      </Button>
    </div>
  );
}

/** The unit's obstacles with their amounts, and the total. */
function ItemObstacles({ item }: { item: AgendaItemView }) {
  const t = useT();
  return (
    <>
      <ul className="mt-2 space-y-1 text-sm">
        {item.obstacles.map((o) => (
          <li key={o.id} className="flex flex-wrap justify-between gap-2 border-s-2 border-slate-200 ps-2">
            <span>
              <span className="text-xs text-slate-500">{o.category} — </span>
              {o.description}
            </span>
            {o.amount && <span className="whitespace-nowrap font-medium">{o.amount}</span>}
          </li>
        ))}
      </ul>
      {item.totalAmount && (
        <p className="mt-1 text-sm">
          {t("meetings.agenda.totalAmount")}: <strong>{item.totalAmount}</strong>
        </p>
      )}
    </>
  );
}

/** Who presents the case; saved with the version the clerk started typing from. */
function PresenterForm({ item, pending, run }: { item: AgendaItemView; pending: boolean; run: Run }) {
  const t = useT();
  // The version the clerk started typing from, while a change is unsaved.
  const [editedFrom, setEditedFrom] = useState<number | null>(null);
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const presenter = String(new FormData(e.currentTarget).get("presenter") ?? "");
        // A colleague's change since the clerk started typing is a conflict, not silently
        // overwritten.
        const version = String(editedFrom ?? item.version);
        run(setPresenterAction, { itemId: item.id, presenter, version }, undefined, () =>
          setEditedFrom(null),
        );
      }}
    >
      <label className="text-sm">
        <span className="mb-1 block">{t("meetings.agenda.presenter")}</span>
        <input
          name="presenter"
          defaultValue={item.presenter}
          onChange={() => setEditedFrom((from) => from ?? item.version)}
          className={`${inputClass} max-w-xs`}
          aria-label={`${t("meetings.agenda.presenter")} — ${item.unitName}`}
        />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("common.save")}
      </Button>
    </form>
  );
}
