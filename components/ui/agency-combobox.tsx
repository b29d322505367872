"use client";
import { useId, useMemo, useRef, useState } from "react";
import { normalizeText } from "@/lib/i18n/normalize";
import { inputClass } from "./field";

/**
 * One agency the picker offers. `group` is the heading it is listed under (none when empty);
 * `hint` tells apart equal names, e.g. the province for a national viewer.
 */
export type AgencyChoice = { id: string; name: string; group: string; hint?: string };

type Common = {
  id?: string;
  /** Posted as hidden inputs under this name (one per chosen agency), for plain forms. */
  name?: string;
  choices: readonly AgencyChoice[];
  /**
   * Group headings in the order they are listed: the body's members and the case's agencies
   * first, then the rest by kind. Groups with nothing to show are left out.
   */
  groupOrder: readonly string[];
  placeholder?: string;
  /** Read out when no agency matches what was typed. */
  noMatch: string;
  /** "Remove {name}" for the chosen chips of a multiple picker. */
  removeLabel?: (name: string) => string;
  /** Names the list of chosen agencies of a multiple picker. */
  chosenLabel?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  disabled?: boolean;
  /**
   * False when `choices` are already the matches of a server search (SearchCombobox): the
   * server matched them, so the picker lists them as they come.
   */
  filter?: boolean;
  /** Told what is typed, for a server search. */
  onQueryChange?: (query: string) => void;
  /** The chosen option's name when it is not among `choices` (a server search's page). */
  selectedName?: string;
};

type Props =
  | (Common & { multiple?: false; value: string; onChange: (id: string) => void })
  | (Common & { multiple: true; value: readonly string[]; onChange: (ids: string[]) => void });

/**
 * An agency picker people can type into (WAI-ARIA 1.2 combobox with a listbox popup): a few
 * letters in Persian or Arabic letter forms find the agency (both sides normalised, so «ملي»
 * finds «ملی» and a space matches a ZWNJ), ↑/↓ move, Enter chooses, Escape closes and keeps the
 * choice (erasing the text clears it). With
 * `multiple`, Enter adds or removes the agency and the list stays open, so several supporting
 * agencies need no modifier key; the chosen ones are listed as removable chips.
 */
