import Link from "next/link";
import type { Translate } from "@/lib/i18n/messages";

type Count = "calendar" | "working";

/** "Count in: calendar days | working days": two links, the current one marked (dashboard, provinces). */
export function CountInNav({
  current,
  href,
  className,
  t,
}: {
  current: Count;
  href: (count: Count) => string;
  className: string;
  t: Translate;
}) {
  return (
    <nav aria-label={t("calendar.countIn")} className={`flex gap-3 text-sm ${className}`}>
      <span className="text-slate-600">{t("calendar.countIn")}:</span>
      {(["calendar", "working"] as const).map((k) => (
        <Link
          key={k}
          href={href(k)}
          aria-current={k === current ? "true" : undefined}
          className="text-brand-700 underline-offset-4 hover:underline aria-[current=true]:font-bold aria-[current=true]:text-slate-900 aria-[current=true]:no-underline"
        >
          {t(k === "working" ? "calendar.countWorking" : "calendar.countCalendar")}
        </Link>
      ))}
    </nav>
  );
}
