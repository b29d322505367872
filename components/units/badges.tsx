import type { Translate } from "@/lib/i18n/messages";
import type { OperatingStatus } from "@/lib/units/constants";
import { isOpenObstacle, type ObstacleStatus } from "@/lib/obstacles/transitions";

const OPERATING_TONE: Record<OperatingStatus, string> = {
  ACTIVE: "bg-emerald-50 text-emerald-800",
  SEMI_ACTIVE: "bg-amber-50 text-amber-800",
  IDLE: "bg-red-50 text-red-800",
  CLOSED: "bg-slate-200 text-slate-800",
  UNDER_CONSTRUCTION: "bg-sky-50 text-sky-800",
};

export function OperatingStatusBadge({ status, t }: { status: OperatingStatus; t: Translate }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${OPERATING_TONE[status]}`}
    >
      {t(`operatingStatus.${status}`)}
    </span>
  );
}

export function ObstacleStatusBadge({ status, t }: { status: ObstacleStatus; t: Translate }) {
  const tone = isOpenObstacle(status)
    ? "bg-amber-50 text-amber-800"
    : status === "RESOLVED"
      ? "bg-emerald-50 text-emerald-800"
      : "bg-slate-200 text-slate-800";
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${tone}`}>
      {t(`obstacleStatus.${status}`)}
    </span>
  );
}
