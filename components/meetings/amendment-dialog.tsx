"use client";
import { createContext, useCallback, useContext, useId, useRef, useState, useTransition } from "react";
import { useT } from "@/components/ui/messages";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

/** Resolves with the reason for this one change, "" when the session is not locked, null when cancelled. */
type AskReason = () => Promise<string | null>;

const AmendmentContext = createContext<AskReason | null>(null);
const notLocked: AskReason = () => Promise.resolve("");

/**
 * Once the chair has approved the minutes, every change to the session is an amendment with
 * its own reason. The reason is asked for at the moment of the change, in one dialog shared by
 * every section of the page, and travels with that change only (the server writes it into the
 * change's audit event). One reason never covers a second change.
 */
export function AmendmentProvider({ locked, children }: { locked: boolean; children: React.ReactNode }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const pending = useRef<((reason: string | null) => void) | null>(null);
  const returnFocus = useRef<Element | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState(false);

  const ask = useCallback<AskReason>(() => {
    if (!locked) return Promise.resolve("");
    return new Promise((resolve) => {
      pending.current?.(null);
      pending.current = resolve;
      returnFocus.current = document.activeElement;
      setReason("");
      setError(false);
      dialog.current?.showModal();
    });
  }, [locked]);

  const finish = (value: string | null) => {
    const resolve = pending.current;
    pending.current = null;
    dialog.current?.close();
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    resolve?.(value);
  };

  return (
    <AmendmentContext value={ask}>
      {children}
      {locked && (
        <dialog
          ref={dialog}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-hint`}
          onCancel={(e) => {
            e.preventDefault();
            finish(null);
          }}
          className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40"
        >
          <ReasonForm
            id={id}
            reason={reason}
            onReason={setReason}
            error={error}
            onMissing={() => setError(true)}
            onFinish={finish}
          />
        </dialog>
      )}
    </AmendmentContext>
  );
}

/** The reason for one change: required, up to 500 characters. */
function ReasonForm({
  id,
  reason,
  onReason,
  error,
  onMissing,
  onFinish,
}: {
  id: string;
  reason: string;
  onReason: (reason: string) => void;
  error: boolean;
  onMissing: () => void;
  onFinish: (reason: string | null) => void;
}) {
  const t = useT();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const text = reason.trim();
        if (!text) return onMissing();
        onFinish(text);
      }}
      className="space-y-3"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {t("meetings.amendment.title")}
      </h2>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {t("meetings.amendment.hint")}
      </p>
      <Field
        label={t("meetings.amendmentReason")}
        errors={error ? [t("meetings.amendmentRequired")] : undefined}
      >
        {(p) => (
          <input
            {...p}
            value={reason}
            onChange={(e) => onReason(e.target.value)}
            maxLength={500}
            className={inputClass}
            autoFocus
          />
        )}
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onFinish(null)}>
          {t("common.cancel")}
        </Button>
        <Button type="submit">{t("meetings.amendment.confirm")}</Button>
      </div>
    </form>
  );
}

/** The page's reason-asker; outside a provider, changes are never amendments. */
export function useAmendmentReason(): AskReason {
  return useContext(AmendmentContext) ?? notLocked;
}

/**
 * A form posting to a server action that asks for the amendment reason first when the
 * session is locked and sends it as `amendmentReason` with this submission only. Before
 * hydration the form still posts (without a reason; the server then asks for one).
 */
export function AmendableForm({
  action,
  children,
  ...props
}: Omit<React.ComponentProps<"form">, "action" | "onSubmit"> & { action: (form: FormData) => void }) {
  const ask = useAmendmentReason();
  const [, startTransition] = useTransition();
  return (
    <form
      {...props}
      action={action}
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const submitter = (e.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(form, submitter);
        const reason = await ask();
        if (reason === null) return;
        if (reason) data.set("amendmentReason", reason);
        startTransition(() => action(data));
      }}
    >
      {children}
    </form>
  );
}
