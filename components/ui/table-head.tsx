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
