/** A table's column headers: every list in the app labels its columns the same way. */
export function TableHead({ labels, className = "border-b border-slate-200 text-slate-600" }: { labels: React.ReactNode[]; className?: string }) {
  return (
    <thead className={className}>
      <tr>
        {labels.map((label, i) => (
          <th key={i} scope="col" className="p-2 text-start font-medium">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
