// What a list screen shows, decided on the server and already in the reader's language: the
// filter bar, the columns, the rows as localised cells, "N in total", the empty message and
// the page links. Built by each domain's views.ts (unitListView, userListView …) and drawn by
// the primitives of components/ui/list.tsx, so a new column or filter is a change in one
// view and no page repeats the list skeleton. Pure: no database, no React.
import { formatNumber } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";

/** One cell: plain text, or a link with an optional second line and a flag after it. */
export type Cell =
  | string
  | {
      text: string;
      href?: string;
      /** A smaller second line (an e-mail, a county, an industrial park). */
      note?: string;
      /** Left to right whatever the page's direction (e-mail addresses, codes). */
      noteLtr?: boolean;
      ltr?: boolean;
      /** A state that needs attention (inactive, overdue): in red. */
      danger?: boolean;
      /** A short warning after the text ("inactive"). */
      flag?: string;
    };

export interface Column<K extends string> {
  key: K;
  label: string;
  /** Dates and amounts: kept on one line. */
  nowrap?: boolean;
  /** Long free text (a description): capped in width. */
  wide?: boolean;
  /** The header is a link that sorts by this column. */
  sortHref?: string;
}

/** A row: its cells by column, and whatever a screen draws itself (a badge, a toggle) in `data`. */
export interface Row<K extends string, D = undefined> {
  id: string;
  /** The row's element id, for a link to it (`/exports?job=…#job-…`, tests). */
  anchor?: string;
  /** The row the page was opened for (the export just requested): shaded. */
  highlight?: boolean;
  cells: Record<K, Cell | null>;
  data: D;
}

/** The chosen record of a searched picker (only it is named; the rest are searched). */
export interface Choice {
  id: string;
  name: string;
  hint?: string;
}

type County = { id: string; nameFa: string; nameEn: string };

/** One control of a GET filter form. `span` widens it over two grid columns. */
export type Filter =
  | { kind: "search"; id: string; name: string; label: string; value: string; type?: "search"; span?: 2 }
  | {
      kind: "select";
      id: string;
      name: string;
      label: string;
      value: string | undefined;
      options: [string, string][];
      /** The empty option's text ("All"); none when a value is required. */
      all?: string;
    }
  | {
      kind: "county";
      id: string;
      name: string;
      label: string;
      value: string | undefined;
      counties: County[];
      all: string;
    }
  | {
      kind: "agency";
      id: string;
      name: string;
      label: string;
      initial: Choice | null;
      placeholder: string;
      noMatch: string;
    }
  /** Free text typed as is: a code or an id (left to right), a date as entered, with suggestions. */
  | {
      kind: "text";
      id: string;
      name: string;
      label: string;
      value: string;
      ltr?: boolean;
      placeholder?: string;
      inputMode?: "numeric";
      /** Offered as the user types (a datalist), not enforced. */
      suggestions?: readonly string[];
    }
  | { kind: "check"; name: string; label: string; value: string; checked: boolean }
  /** A filter the list was opened with and keeps (the session of a session's notices). */
  | { kind: "hidden"; name: string; value: string }
  /** Two controls that are one choice (sort field and direction): side by side on every width. */
  | { kind: "pair"; filters: [Filter, Filter] };

export interface FilterBar {
  /** The form's accessible name. */
  label: string;
  /** A search landmark (role="search"); a plain labelled form otherwise. */
  search: boolean;
  /** "inline": one search box and a button (a short list); "grid": a grid of labelled controls. */
  layout: "inline" | "grid";
  columns?: 3 | 4;
  filters: Filter[];
  submit: string;
  /** The link back to the unfiltered list, shown while a filter is on. */
  clear?: { href: string; label: string };
}

export interface ListView<K extends string, D = undefined> {
  filters?: FilterBar;
  columns: Column<K>[];
  rows: Row<K, D>[];
  /** "12 items"; none where a list is short and whole (tokens, provinces). */
  total?: string;
  empty: string;
  page: number;
  pages: number;
  pageHref: (page: number) => string;
  /**
   * Paged by a cursor rather than by numbered pages (the audit log: counting it would cost more
   * than reading it): links back to the first page and on to the next, when there are.
   */
  cursor?: { label: string; links: { href: string; label: string }[] };
}

/** "۱۲ مورد" / "12 items" (1 item): the count above every list. */
export const totalLabel = (total: number, t: Translate, locale: Locale) =>
  t("common.total", { count: formatNumber(total, locale) });

/** A page's searchParams as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** One value of a query parameter (a repeated one is not a value this app writes). */
export const oneParam = (params: SearchParams, key: string): string | undefined => {
  const v = params[key];
  return typeof v === "string" ? v : undefined;
};

/** True where any of the values is set: a filter is on. */
export const isFiltered = (values: Record<string, string | undefined>) =>
  Object.values(values).some((v) => v !== undefined && v !== "");