export function AgencyCombobox(props: Props) {
  const { choices, placeholder, noMatch, removeLabel, chosenLabel, disabled } = props;
  const generatedId = useId();
  const inputId = props.id ?? `${generatedId}-input`;
  const listId = `${generatedId}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const chosen: readonly string[] = props.multiple ? props.value : props.value ? [props.value] : [];
  const byId = useMemo(() => new Map(choices.map((c) => [c.id, c])), [choices]);
  const single = props.multiple ? null : (byId.get(props.value) ?? null);

  const { open, query, shown, activeChoice, setActive, choose, onType, onKeyDown, onBlur, show } = usePicker(
    props,
    chosen,
  );
  return (
    <div className="relative">
      {props.name && (
        <HiddenIds name={props.name} ids={chosen.length ? chosen : props.multiple ? [] : [""]} />
      )}
      {props.multiple && chosen.length > 0 && (
        <ChosenChips
          chosen={chosen}
          byId={byId}
          disabled={disabled}
          chosenLabel={chosenLabel}
          removeLabel={removeLabel}
          onRemove={(id) => {
            props.onChange(chosen.filter((x) => x !== id));
            inputRef.current?.focus();
          }}
        />
      )}
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeChoice ? optionId(generatedId, activeChoice.id) : undefined}
        aria-describedby={props["aria-describedby"]}
        aria-invalid={props["aria-invalid"]}
        autoComplete="off"
        disabled={disabled}
        placeholder={placeholder}
        value={query ?? single?.name ?? props.selectedName ?? ""}
        onChange={(e) => onType(e.target.value)}
        onFocus={(e) => e.target.select()}
        onClick={show}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      <AgencyListbox
        listId={listId}
        inputId={inputId}
        baseId={generatedId}
        multiple={props.multiple ?? false}
        open={open}
        shown={shown}
        chosen={chosen}
        activeId={activeChoice?.id}
        noMatch={noMatch}
        onActive={setActive}
        onChoose={choose}
      />
    </div>
  );
}

/** The open list, what is typed, the active option, and what choosing and the keys do. */
function usePicker(props: Props, chosen: readonly string[]) {
  const [open, setOpen] = useState(false);
  // While closed, a single picker shows the chosen agency's name; typing starts a search.
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const shown = useShownChoices(props.choices, props.groupOrder, query, props.filter ?? true);
  const flat = shown.flatMap((g) => g.items);
  const activeChoice = open ? flat[Math.min(active, flat.length - 1)] : undefined;

  const choose = (choice: AgencyChoice) => {
    if (props.multiple) {
      const next = chosen.includes(choice.id)
        ? chosen.filter((id) => id !== choice.id)
        : [...chosen, choice.id];
      props.onChange(next);
      setQuery("");
      // Keep the list open on the same agency: the next one is a few letters away.
    } else {
      props.onChange(choice.id);
      setQuery(null);
      setOpen(false);
    }
  };

  const close = () => {
    setOpen(false);
    setQuery(null);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) =>
    onComboKey(e, {
      open,
      count: flat.length,
      activeChoice,
      show: () => setOpen(true),
      setActive,
      choose,
      close,
      removeLast:
        props.multiple && !query && chosen.length ? () => props.onChange(chosen.slice(0, -1)) : undefined,
    });

  return {
    open,
    query,
    shown,
    activeChoice,
    setActive,
    choose,
    onKeyDown,
    show: () => setOpen(true),
    onType: (text: string) => {
      setQuery(text);
      props.onQueryChange?.(text);
      setActive(0);
      setOpen(true);
    },
    onBlur: () => {
      // Text erased on a single picker is the one way to clear its choice on purpose.
      if (!props.multiple && query !== null && query.trim() === "" && props.value) props.onChange("");
      close();
    },
  };
}

const optionId = (baseId: string, id: string) => `${baseId}-opt-${id}`;

/** The agencies matching what is typed (both sides normalised), under their group headings in order. */
function useShownChoices(
  choices: readonly AgencyChoice[],
  groupOrder: readonly string[],
  query: string | null,
  filter: boolean,
) {
  const keys = useMemo(() => new Map(choices.map((c) => [c.id, normalizeText(c.name)])), [choices]);
  const key = normalizeText(query ?? "");
  return useMemo(() => {
    const matching = choices.filter((c) => !filter || !key || (keys.get(c.id) ?? "").includes(key));
    return groupOrder.flatMap((group) => {
      const items = matching.filter((c) => c.group === group);
      return items.length ? [{ group, items }] : [];
    });
  }, [choices, groupOrder, key, keys, filter]);
}

/** The keys of the combobox pattern: ↑/↓/Home/End move, Enter chooses, Escape and Tab close. */
function onComboKey(
  e: React.KeyboardEvent<HTMLInputElement>,
  box: {
    open: boolean;
    count: number;
    activeChoice: AgencyChoice | undefined;
    show: () => void;
    setActive: React.Dispatch<React.SetStateAction<number>>;
    choose: (choice: AgencyChoice) => void;
    close: () => void;
    /** Backspace in an empty multiple picker removes the last chosen agency. */
    removeLast?: () => void;
  },
) {
  switch (e.key) {
    case "ArrowDown":
      e.preventDefault();
      if (!box.open) box.show();
      else box.setActive((i) => Math.min(i + 1, box.count - 1));
      break;
    case "ArrowUp":
      e.preventDefault();
      if (!box.open) box.show();
      else box.setActive((i) => Math.max(i - 1, 0));
      break;
    case "Home":
    case "End":
      if (!box.open) return;
      e.preventDefault();
      box.setActive(e.key === "Home" ? 0 : box.count - 1);
      break;
    case "Enter":
      // Enter chooses from an open list; with the list closed it submits the form as usual.
      if (!box.open || !box.activeChoice) return;
      e.preventDefault();
      box.choose(box.activeChoice);
      break;
    case "Escape":
      // Escape only closes the list and keeps the choice: it used to clear a single choice
      // silently, and the form then failed with "agency required" (issue #30). To clear it,
      // erase the text.
      if (box.open) {
        e.preventDefault();
        box.close();
      }
      break;
    case "Backspace":
      box.removeLast?.();
      break;
    case "Tab":
      box.close();
      break;
  }
}

/** The chosen ids posted under `name`, for plain forms (one empty value for no single choice). */
function HiddenIds({ name, ids }: { name: string; ids: readonly string[] }) {
  return ids.map((id) => <input key={id || "none"} type="hidden" name={name} value={id} />);
}

/** The chosen agencies of a multiple picker, each a button that removes it. */
function ChosenChips({
  chosen,
  byId,
  disabled,
  chosenLabel,
  removeLabel,
  onRemove,
}: {
  chosen: readonly string[];
  byId: Map<string, AgencyChoice>;
  disabled?: boolean;
  chosenLabel?: string;
  removeLabel?: (name: string) => string;
  onRemove: (id: string) => void;
}) {
  return (
    <ul className="mb-1 flex flex-wrap gap-1" aria-label={chosenLabel}>
      {chosen.map((id) => {
        const c = byId.get(id);
        return (
          <li key={id}>
            <button
              type="button"
              disabled={disabled}
              onClick={() => onRemove(id)}
              aria-label={removeLabel?.(c?.name ?? id)}
              className="flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 px-2 py-0.5 text-xs hover:bg-slate-200"
            >
              {c?.name ?? id}
              <span aria-hidden="true">×</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The popup: the matching agencies under their group headings, the active one marked. */
function AgencyListbox({
  listId,
  inputId,
  baseId,
  multiple,
  open,
  shown,
  chosen,
  activeId,
  noMatch,
  onActive,
  onChoose,
}: {
  listId: string;
  inputId: string;
  baseId: string;
  multiple: boolean;
  open: boolean;
  shown: { group: string; items: AgencyChoice[] }[];
  chosen: readonly string[];
  activeId: string | undefined;
  noMatch: string;
  onActive: (index: number) => void;
  onChoose: (choice: AgencyChoice) => void;
}) {
  let index = -1;
  return (
    <div
      id={listId}
      role="listbox"
      aria-multiselectable={multiple || undefined}
      aria-labelledby={inputId}
      hidden={!open}
      className="absolute inset-x-0 z-20 mt-1 max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg"
    >
      {open && shown.length === 0 && (
        <p role="presentation" className="px-3 py-2 text-slate-600">
          {noMatch}
        </p>
      )}
      {/* Options exist only while the list is open: a session's thirty resolution forms
          each rendered every agency of the province, hidden (~60 KB of its HTML, issue #15). */}
      {(open ? shown : []).map(({ group, items }, g) => (
        <div key={group} role="group" aria-labelledby={group ? `${baseId}-g${g}` : inputId}>
          {group && (
            <p
              id={`${baseId}-g${g}`}
              role="presentation"
              className="px-3 pt-2 pb-1 text-xs font-semibold text-slate-600"
            >
              {group}
            </p>
          )}
          {items.map((c) => {
            index++;
            const at = index;
            return (
              <AgencyOption
                key={c.id}
                id={optionId(baseId, c.id)}
                choice={c}
                selected={chosen.includes(c.id)}
                active={activeId === c.id}
                onActive={() => onActive(at)}
                onChoose={() => onChoose(c)}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** One agency in the list: ✓ when chosen, outlined when active. */
function AgencyOption({
  id,
  choice: c,
  selected,
  active,
  onActive,
  onChoose,
}: {
  id: string;
  choice: AgencyChoice;
  selected: boolean;
  active: boolean;
  onActive: () => void;
  onChoose: () => void;
}) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      // mousedown, not click: the input's blur would close the list first.
      onMouseDown={(e) => {
        e.preventDefault();
        onActive();
        onChoose();
      }}
      onMouseMove={onActive}
      className={`flex cursor-pointer items-center gap-2 px-3 py-1.5 ${active ? "bg-brand-50 outline outline-1 outline-brand-600" : ""}`}
    >
      <span aria-hidden="true" className="w-4 text-brand-700">
        {selected ? "✓" : ""}
      </span>
      {c.name}
      {c.hint && <span className="text-xs text-slate-600">{c.hint}</span>}
    </div>
  );
}
