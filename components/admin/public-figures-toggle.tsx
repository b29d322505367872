"use client";
import { useActionState } from "react";
import { setPublicFiguresAction } from "@/lib/settings/actions";
import { initialFormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useT } from "@/components/ui/messages";

export function PublicFiguresToggle({ enabled, version }: { enabled: boolean; version: number }) {
  const t = useT();
  const [state, action] = useActionState(setPublicFiguresAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <p className="text-sm font-medium">{t(enabled ? "settings.isOn" : "settings.isOff")}</p>
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant={enabled ? "secondary" : "primary"} pendingLabel={t("common.saving")}>
        {t(enabled ? "settings.disable" : "settings.enable")}
      </SubmitButton>
    </form>
  );
}
