// The two cells of the exports list that are more than text (lib/exports/views.ts decides
// their words): the progress bar while a file is made, and its download link once ready.
import type { Row } from "@/lib/views/list";
import type { ExportJobCells } from "@/lib/exports/views";

type JobRow = Row<string, ExportJobCells>;

function ProgressCell({ row: { data } }: { row: JobRow }) {
  return (
    <>
      {data.progress && (
        <div className="flex items-center gap-2">
          <div
            role="progressbar"
            aria-label={data.progress.label}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={data.progress.percent}
            className="h-2 w-32 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-brand-600" style={{ width: `${data.progress.percent}%` }} />
          </div>
          <span className="text-xs text-slate-600">{data.progress.text}</span>
        </div>
      )}
      {data.failed && <span className="text-red-700">{data.failed}</span>}
    </>
  );
}

function DownloadCell({ row: { data } }: { row: JobRow }) {
  if (data.file)
    return (
      <div className="space-y-1">
        {/* A plain link: the route handler answers with the file. */}
        <a href={data.file.href} className="text-brand-700 underline">
          {data.file.label}
        </a>
        {data.file.expires && <p className="text-xs text-slate-500">{data.file.expires}</p>}
      </div>
    );
  return data.expired && <span className="text-slate-500">{data.expired}</span>;
}

/** The cells the exports page draws itself, by column. */
export const exportJobCells = {
  progress: (row: JobRow) => <ProgressCell row={row} />,
  file: (row: JobRow) => <DownloadCell row={row} />,
};
