import type { Translate } from "@/lib/i18n/messages";
import { buttonClass } from "@/components/ui/button";

/**
 * The two download links of a list: .xlsx and CSV (for registers too large for a
 * spreadsheet program). Plain links, no `download` attribute: a large export answers with a
 * redirect to the exports page, which the browser must follow as a navigation.
 */
export function ExportLinks({ href, label, t }: { href: string; label: string; t: Translate }) {
  const csv = `${href}${href.includes("?") ? "&" : "?"}format=csv`;
  return (
    <>
      <a href={href} className={buttonClass("secondary")}>
        {label}
      </a>
      <a href={csv} className={buttonClass("secondary")}>
        {t("exports.csv")}
      </a>
    </>
  );
}
