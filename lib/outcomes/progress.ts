// How far along a resolution is (issue #36). Pure, shared by the resolution page, the register,
// the agency inbox and the weekly report.
//
// The rule: a verified resolution is done (100). With steps (milestones) defined, progress is
// the share of steps done: a fact the agency ticked, which the secretariat can read against
// each step. Without steps, the percentage the agency last stated, if it stated one. A stated
// percentage beside steps is shown as what it is, the agency's own word.

export type ProgressInput = {
  status: string;
  milestones: readonly { doneAt: Date | null }[];
  /** The agency's last stated percentage (newest report that stated one). */
  stated: number | null;
};

export type Progress = {
  pct: number | null;
  done: number;
  total: number;
  stated: number | null;
};

export function progressOf({ status, milestones, stated }: ProgressInput): Progress {
  return progressFromCounts({
    status,
    done: milestones.filter((m) => m.doneAt !== null).length,
    total: milestones.length,
    stated,
  });
}

/**
 * The same rule from counts: the register's export counts the steps in its one SQL statement
 * rather than reading each resolution's milestones.
 */
export function progressFromCounts({
  status,
  done,
  total,
  stated,
}: {
  status: string;
  done: number;
  total: number;
  stated: number | null;
}): Progress {
  const pct = status === "VERIFIED" ? 100 : total > 0 ? Math.round((100 * done) / total) : stated;
  return { pct, done, total, stated };
}

/** The Prisma select that feeds progressOf() for a list of resolutions. */
export const PROGRESS_SELECT = {
  milestones: { select: { doneAt: true } },
  progressReports: {
    where: { progressPct: { not: null } },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { progressPct: true },
  },
} as const;

/**
 * Progress of a resolution read with its steps and its reports newest first: the register's
 * rows (PROGRESS_SELECT, only the newest stated one) and the resolution's page (every report).
 */
export function progressOfRow(row: {
  status: string;
  milestones: readonly { doneAt: Date | null }[];
  progressReports: readonly { progressPct: number | null }[];
}): Progress {
  return progressOf({
    status: row.status,
    milestones: row.milestones,
    stated: row.progressReports.find((p) => p.progressPct !== null)?.progressPct ?? null,
  });
}
