import Link from "next/link";

/** A table's column headers: every list and printed table labels its columns the same way. */
export function TableHead({
  labels,
  className = "border-b border-slate-200 text-slate-600",
  compact = false,
}: {
  labels: React.ReactNode[];
  className?: string;
  /** Tighter cells for printed documents (minutes, brief, report). */
  compact?: boolean;
}) {
  return (
    <thead className={className}>
      <tr>
        {labels.map((label, i) => (
          <th key={i} scope="col" className={`${compact ? "p-1" : "p-2"} text-start font-medium`}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A column header that sorts the table by its column (a link: the sort lives in the URL), and
 * says so to a screen reader (aria-sort) and on screen (`arrow`) while it is the live sort.
 */
export function SortableHeader({
  label,
  sortLabel,
  href,
  sorted,
  arrow,
}: {
  label: string;
  /** The link's accessible name ("Sort by …"). */
  sortLabel: string;
  /** None: a plain header (a column that does not sort). */
  href?: string;
  sorted?: "ascending" | "descending";
  arrow?: React.ReactNode;
}) {
  return (
    <th scope="col" aria-sort={sorted} className="p-2 text-start font-medium">
      {href ? (
        <Link href={href} aria-label={sortLabel} className="underline-offset-4 hover:underline">
          {label}
          {sorted && arrow}
        </Link>
      ) : (
        label
      )}
    </th>
  );
}
