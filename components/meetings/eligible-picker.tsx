"use client";
import { useActionState } from "react";
import { addToAgendaAction } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { EmptyState } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AmendmentField } from "./amendment-field";
import type { AgendaObstacleView } from "@/lib/meetings/types";
import { useT } from "@/components/ui/messages";

export type EligibleUnit = { id: string; name: string; obstacles: AgendaObstacleView[] };

/** Obstacles the session may take up, by unit; ticking them and adding groups them per unit on the agenda. */
export function EligiblePicker({
  meetingId,
  units,
  locked,
}: {
  meetingId: string;
  units: EligibleUnit[];
  locked: boolean;
}) {
  const t = useT();
  const [state, action] = useActionState(addToAgendaAction, initialFormState);
  // The answer stays on screen when the last eligible obstacles have just been taken up.
  if (units.length === 0)
    return (
      <div className="space-y-3">
        <FormMessage state={state} />
        <EmptyState>{t("meetings.agenda.eligibleEmpty")}</EmptyState>
      </div>
    );
  const chosen = Array.isArray(state.values?.obstacleIds) ? state.values.obstacleIds : [];
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      {locked && <AmendmentField name="amendmentReason" />}
      <FormMessage state={state} />
      {units.map((unit) => (
        <fieldset key={unit.id} className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">{unit.name}</legend>
          <ul className="space-y-1">
            {unit.obstacles.map((o) => (
              <li key={o.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="obstacleIds"
                    value={o.id}
                    defaultChecked={chosen.includes(o.id)}
                    className="mt-1"
                  />
                  <span>
                    <span className="text-xs text-slate-500">{o.category} — </span>
                    {o.description}
                    {o.amount && <span className="ms-2 whitespace-nowrap font-medium">({o.amount})</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <SubmitButton pendingLabel={t("common.saving")}>{t("meetings.agenda.add")}</SubmitButton>
    </form>
  );
}
