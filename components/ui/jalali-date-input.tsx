"use client";
import {
  createContext,
  lazy,
  Suspense,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import {
  dayOff,
  deadlineAfter,
  holidaySet,
  type Holiday,
  type HolidaySet,
} from "@/lib/calendar/working-days";
import { formatDate, formatDigits, jalaliParts, parseJalaliDate, todayInTehran } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { inputClass } from "./field";
import { useT } from "@/components/ui/messages";

/** "YYYY-MM-DD" ⇒ "1404/03/10" in the locale's digits, for prefilling the input. */
export function jalaliInputValue(iso: string, locale: Locale): string {
  return formatDate(iso, locale, { style: "short" });
}

// The province's days off near today, computed on the server (lib/calendar/holidays.ts) and
// handed down by <WorkingCalendar>; without it only Fridays are marked.
const HolidaysContext = createContext<HolidaySet>(new Map());

export function HolidaysProvider({ holidays, children }: { holidays: Holiday[]; children: React.ReactNode }) {
  const set = useMemo(() => holidaySet(holidays), [holidays]);
  return <HolidaysContext.Provider value={set}>{children}</HolidaysContext.Provider>;
}

export const useHolidays = (): HolidaySet => useContext(HolidaysContext);

// The month grid (react-day-picker with its Jalali calendar, ~45 KB gzipped) is loaded when
// first opened, or when the pointer or focus reaches its button: every form and filter bar
// with a date field carried it on first load (issue #15: first-load JavaScript ≤ 170 KB).
const loadCalendarDialog = () => import("./jalali-calendar-dialog");
const CalendarDialog = lazy(loadCalendarDialog);
const preloadCalendar = () => void loadCalendarDialog().catch(() => undefined);

type Props = {
  id?: string;
  name?: string;
  /** Controlled: the typed text and its setter. Leave both out for a plain GET form. */
  value?: string;
  onChange?: (value: string) => void;
  /** Uncontrolled: the text to start with. */
  defaultValue?: string;
  locale: Locale;
  /** Quick choices "+n days" counted from this Gregorian date ("YYYY-MM-DD"). */
  quickFrom?: string;
  quickDays?: readonly number[];
  quickLabel?: (n: number) => { text: string; label: string };
  placeholder?: string;
  /** Say so when the chosen day is a Friday or holiday (sessions, deadlines; not filters). */
  warnDayOff?: boolean;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  required?: boolean;
};

/**
 * A Jalali date typed as "1404/03/10" in Persian, Arabic-Indic or Latin digits, or chosen on a
 * month grid (the WAI-ARIA date picker dialog: arrows move by day, PageUp/PageDown by month,
 * Enter chooses, Escape closes and gives focus back). The full date read back underneath
 * ("شنبه ۱۰ خرداد ۱۴۰۴") confirms what the server will store, and a Friday or holiday is
 * said out loud. Typing stays first-class: thirty deadlines in a session are faster typed.
 */
export function JalaliDateInput({
  value: controlled,
  onChange,
  defaultValue = "",
  locale,
  quickFrom,
  quickDays = [],
  quickLabel,
  placeholder,
  warnDayOff = true,
  className,
  ...input
}: Props) {
  const holidays = useHolidays();
  const ref = useRef<HTMLInputElement>(null);
  const [value, setValue] = useDateText(ref, controlled, onChange, defaultValue);
  const [touched, setTouched] = useState(false);
  const pick = (day: string) => setValue(jalaliInputValue(day, locale));
  const { open, buttonRef, show, close, choose } = useCalendarPopup(ref, pick);
  const ownId = useId();
  const baseId = input.id ?? ownId;
  const iso = value.trim() ? parseJalaliDate(value) : null;
  const off = iso && warnDayOff ? dayOff(iso, holidays) : null;
  const readBackId = `${baseId}-readback`;
  const describedBy = [input["aria-describedby"], readBackId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-stretch">
          <input
            ref={ref}
            {...input}
            aria-describedby={describedBy}
            aria-invalid={
              input["aria-invalid"] || (touched && value.trim() !== "" && iso === null) || undefined
            }
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onBlur={() => setTouched(true)}
            inputMode="numeric"
            autoComplete="off"
            placeholder={placeholder ?? formatDigits(`${jalaliParts(todayInTehran()).year}/03/10`, locale)}
            dir="ltr"
            className={className ?? `${inputClass} max-w-40 text-center`}
          />
          <CalendarButton ref={buttonRef} open={open} iso={iso} locale={locale} onOpen={show} />
        </div>
        {quickFrom && <QuickDays from={quickFrom} days={quickDays} label={quickLabel} onPick={pick} />}
      </div>
      <ReadBack
        id={readBackId}
        iso={iso}
        typed={value.trim() !== ""}
        touched={touched}
        off={off}
        locale={locale}
      />
      {open && (
        <Suspense fallback={null}>
          <CalendarDialog
            baseId={baseId}
            locale={locale}
            chosen={iso}
            today={todayInTehran()}
            holidays={holidays}
            onChoose={choose}
            onClose={close}
          />
        </Suspense>
      )}
    </div>
  );
}

/**
 * The typed text: the parent's when controlled, else its own. A date typed before hydration
 * lives only in the DOM; the parent's state would overwrite it at the next re-render (see
 * components/ui/select.tsx), so it is adopted once, on mount.
 */
function useDateText(
  ref: React.RefObject<HTMLInputElement | null>,
  controlled: string | undefined,
  onChange: ((value: string) => void) | undefined,
  defaultValue: string,
): [string, (value: string) => void] {
  const [own, setOwn] = useState(defaultValue);
  const value = controlled ?? own;
  const setValue = (v: string) => {
    if (controlled === undefined) setOwn(v);
    onChange?.(v);
  };
  useEffect(() => {
    const typed = ref.current?.value;
    if (typed !== undefined && typed !== value) setValue(typed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return [value, setValue];
}

/** "+n days" buttons: n calendar days, moved past Fridays and holidays to the next working day. */
function QuickDays({
  from,
  days,
  label,
  onPick,
}: {
  from: string;
  days: readonly number[];
  label?: (n: number) => { text: string; label: string };
  onPick: (day: string) => void;
}) {
  const holidays = useHolidays();
  return days.map((n) => {
    const words = label?.(n);
    return (
      <button
        key={n}
        type="button"
        aria-label={words?.label}
        onClick={() => onPick(deadlineAfter(from, n, holidays))}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-100"
      >
        {words?.text ?? `+${n}`}
      </button>
    );
  });
}

/** The full date read back under the field, and a warning when it is a Friday or a holiday. */
function ReadBack({
  id,
  iso,
  typed,
  touched,
  off,
  locale,
}: {
  id: string;
  iso: string | null;
  typed: boolean;
  touched: boolean;
  off: ReturnType<typeof dayOff> | null;
  locale: Locale;
}) {
  const t = useT();
  return (
    <div id={id} aria-live="polite" className="space-y-1">
      <p className={`text-xs ${iso || !typed ? "text-slate-600" : "text-red-700"}`}>
        {iso ? formatDate(iso, locale) : typed && touched ? t("calendar.invalidDate") : ""}
      </p>
      {off && (
        <p className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900">
          <span aria-hidden="true">⚠ </span>
          {off.holiday ? t("calendar.holidayWarning", { name: off.holiday }) : t("calendar.fridayWarning")}
        </p>
      )}
    </div>
  );
}

/** The month grid's open state: closing gives the focus back to its button, choosing to the field. */
function useCalendarPopup(input: React.RefObject<HTMLInputElement | null>, onDay: (day: string) => void) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const choose = (day: string | undefined) => {
    if (day) onDay(day);
    close();
    input.current?.focus();
  };
  return { open, buttonRef, show: () => setOpen(true), close, choose };
}

/** Opens the month grid; names the chosen date. Pointing at it starts loading the grid. */
function CalendarButton({
  ref,
  open,
  iso,
  locale,
  onOpen,
}: {
  ref: React.RefObject<HTMLButtonElement | null>;
  open: boolean;
  iso: string | null;
  locale: Locale;
  onOpen: () => void;
}) {
  const t = useT();
  return (
    <button
      ref={ref}
      type="button"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-label={iso ? t("calendar.openWith", { date: formatDate(iso, locale) }) : t("calendar.open")}
      onClick={onOpen}
      onPointerEnter={preloadCalendar}
      onFocus={preloadCalendar}
      className="ms-1 rounded-md border border-slate-300 bg-white px-2 text-slate-700 hover:bg-slate-100"
    >
      <CalendarIcon />
    </button>
  );
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor">
      <rect x="3" y="4.5" width="14" height="12.5" rx="1.5" strokeWidth="1.5" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" strokeWidth="1.5" strokeLinecap="round" />
    </svg>
  );
}
