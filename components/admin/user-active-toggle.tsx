"use client";
import { useActionState, useRef } from "react";
import { setUserActiveAction } from "@/lib/users/actions";
import { initialFormState } from "@/lib/forms";
import { Button } from "@/components/ui/button";
import { useT } from "@/components/ui/messages";

/** Deactivation is destructive for the person concerned, so it asks first. */
export function UserActiveToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useT();
  const [state, action, pending] = useActionState(setUserActiveAction, initialFormState);
  const dialog = useRef<HTMLDialogElement>(null);
  const label = t(active ? "admin.deactivate" : "admin.activate");
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={String(!active)} />
      {active ? (
        <>
          <Button variant="secondary" onClick={() => dialog.current?.showModal()} disabled={pending}>
            {label}
          </Button>
          <dialog
            ref={dialog}
            aria-labelledby={`confirm-${id}`}
            className="m-auto max-w-sm rounded-lg p-6 shadow-xl backdrop:bg-black/40"
          >
            <p id={`confirm-${id}`} className="mb-4 text-sm">
              {t("admin.confirmDeactivate", { name })}
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" variant="danger" onClick={() => dialog.current?.close()}>
                {label}
              </Button>
            </div>
          </dialog>
        </>
      ) : (
        <Button type="submit" variant="secondary" disabled={pending}>
          {label}
        </Button>
      )}
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`mt-1 text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
