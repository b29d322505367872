import { provinceNames } from "@/lib/provinces/queries";
import { formatDate, localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";

/**
 * The head of an official document as an Iranian office prints it: the state and the
 * governorate on the right, the working group in the middle, number and date on the left
 * (mirrored in English). Printed on every document of the working group.
 */
export async function Letterhead({
  provinceId,
  number,
  date,
  locale,
  t,
}: {
  provinceId: string | null;
  /** The document's number, e.g. the session's; none for a report. */
  number?: string;
  date: Date | string;
  locale: Locale;
  t: Translate;
}) {
  const province = await provinceNames(provinceId);
  const name = province ? localName(province, locale) : null;
  return (
    <div className="letterhead grid grid-cols-3 items-start gap-2 border-b-2 border-double border-slate-500 pb-2 text-xs">
      <div className="space-y-0.5">
        <p className="font-semibold">{t("print.republic")}</p>
        <p>{name ? t("print.governorate", { province: name }) : t("print.national")}</p>
      </div>
      <p className="self-center text-center text-sm font-bold">
        {name ? t("print.group", { province: name }) : t("print.national")}
      </p>
      <div className="space-y-0.5 text-end">
        {number && <p>{t("print.number", { number })}</p>}
        <p>{t("print.date", { date: formatDate(date, locale, { style: "short" }) })}</p>
        <p>{t("print.attachment")}</p>
      </div>
    </div>
  );
}

/** Names and room to sign, kept on one page with the text above it. */
export function SignatureBlock({ signers, t }: { signers: { role: string; name: string }[]; t: Translate }) {
  return (
    <section
      aria-label={t("print.signatures")}
      className="signature-block grid grid-cols-2 gap-6 pt-4 text-sm"
    >
      {signers.map((s) => (
        <div key={s.role} className="space-y-1 text-center">
          <p className="font-medium">{s.role}</p>
          <p>{s.name || "\u00a0"}</p>
          <p className="mx-auto mt-10 w-40 border-t border-dashed border-slate-500 pt-1 text-xs text-slate-600">
            {t("print.signHere")}
          </p>
        </div>
      ))}
    </section>
  );
}
