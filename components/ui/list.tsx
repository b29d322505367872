// The list screen, drawn once: a heading with the viewer's actions, the filter bar,
// "N in total", a table whose rows become cards on a phone, the empty state and the page
// links. A page hands it a ListView from its domain's views.ts (lib/views/list.ts) and, for
// the few cells that are more than text (a status badge, a toggle), a render function.
import Link from "next/link";
import type { Cell, Column, Filter, FilterBar as FilterBarView, ListView, Row } from "@/lib/views/list";
import type { Locale, Translate } from "@/lib/i18n/messages";
import { Card, EmptyState } from "./card";
import { buttonClass } from "./button";
import { inputClass } from "./field";
import { FilterSelect } from "./filter-select";
import { CountyFilter } from "./county-filter";
import { SearchCombobox } from "./search-combobox";
import { Pagination } from "./pagination";
import { stacked } from "./stacked-table";

const LINK = "font-medium text-brand-700 underline-offset-4 hover:underline";

/** The page heading, an optional line under it, and the viewer's actions at the end. */
export function ListHeader({
  title,
  intro,
  actions,
}: {
  title: string;
  intro?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold">{title}</h1>
        {intro && <p className="mt-1 text-sm text-slate-600">{intro}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-start gap-2">{actions}</div>}
    </div>
  );
}

/** A control with its label above it, as FilterSelect and CountyFilter lay theirs out. */
function Labelled({
  id,
  label,
  wide = false,
  children,
}: {
  id: string;
  label: string;
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={`space-y-1 ${wide ? "sm:col-span-2" : ""}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

function FilterControl({ filter, t, locale }: { filter: Filter; t: Translate; locale: Locale }) {
  switch (filter.kind) {
    case "search":
      return (
        <Labelled id={filter.id} label={filter.label} wide={filter.span === 2}>
          <input
            id={filter.id}
            name={filter.name}
            type="search"
            defaultValue={filter.value}
            className={inputClass}
          />
        </Labelled>
      );
    case "select":
      return <FilterSelect {...filter} />;
    case "county":
      return <CountyFilter {...filter} labelClassName="block text-sm font-medium" locale={locale} t={t} />;
    case "agency":
      return (
        <Labelled id={filter.id} label={filter.label}>
          <SearchCombobox
            id={filter.id}
            name={filter.name}
            source="agencies"
            initial={filter.initial}
            placeholder={filter.placeholder}
            noMatch={filter.noMatch}
          />
        </Labelled>
      );
    case "text":
      return (
        <Labelled id={filter.id} label={filter.label}>
          <input
            id={filter.id}
            name={filter.name}
            defaultValue={filter.value}
            dir={filter.ltr ? "ltr" : undefined}
            placeholder={filter.placeholder}
            inputMode={filter.inputMode}
            list={filter.suggestions && `${filter.id}-suggestions`}
            className={inputClass}
          />
          {filter.suggestions && (
            <datalist id={`${filter.id}-suggestions`}>
              {filter.suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </Labelled>
      );
    case "check":
      return (
        <label className="flex items-end gap-2 pb-2 text-sm">
          <input type="checkbox" name={filter.name} value={filter.value} defaultChecked={filter.checked} />
          {filter.label}
        </label>
      );
    case "hidden":
      return <input type="hidden" name={filter.name} value={filter.value} />;
    case "pair":
      return (
        <div className="grid grid-cols-2 gap-3 sm:col-span-2">
          <FilterControl filter={filter.filters[0]} t={t} locale={locale} />
          <FilterControl filter={filter.filters[1]} t={t} locale={locale} />
        </div>
      );
  }
}

/** A GET form of filters: the URL keeps them, so a filtered list can be shared and reloaded. */
export function FilterBar({ bar, t, locale }: { bar: FilterBarView; t: Translate; locale: Locale }) {
  const role = bar.search ? "search" : undefined;
  if (bar.layout === "inline") {
    const [search] = bar.filters;
    if (search?.kind !== "search") throw new Error("An inline filter bar is one search box");
    return (
      <form role={role} className="mb-4 flex gap-2">
        <label htmlFor={search.id} className="sr-only">
          {search.label}
        </label>
        <input
          id={search.id}
          name={search.name}
          type={search.type}
          defaultValue={search.value}
          placeholder={search.label}
          className={`${inputClass} max-w-xs`}
        />
        <button type="submit" className="rounded-md border border-slate-300 px-3 text-sm">
          {bar.submit}
        </button>
      </form>
    );
  }
  const grid = bar.columns === 4 ? "sm:grid-cols-2 lg:grid-cols-4" : "sm:grid-cols-2 lg:grid-cols-3";
  return (
    <form role={role} aria-label={bar.label} className={`mb-4 grid items-end gap-3 ${grid}`}>
      {bar.filters.map((filter, i) => (
        <FilterControl key={i} filter={filter} t={t} locale={locale} />
      ))}
      <div className="flex items-end gap-2 sm:col-span-2">
        <button type="submit" className={buttonClass("primary")}>
          {bar.submit}
        </button>
        {bar.clear && (
          <Link href={bar.clear.href} className={buttonClass("ghost")}>
            {bar.clear.label}
          </Link>
        )}
      </div>
    </form>
  );
}

function CellText({ cell }: { cell: Cell }) {
  if (typeof cell === "string") return cell;
  return (
    <>
      {cell.href ? (
        <Link href={cell.href} className={LINK}>
          {cell.text}
        </Link>
      ) : (
        <span dir={cell.ltr ? "ltr" : undefined} className={cell.danger ? "text-red-700" : undefined}>
          {cell.text}
        </span>
      )}
      {cell.flag && <span className="ms-2 text-xs text-red-700">{cell.flag}</span>}
      {cell.note && (
        <div className="text-xs text-slate-500" dir={cell.noteLtr ? "ltr" : undefined}>
          {cell.note}
        </div>
      )}
    </>
  );
}

/** Cells a screen draws itself, by column: a badge, a toggle, a form. */
export type CellRenderers<K extends string, D> = Partial<Record<K, (row: Row<K, D>) => React.ReactNode>>;

/**
 * A table of localised rows. On a phone (below md) each row is a card and each cell a line
 * labelled by its column (components/ui/stacked-table.ts); from md up an ordinary table.
 */
export function DataTable<K extends string, D>({
  columns,
  rows,
  render = {},
  minWidth = "md:min-w-[48rem]",
}: {
  columns: Column<K>[];
  rows: Row<K, D>[];
  render?: CellRenderers<K, D>;
  /** The table's width from md up, below which it scrolls sideways rather than squeezes. */
  minWidth?: string;
}) {
  return (
    <div className={stacked.wrapper}>
      <table className={`${stacked.table} ${minWidth}`}>
        {/* On a phone each card labels its own lines. */}
        <thead className="border-b border-slate-200 text-slate-600 phone:hidden">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className="p-2 text-start font-medium">
                {c.sortHref ? (
                  <Link href={c.sortHref} className="underline-offset-4 hover:underline">
                    {c.label}
                  </Link>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacked.body}>
          {rows.map((row) => (
            <tr
              key={row.id}
              id={row.anchor}
              className={`border-b border-slate-100 align-top ${stacked.row} ${row.highlight ? "bg-amber-50" : ""}`}
            >
              {columns.map((c) => {
                const cell = row.cells[c.key];
                const custom = render[c.key];
                return (
                  <td
                    key={c.key}
                    data-label={c.label}
                    className={`p-2 ${stacked.cell} ${c.nowrap ? "whitespace-nowrap" : ""} ${c.wide ? "max-w-md" : ""}`}
                  >
                    {custom ? custom(row) : cell === null ? null : <CellText cell={cell} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A list paged by a cursor: back to the first page, on to the next. */
function CursorLinks({ label, links }: NonNullable<ListView<string>["cursor"]>) {
  return (
    <nav aria-label={label} className="mt-4 flex gap-3 text-sm">
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="text-brand-700 hover:underline">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}

/**
 * One list in its card: the filter bar, the count, the table (or the empty message) and the
 * page links. A list screen is one; a page of several lists (the notifications) has one each.
 */
export function ListCard<K extends string, D>({
  view,
  render,
  minWidth,
  cardTitle,
  liveTotal = false,
  filterForm,
  table,
  t,
  locale,
}: Omit<ListPageProps<K, D>, "title" | "intro" | "actions" | "children">) {
  return (
    <Card title={cardTitle}>
      {filterForm ?? (view.filters && <FilterBar bar={view.filters} t={t} locale={locale} />)}
      {view.total !== undefined && (
        <p className="mb-2 text-sm text-slate-600" role={liveTotal ? "status" : undefined}>
          {view.total}
        </p>
      )}
      {table ??
        (view.rows.length === 0 ? (
          <EmptyState>{view.empty}</EmptyState>
        ) : (
          <DataTable columns={view.columns} rows={view.rows} render={render} minWidth={minWidth} />
        ))}
      {view.cursor ? (
        <CursorLinks {...view.cursor} />
      ) : (
        <Pagination page={view.page} pages={view.pages} href={view.pageHref} t={t} locale={locale} />
      )}
    </Card>
  );
}

/** What a list screen is handed (a list route, components/ui/list-route.tsx, fills in the title, view, t and locale). */
export type ListPageProps<K extends string, D> = {
  title: string;
  intro?: React.ReactNode;
  actions?: React.ReactNode;
  view: ListView<K, D>;
  render?: CellRenderers<K, D>;
  minWidth?: string;
  cardTitle?: string;
  /** Announce the count when it changes (a list filtered in place). */
  liveTotal?: boolean;
  /** A filter form and a table of the domain's own, shared with other screens, in place of the
   * FilterBar and the DataTable (the resolution register's, also on the desks and dashboard). */
  filterForm?: React.ReactNode;
  table?: React.ReactNode;
  t: Translate;
  locale: Locale;
  children?: React.ReactNode;
};

/**
 * A whole list screen: heading and actions, then one card with the filter bar, the count,
 * the table (or the empty message) and the page links; `children` follow the card (a form
 * to add one more).
 */
export function ListPage<K extends string, D>({
  title,
  intro,
  actions,
  children,
  ...list
}: ListPageProps<K, D>) {
  return (
    <div className="space-y-6">
      <ListHeader title={title} intro={intro} actions={actions} />
      <ListCard {...list} />
      {children}
    </div>
  );
}
