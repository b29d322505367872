import { localName } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { inputClass } from "./field";
import { SearchCombobox } from "./search-combobox";

/** Longer than this, a list is searched instead of read (docs/decisions/120-server-searched-pickers.md). */
export const LONG_LIST = 40;

type County = { id: string; nameFa: string; nameEn: string };

/**
 * The county filter of a GET form: a <select> of a province's dozen counties, or, for a
 * national viewer's ~320, a picker searched on the server.
 */
export function CountyFilter({
  id,
  name,
  label,
  labelClassName,
  value,
  counties,
  all,
  locale,
  t,
}: {
  id: string;
  name: string;
  label: string;
  labelClassName: string;
  value: string | undefined;
  counties: County[];
  all: string;
  locale: Locale;
  t: Translate;
}) {
  const chosen = counties.find((c) => c.id === value);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {counties.length > LONG_LIST ? (
        <SearchCombobox
          id={id}
          name={name}
          source="counties"
          initial={chosen ? { id: chosen.id, name: localName(chosen, locale) } : null}
          placeholder={t("common.typeToSearch")}
          noMatch={t("common.noMatch")}
        />
      ) : (
        <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
          <option value="">{all}</option>
          {counties.map((c) => (
            <option key={c.id} value={c.id}>
              {localName(c, locale)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
