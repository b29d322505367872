"use client";
import { useActionState, useState } from "react";
import { saveInviteesAction } from "@/lib/meetings/actions";
import { initialFormState } from "@/lib/forms";
import { useT } from "@/components/ui/messages";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { AgencyChoice } from "@/components/ui/agency-combobox";
import { AgenciesField } from "@/components/ui/decision-fields";
import { AmendableForm } from "./amendment-dialog";

/**
 * Agencies invited to this session beyond the body's members. The agencies named in its cases
 * that are not members yet are proposed, one click each.
 */
export function InviteesForm({
  meetingId,
  invited,
  proposed,
  choices,
  groupOrder,
}: {
  meetingId: string;
  invited: string[];
  proposed: string[];
  choices: AgencyChoice[];
  groupOrder: string[];
}) {
  const t = useT();
  const [state, action] = useActionState(saveInviteesAction, initialFormState);
  const [chosen, setChosen] = useState<string[]>(invited);
  const name = (agencyId: string) => choices.find((c) => c.id === agencyId)?.name ?? agencyId;
  const notYet = proposed.filter((p) => !chosen.includes(p));
  return (
    <AmendableForm action={action} className="space-y-3">
      <input type="hidden" name="meetingId" value={meetingId} />
      <p className="text-sm text-slate-700">{t("meetings.invitees.hint")}</p>
      <FormMessage state={state} />
      <AgenciesField
        label={t("meetings.invitees.add")}
        chosenLabel={t("meetings.invitees.title")}
        name="agencyIds"
        value={chosen}
        onChange={setChosen}
        choices={choices}
        groupOrder={groupOrder}
        errors={state.fieldErrors?.agencyIds}
      />
      {notYet.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-700">{t("meetings.invitees.proposed")}:</span>
          {notYet.map((p) => (
            <button
              key={p}
              type="button"
              onClick={() => setChosen((c) => [...c, p])}
              className="rounded-full border border-brand-600 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50"
            >
              + {name(p)}
            </button>
          ))}
        </div>
      )}
      <SubmitButton pendingLabel={t("common.saving")}>{t("meetings.invitees.save")}</SubmitButton>
    </AmendableForm>
  );
}
