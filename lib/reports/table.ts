import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Writable } from "node:stream";

// What the spreadsheet and CSV writers share: a table whose rows arrive in batches (keyset
// pages read from PostgreSQL), and the wait that keeps a slow reader from filling memory.

export type Cell = string | number | null;

/** A column's header, its width (else sized from the header) and whether its text wraps. */
export type ColumnHead = { header: string; width?: number; wrap?: boolean };
/** A column of typed rows: how to read its cell from a row. */
export type Column<T> = ColumnHead & { value: (row: T) => Cell };

export type ExportFormat = "xlsx" | "csv";

/** A table to write: rows arrive in batches, already turned into cells, in export order. */
export type TableSource = {
  sheetName: string;
  /** A bold first row above the headers (a session's title). */
  title?: string;
  columns: ColumnHead[];
  rtl: boolean;
  batches: AsyncIterable<Cell[][]>;
};

/**
 * Rows read from PostgreSQL per batch (EXPORT_BATCH_ROWS). Small on purpose: a batch's rows,
 * cells and XML are alive while the next batch is read, and at 1,000 rows they outlived V8's
 * young-generation collections and were promoted — ~8 MB a second of garbage the old
 * generation kept until its next full collection. At 200 they die young
 * (docs/decisions/063-export-memory.md).
 */
export const exportBatchRows = () => Math.max(1, Number(process.env.EXPORT_BATCH_ROWS ?? 200) || 200);

/** Called after each batch with the number of rows written so far. */
export type Progress = (rows: number) => unknown;

/** Typed rows in batches, with the columns that read them, as a table source. */
export function tableSource<T>(
  sheetName: string,
  columns: Column<T>[],
  batches: AsyncIterable<T[]> | Iterable<T[]>,
  { rtl, title }: { rtl: boolean; title?: string },
): TableSource {
  async function* cells() {
    for await (const batch of batches) yield batch.map((row) => columns.map((c) => c.value(row)));
  }
  return {
    sheetName,
    title,
    rtl,
    columns: columns.map(({ header, width, wrap }) => ({ header, width, wrap })),
    batches: cells(),
  };
}

/** The reader went away (the download was cancelled): stop reading the database. */
export class ExportCancelled extends Error {
  constructor() {
    super("export cancelled: the output was closed");
    this.name = "ExportCancelled";
  }
}

/**
 * Waits until `out` wants more before the next batch is read, so a slow download holds the
 * query back instead of piling rows up in memory. The spreadsheet's zip writer fills `out`
 * asynchronously, so after a drain it looks again one turn later.
 */
export async function room(out: Writable): Promise<void> {
  for (;;) {
    if (out.destroyed || out.writableEnded) throw new ExportCancelled();
    if (!out.writableNeedDrain) {
      await nextTurn();
      if (!out.writableNeedDrain) return;
    }
    await new Promise<void>((resolve, reject) => {
      const drained = () => {
        out.off("close", closed);
        resolve();
      };
      const closed = () => {
        out.off("drain", drained);
        reject(new ExportCancelled());
      };
      out.once("drain", drained);
      out.once("close", closed);
    });
  }
}

/** One export, ready to write: counted first (small ones stream, large ones become a job). */
export type TableExport = {
  count: () => Promise<number>;
  /** A fresh source each call: a retried job reads the database again. */
  table: () => TableSource;
  /** The download's file name without its extension. */
  fileStem: string;
};
