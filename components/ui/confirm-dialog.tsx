"use client";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "./button";
import { useT } from "./messages";

type Request = {
  question: string;
  confirmLabel?: string;
  danger?: boolean;
  resolve: (confirmed: boolean) => void;
};

/**
 * The one way to ask before acting: `await confirm(question)` opens a modal dialog
 * (focus trapped, Escape cancels, announced by its question) and resolves true only when
 * its confirm button is pressed. Render `dialog` once in the component that asks.
 */
export function useConfirm() {
  const [request, setRequest] = useState<Request | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const t = useT();

  useEffect(() => {
    if (request && !ref.current?.open) ref.current?.showModal();
  }, [request]);

  const confirm = useCallback(
    (question: string, options: { confirmLabel?: string; danger?: boolean } = {}) =>
      new Promise<boolean>((resolve) => setRequest({ question, ...options, resolve })),
    [],
  );

  const answer = (confirmed: boolean) => {
    ref.current?.close();
    request?.resolve(confirmed);
    setRequest(null);
  };

  const dialog = (
    <dialog
      ref={ref}
      aria-labelledby={id}
      onCancel={() => answer(false)}
      className="m-auto max-w-md rounded-lg p-6 shadow-xl backdrop:bg-black/40"
    >
      <p id={id} className="mb-4 text-sm">
        {request?.question}
      </p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => answer(false)}>
          {t("common.cancel")}
        </Button>
        <Button variant={request?.danger ? "danger" : "primary"} onClick={() => answer(true)}>
          {request?.confirmLabel ?? t("common.confirm")}
        </Button>
      </div>
    </dialog>
  );

  return { confirm, dialog };
}
