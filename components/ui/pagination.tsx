import Link from "next/link";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";

export function Pagination({
  page,
  pages,
  href,
  t,
  locale,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  t: Translate;
  locale: Locale;
}) {
  if (pages <= 1) return null;
  return (
    <nav
      aria-label={t("common.page", { page: formatNumber(page, locale), pages: formatNumber(pages, locale) })}
      className="mt-4 flex items-center gap-3 text-sm"
    >
      {page > 1 ? (
        <Link href={href(page - 1)} className="underline">
          {t("common.previous")}
        </Link>
      ) : (
        <span className="text-slate-600">{t("common.previous")}</span>
      )}
      <span>
        {t("common.page", { page: formatNumber(page, locale), pages: formatNumber(pages, locale) })}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className="underline">
          {t("common.next")}
        </Link>
      ) : (
        <span className="text-slate-600">{t("common.next")}</span>
      )}
    </nav>
  );
}
