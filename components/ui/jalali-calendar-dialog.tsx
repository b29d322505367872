"use client";
import { useEffect, useRef } from "react";
import { DayPicker, enUS, faIR } from "react-day-picker/persian";
import "react-day-picker/style.css";
import type { HolidaySet } from "@/lib/calendar/working-days";
import { formatDate, isRtl, numberingSystem } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";

const DAY_PICKER_LOCALE = { fa: faIR, en: enUS } satisfies Record<Locale, unknown>;
import { useT } from "@/components/ui/messages";

// The month grid of <JalaliDateInput>, in a chunk of its own loaded on first use (see there).

// The picker's grid speaks JavaScript Dates in the browser's zone; the form speaks ISO days.
const pad = (n: number) => String(n).padStart(2, "0");
const isoOfLocal = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const localOfIso = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
};

type DialogProps = {
  baseId: string;
  locale: Locale;
  /** The typed date, if it reads as one ("YYYY-MM-DD"). */
  chosen: string | null;
  today: string;
  holidays: HolidaySet;
  onChoose: (day: string | undefined) => void;
  onClose: () => void;
};

export default function JalaliCalendarDialog({
  baseId,
  locale,
  chosen,
  today,
  holidays,
  onChoose,
  onClose,
}: DialogProps) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The modal dialog is closed before the field moves focus back: while it is open the rest of
  // the page is inert, and focus() on the calendar button (or the field) would do nothing.
  const leave = () => dialogRef.current?.close();
  const close = () => {
    leave();
    onClose();
  };
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // showModal() focuses the dialog's first control (the month arrows); the date picker
    // pattern starts on the chosen day, else today: the grid's one tabbable day.
    dialog.querySelector<HTMLButtonElement>('.rdp-day_button[tabindex="0"]')?.focus();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      aria-label={t("calendar.dialog")}
      aria-describedby={`${baseId}-keys`}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself) closes, as Escape does.
        if (e.target === e.currentTarget) close();
      }}
      className="m-auto rounded-lg p-4 shadow-xl backdrop:bg-black/40"
    >
      <DayPicker
        mode="single"
        locale={DAY_PICKER_LOCALE[locale]}
        dir={isRtl(locale) ? "rtl" : "ltr"}
        numerals={numberingSystem(locale)}
        // The Iranian week runs Saturday to Friday.
        weekStartsOn={6}
        selected={chosen ? localOfIso(chosen) : undefined}
        defaultMonth={localOfIso(chosen ?? today)}
        today={localOfIso(today)}
        onSelect={(day: Date | undefined) => {
          leave();
          onChoose(day ? isoOfLocal(day) : undefined);
        }}
        autoFocus
        showOutsideDays
        modifiers={{
          friday: { dayOfWeek: [5] },
          holiday: (d: Date) => holidays.has(isoOfLocal(d)),
        }}
        modifiersClassNames={{
          friday: "text-red-700",
          holiday: "text-red-700 font-bold underline decoration-dotted",
        }}
        labels={{ labelDayButton: (date, modifiers) => dayLabel(date, modifiers.today, holidays, locale, t) }}
        footer={<CalendarLegend id={`${baseId}-keys`} />}
      />
      <div className="mt-2 flex justify-end">
        <button
          type="button"
          onClick={close}
          className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
        >
          {t("calendar.close")}
        </button>
      </div>
    </dialog>
  );
}

/** A day's name as read out: the date, the holiday it is, whether it is today. */
function dayLabel(
  date: Date,
  today: boolean | undefined,
  holidays: HolidaySet,
  locale: Locale,
  t: Translate,
): string {
  const day = isoOfLocal(date);
  const parts = [formatDate(day, locale)];
  const name = holidays.get(day);
  if (name) parts.push(t("calendar.holiday", { name }));
  if (today) parts.push(t("calendar.today"));
  return parts.join("، ");
}

/** What the colours mean and the keys that move in the grid (the dialog's description). */
function CalendarLegend({ id }: { id: string }) {
  const t = useT();
  return (
    <p id={id} className="mt-2 max-w-72 text-xs text-slate-600">
      <span className="me-3 text-red-700">■ {t("calendar.legendFriday")}</span>
      <span className="me-3 font-bold text-red-700 underline decoration-dotted">
        {t("calendar.legendHoliday")}
      </span>
      <br />
      {t("calendar.keyboardHint")}
    </p>
  );
}
