"use client";
import { useEffect, useRef, useState } from "react";
import { AgencyCombobox, type AgencyChoice } from "./agency-combobox";

export type SearchSource = "units" | "sessions" | "agencies" | "counties";
type Choice = { id: string; name: string; hint?: string };

/**
 * A filter picker for records there are thousands of (units, sessions, agencies at national
 * scope): the agency picker's keyboard and ARIA pattern, with options searched on the server
 * (/api/choices/<source>?q=…, normalised names, a screenful at a time) instead of shipped in
 * the page as <option>s (docs/decisions/120-server-searched-pickers.md). Posts the chosen id
 * under `name` as a hidden input, so it works in plain GET forms; erasing the name clears
 * the filter.
 */
export function SearchCombobox({
  id,
  name,
  source,
  province,
  initial,
  placeholder,
  noMatch,
}: {
  id: string;
  name: string;
  source: SearchSource;
  /** A national viewer's drill-down: search inside this province only. */
  province?: string;
  /** The current filter, named by the server that rendered the form. */
  initial: Choice | null;
  placeholder?: string;
  noMatch: string;
}) {
  const [value, setValue] = useState(initial?.id ?? "");
  const [selectedName, setSelectedName] = useState(initial?.name);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [query, setQuery] = useState<string | null>(null);
  const pending = useRef<AbortController | null>(null);

  // Ask when the picker is first used and again after each pause in typing; an answer to an
  // older query is dropped (aborted) so the list never shows what was typed before.
  useEffect(() => {
    if (query === null) return;
    const timer = setTimeout(async () => {
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      try {
        const params = new URLSearchParams({ q: query, ...(province ? { province } : {}) });
        const r = await fetch(`/api/choices/${source}?${params}`, {
          signal: controller.signal,
        });
        if (r.ok) setChoices(((await r.json()) as { choices: Choice[] }).choices);
      } catch {
        // Aborted by newer typing, or offline: the list keeps its last answer.
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [query, source, province]);

  const options: AgencyChoice[] = choices.map((c) => ({ ...c, group: "" }));
  return (
    <div onFocusCapture={() => setQuery((q) => q ?? "")}>
      <AgencyCombobox
        id={id}
        name={name}
        choices={options}
        groupOrder={[""]}
        filter={false}
        value={value}
        selectedName={selectedName}
        onChange={(next) => {
          setValue(next);
          setSelectedName(choices.find((c) => c.id === next)?.name);
        }}
        onQueryChange={(q) => {
          setQuery(q);
          if (q.trim() === "") {
            setValue("");
            setSelectedName(undefined);
          }
        }}
        placeholder={placeholder}
        noMatch={noMatch}
      />
    </div>
  );
}
