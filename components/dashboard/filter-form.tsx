import type { Locale, Translate } from "@/lib/i18n/messages";
import { inputClass } from "@/components/ui/field";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";
import { buttonClass } from "@/components/ui/button";
import Link from "next/link";
import { localName } from "@/lib/i18n/format";
import { SearchCombobox } from "@/components/ui/search-combobox";
import { CountyFilter } from "@/components/ui/county-filter";
import { FilterSelect } from "@/components/ui/filter-select";

type Option = { id: string; nameFa: string; nameEn: string };
type Raw = Record<string, string | string[] | undefined>;

const LABEL = "block text-xs font-medium text-slate-700";

/** A control with its small label above it. */
function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** From and to, as Jalali dates. */
function DateRange({ value, t, locale }: { value: (k: string) => string; t: Translate; locale: Locale }) {
  return (["from", "to"] as const).map((k) => (
    <Labelled key={k} id={`f-${k}`} label={t(`dashboard.${k}`)}>
      <JalaliDateInput
        id={`f-${k}`}
        name={k}
        defaultValue={value(k)}
        placeholder={t("dashboard.datePlaceholder")}
        locale={locale}
        warnDayOff={false}
        className={inputClass}
      />
    </Labelled>
  ));
}

/** Hundreds of agencies at national scope: searched on the server as people type. */
function AgencyFilter({
  agency,
  province,
  t,
  locale,
}: {
  agency: Option | null;
  province: string | undefined;
  t: Translate;
  locale: Locale;
}) {
  return (
    <Labelled id="f-agency" label={t("dashboard.agency")}>
      <SearchCombobox
        id="f-agency"
        name="agency"
        source="agencies"
        province={province}
        initial={agency ? { id: agency.id, name: localName(agency, locale) } : null}
        placeholder={t("common.typeToSearch")}
        noMatch={t("common.noMatch")}
      />
    </Labelled>
  );
}

function FormButtons({ clear, t }: { clear: string; t: Translate }) {
  return (
    <div className="flex flex-wrap gap-2 whitespace-nowrap">
      <button type="submit" className={buttonClass("primary")}>
        {t("dashboard.apply")}
      </button>
      <Link href={clear} className={buttonClass("ghost")}>
        {t("dashboard.clear")}
      </Link>
    </div>
  );
}

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
  const select = (id: string, label: string, opts: [string, string][]) => (
    <FilterSelect
      id={`f-${id}`}
      name={id}
      label={label}
      value={value(id)}
      options={opts}
      all={t("dashboard.all")}
      labelClassName={LABEL}
    />
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
        (["WORKING_GROUP", "COMMITTEE"] as const).map((b) => [b, t(`meeting.${b}`)]),
      )}
      <DateRange value={value} t={t} locale={locale} />
      <CountyFilter
        id="f-county"
        name="county"
        label={t("dashboard.county")}
        labelClassName={LABEL}
        value={value("county") || undefined}
        counties={options.counties}
        all={t("dashboard.all")}
        locale={locale}
        t={t}
      />
      {select(
        "sector",
        t("dashboard.sector"),
        (["INDUSTRIAL", "MINING", "AGRICULTURAL", "SERVICES"] as const).map((s) => [s, t(`sector.${s}`)]),
      )}
      {select(
        "category",
        t("dashboard.category"),
        options.categories.map((o) => [o.id, localName(o, locale)]),
      )}
      <AgencyFilter agency={options.agency} province={hidden?.province} t={t} locale={locale} />
      <FormButtons clear={kept ? `${action}?${kept}` : action} t={t} />
    </form>
  );
}
