import type { Locale, Translate } from "@/lib/i18n/messages";
import { inputClass } from "@/components/ui/field";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
import { buttonClass } from "@/components/ui/button";
import Link from "next/link";
import { localName } from "@/lib/i18n/format";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { CountyFilter } from "@/components/ui/county-filter";

type Option = { id: string; nameFa: string; nameEn: string };
type Raw = Record<string, string | string[] | undefined>;

/** A GET form: the filtered view lives in the URL, so it can be bookmarked and exported. */
export function DashboardFilterForm({
  action,
  raw,
  options,
  hidden,
  t,
  locale,
}: {
  action: string;
  raw: Raw;
  options: { counties: Option[]; agency: Option | null; categories: Option[] };
  /**
   * Parameters the form keeps as they are, on "apply" and on "clear": a national viewer's
   * chosen province, and the view choices (how delays are counted, the scorecard's sort).
   */
  hidden?: Record<string, string>;
  t: Translate;
  locale: Locale;
}) {
  const kept = new URLSearchParams(hidden).toString();
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const select = (id: string, label: string, opts: { value: string; label: string }[]) => (
    <div className="space-y-1">
      <label htmlFor={`f-${id}`} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={`f-${id}`} name={id} defaultValue={value(id)} className={inputClass}>
        <option value="">{t("dashboard.all")}</option>
        {opts.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="get"
      action={action}
      aria-label={t("dashboard.filters")}
      className="no-print flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 [&>div]:min-w-36 [&>div]:flex-1"
    >
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {select(
        "body",
        t("dashboard.body"),
        (["WORKING_GROUP", "COMMITTEE"] as const).map((b) => ({ value: b, label: t(`meeting.${b}`) })),
      )}
      {(["from", "to"] as const).map((k) => (
        <div key={k} className="space-y-1">
          <label htmlFor={`f-${k}`} className="block text-xs font-medium text-slate-700">
            {t(`dashboard.${k}`)}
          </label>
          <JalaliDateInput
            id={`f-${k}`}
            name={k}
            defaultValue={value(k)}
            placeholder={t("dashboard.datePlaceholder")}
            locale={locale}
            warnDayOff={false}
            className={inputClass}
          />
        </div>
      ))}
      <CountyFilter
        id="f-county"
        name="county"
        label={t("dashboard.county")}
        labelClassName="block text-xs font-medium text-slate-700"
        value={value("county") || undefined}
        counties={options.counties}
        all={t("dashboard.all")}
        locale={locale}
        t={t}
      />
      {select(
        "sector",
        t("dashboard.sector"),
        (["INDUSTRIAL", "MINING", "AGRICULTURAL", "SERVICES"] as const).map((s) => ({
          value: s,
          label: t(`sector.${s}`),
        })),
      )}
      {select(
        "category",
        t("dashboard.category"),
        options.categories.map((o) => ({ value: o.id, label: localName(o, locale) })),
      )}
      {/* Hundreds of agencies at national scope: searched on the server as people type. */}
      <div className="space-y-1">
        <label htmlFor="f-agency" className="block text-xs font-medium text-slate-700">
          {t("dashboard.agency")}
        </label>
        <SearchCombobox
          id="f-agency"
          name="agency"
          source="agencies"
          province={hidden?.province}
          initial={options.agency ? { id: options.agency.id, name: localName(options.agency, locale) } : null}
          placeholder={t("common.typeToSearch")}
          noMatch={t("common.noMatch")}
        />
      </div>
      <div className="flex flex-wrap gap-2 whitespace-nowrap">
        <button type="submit" className={buttonClass("primary")}>
          {t("dashboard.apply")}
        </button>
        <Link href={kept ? `${action}?${kept}` : action} className={buttonClass("ghost")}>
          {t("dashboard.clear")}
        </Link>
      </div>
    </form>
  );
}
