import Link from "next/link";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { RESOLUTION_STATUSES } from "@/lib/resolutions/schema";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { localName } from "@/lib/i18n/format";
import { SearchCombobox, type SearchSource } from "@/components/ui/search-combobox";
import { JalaliDateInput } from "@/components/ui/jalali-date-input";

type Named = { id: string; nameFa: string; nameEn: string };
type Chosen = { id: string; name: string } | null;
export type FilterOptions = {
  /** The sessions, agencies and units currently filtered by, named; the rest are searched. */
  chosen: { sessions: Chosen; agencies?: Chosen; units?: Chosen };
  categories?: (Named & { parentId: string | null })[];
};

type ResolutionFiltersProps = {
  action: string;
  values: Record<string, string | undefined>;
  options: FilterOptions;
  locale: Locale;
  t: Translate;
  /** The register's full set; the inbox shows status and session only. */
  full: boolean;
};

/** A GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function ResolutionFilters({ action, values, options, locale, t, full }: ResolutionFiltersProps) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t("resolutions.filters")}
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <StatusFilter value={values.status} t={t} />
      {pickersShown(options, full, t).map((p) => (
        <PickerFilter key={p.id} {...p} t={t} />
      ))}
      {full && (
        <>
          <CategoryFilter
            value={values.categoryId}
            categories={options.categories ?? []}
            t={t}
            locale={locale}
          />
          <DeadlineFilters from={values.from} to={values.to} t={t} locale={locale} />
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" name="overdue" value="1" defaultChecked={values.overdue === "1"} />
            {t("resolutions.onlyOverdue")}
          </label>
        </>
      )}
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          {t("resolutions.apply")}
        </button>
        <Link href={action} className={buttonClass("ghost")}>
          {t("resolutions.clear")}
        </Link>
      </div>
    </form>
  );
}

/** The searched pickers: the session always, the agency and the unit in the full register. */
function pickersShown(options: FilterOptions, full: boolean, t: Translate): Omit<PickerProps, "t">[] {
  const { chosen } = options;
  const session = { name: "meetingId", source: "sessions", chosen: chosen.sessions } as const;
  const agency = { name: "agencyId", source: "agencies", chosen: chosen.agencies ?? null } as const;
  const unit = { name: "unitId", source: "units", chosen: chosen.units ?? null } as const;
  return [
    { id: "f-meeting", label: t("resolutions.session"), ...session },
    ...(full
      ? [
          { id: "f-agency", label: t("resolutions.responsible"), ...agency },
          { id: "f-unit", label: t("resolutions.unit"), ...unit },
        ]
      : []),
  ];
}

/** A filter's label above its control. */
function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

function StatusFilter({ value, t }: { value: string | undefined; t: Translate }) {
  return (
    <FilterField id="f-status" label={t("resolutions.status")}>
      <select id="f-status" name="status" defaultValue={value ?? ""} className={inputClass}>
        <option value="">{t("resolutions.allStatuses")}</option>
        {RESOLUTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`resolutionStatus.${s}`)}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/**
 * Sessions, agencies and units run to thousands at national scope: a picker searched on the
 * server (docs/decisions/120-server-searched-pickers.md) instead of a <select>.
 */
type PickerProps = {
  id: string;
  label: string;
  name: string;
  source: SearchSource;
  chosen: Chosen;
  t: Translate;
};

function PickerFilter({ id, label, name, source, chosen, t }: PickerProps) {
  return (
    <FilterField id={id} label={label}>
      <SearchCombobox
        id={id}
        name={name}
        source={source}
        initial={chosen}
        placeholder={t("common.typeToSearch")}
        noMatch={t("common.noMatch")}
      />
    </FilterField>
  );
}

/** The deadline's period, from and to. */
function DeadlineFilters({
  from,
  to,
  t,
  locale,
}: {
  from: string | undefined;
  to: string | undefined;
  t: Translate;
  locale: Locale;
}) {
  return (
    <>
      <DateFilter
        name="from"
        label={t("resolutions.deadlineFrom")}
        placeholder={t("resolutions.deadlineFromPlaceholder")}
        value={from}
        locale={locale}
      />
      <DateFilter
        name="to"
        label={t("resolutions.deadlineTo")}
        placeholder={t("resolutions.deadlineToPlaceholder")}
        value={to}
        locale={locale}
      />
    </>
  );
}

/** One end of the deadline's period (Jalali, typed or picked). */
function DateFilter({
  name,
  label,
  placeholder,
  value,
  locale,
}: {
  name: "from" | "to";
  label: string;
  placeholder: string;
  value: string | undefined;
  locale: Locale;
}) {
  return (
    <FilterField id={`f-${name}`} label={label}>
      <JalaliDateInput
        id={`f-${name}`}
        name={name}
        placeholder={placeholder}
        defaultValue={value ?? ""}
        locale={locale}
        warnDayOff={false}
        className={inputClass}
      />
    </FilterField>
  );
}

/** The obstacle category, its subcategories grouped under it. */
function CategoryFilter({
  value,
  categories,
  t,
  locale,
}: {
  value: string | undefined;
  categories: NonNullable<FilterOptions["categories"]>;
  t: Translate;
  locale: Locale;
}) {
  const parents = categories.filter((c) => c.parentId === null);
  return (
    <FilterField id="f-category" label={t("resolutions.category")}>
      <select id="f-category" name="categoryId" defaultValue={value ?? ""} className={inputClass}>
        <option value="">{t("resolutions.allCategories")}</option>
        {parents.map((p) => (
          <optgroup key={p.id} label={localName(p, locale)}>
            <option value={p.id}>{localName(p, locale)}</option>
            {categories
              .filter((c) => c.parentId === p.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {localName(c, locale)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </FilterField>
  );
}

/** The current filters as a query string, for pagination links and the export. */
export function filterQuery(
  values: Record<string, string | undefined>,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v && k !== "page") params.set(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
