"use client";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { useT } from "@/components/ui/messages";

type FileInputProps = {
  id: string;
  name: string;
  multiple?: boolean;
  accept?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

/**
 * A file picker in the page's language. The browser's own control always speaks the browser's
 * language ("Choose Files / No file chosen"), so the native input is kept — for the keyboard,
 * screen readers, form submission and the field's <label for> — but visually hidden, and a
 * button-styled label plus a live list of the chosen names stand in for its face.
 */
export function FileInput({ id, name, multiple, accept, required, ...aria }: FileInputProps) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  const listId = `${id}-files`;

  // React resets a form after its action runs; the list must follow the emptied input.
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const onReset = () => setNames([]);
    form.addEventListener("reset", onReset);
    return () => form.removeEventListener("reset", onReset);
  }, []);

  const describedBy = [aria["aria-describedby"], listId].filter(Boolean).join(" ");
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <label
        className={`${buttonClass("secondary")} cursor-pointer has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-brand-600`}
      >
        <input
          ref={ref}
          id={id}
          name={name}
          type="file"
          multiple={multiple}
          accept={accept}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={aria["aria-invalid"]}
          className="sr-only"
          onChange={(e) => setNames(Array.from(e.currentTarget.files ?? [], (f) => f.name))}
        />
        <span aria-hidden="true">{t("common.chooseFiles")}</span>
      </label>
      <div id={listId} aria-live="polite" className="min-w-0 text-sm text-slate-700">
        {names.length === 0 ? (
          <span className="text-slate-500">{t("common.noFileChosen")}</span>
        ) : (
          <ul aria-label={t("common.chosenFiles")} className="flex flex-wrap gap-1">
            {names.map((n, i) => (
              <li
                key={`${i}-${n}`}
                dir="auto"
                className="max-w-full truncate rounded bg-slate-100 px-2 py-0.5 text-xs"
              >
                {n}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
