"use client";
import { useActionState } from "react";
import {
  decideReturnAction,
  remindAgencyAction,
  remindResolutionAction,
  returnResolutionAction,
} from "@/lib/resolutions/actions";
import { initialFormState, type FormState } from "@/lib/forms";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Select } from "@/components/ui/select";
import { buttonClass } from "@/components/ui/button";
import { useT } from "@/components/ui/messages";

// Chasing and disputes on a resolution: the secretariat's "remind now", the agency's return
// ("not our remit") and the secretariat's decision on it. The server checks every rule again.

const submitted = (state: FormState, field: string) => {
  const v = state.values?.[field];
  return typeof v === "string" ? v : undefined;
};

export function RemindNowButton({ id }: { id: string }) {
  const t = useT();
  return (
    <ConfirmForm
      action={remindResolutionAction}
      fields={{ id }}
      label={t("resolutions.remind.now")}
      question={t("resolutions.remind.confirm")}
    />
  );
}

export function RemindAgencyButton({ agencyId }: { agencyId: string }) {
  const t = useT();
  return (
    <ConfirmForm
      action={remindAgencyAction}
      fields={{ agencyId }}
      label={t("resolutions.remind.agencyNow")}
      question={t("resolutions.remind.confirmAgency")}
    />
  );
}

export function ReturnResolutionForm({ id, version }: { id: string; version: number }) {
  const t = useT();
  const [state, action] = useActionState(returnResolutionAction, initialFormState);
  return (
    <form action={action} className="space-y-3" aria-label={t("resolutions.returns.title")}>
      <FormMessage state={state} />
      <p className="text-sm text-slate-700">{t("resolutions.returns.hint")}</p>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Field label={t("resolutions.returns.reason")} errors={state.fieldErrors?.reason}>
        {(p) => (
          <textarea
            {...p}
            name="reason"
            rows={3}
            required
            defaultValue={submitted(state, "reason")}
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton variant="secondary" pendingLabel={t("common.saving")}>
        {t("resolutions.returns.submit")}
      </SubmitButton>
    </form>
  );
}

export function DecideReturnForm({
  id,
  version,
  returnId,
  agencies,
}: {
  id: string;
  version: number;
  returnId: string;
  agencies: { id: string; name: string }[];
}) {
  const t = useT();
  const [state, action, pending] = useActionState(decideReturnAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" aria-label={t("resolutions.returns.decideTitle")}>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="returnId" value={returnId} />
      <Field label={t("resolutions.returns.toAgency")} errors={errors.toAgencyId}>
        {(p) => (
          <Select
            {...p}
            name="toAgencyId"
            defaultValue={submitted(state, "toAgencyId") ?? ""}
            className={inputClass}
          >
            <option value="">{t("resolutions.returns.chooseAgency")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("resolutions.returns.note")} errors={errors.note}>
        {(p) => (
          <textarea
            {...p}
            name="note"
            rows={2}
            defaultValue={submitted(state, "note")}
            className={inputClass}
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="decision"
          value="REASSIGN"
          disabled={pending}
          className={buttonClass("primary")}
        >
          {t("resolutions.returns.reassign")}
        </button>
        <button
          type="submit"
          name="decision"
          value="REJECT"
          disabled={pending}
          className={buttonClass("danger")}
        >
          {t("resolutions.returns.reject")}
        </button>
      </div>
    </form>
  );
}
