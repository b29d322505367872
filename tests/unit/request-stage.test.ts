import { describe, expect, it } from "vitest";
import { stageOf, type StageInput } from "@/lib/requests/stage";

const accepted = (statuses: StageInput["obstacleStatuses"], extra: Partial<StageInput> = {}): StageInput => ({
  status: "ACCEPTED",
  resubmittedAt: null,
  obstacleStatuses: statuses,
  onAgenda: false,
  hasResolutions: false,
  ...extra,
});

describe("a request's stage, derived", () => {
  it("follows the intake", () => {
    const base = { resubmittedAt: null, obstacleStatuses: [], onAgenda: false, hasResolutions: false };
    expect(stageOf({ ...base, status: "DRAFT" })).toBe("DRAFT");
    expect(stageOf({ ...base, status: "SUBMITTED" })).toBe("RECEIVED");
    expect(stageOf({ ...base, status: "SUBMITTED", resubmittedAt: new Date() })).toBe("UNDER_REVIEW");
    expect(stageOf({ ...base, status: "DOCUMENTS_REQUESTED" })).toBe("DOCUMENTS_REQUESTED");
    expect(stageOf({ ...base, status: "REJECTED" })).toBe("REJECTED");
    expect(stageOf({ ...base, status: "DUPLICATE" })).toBe("DUPLICATE");
  });

  it("then the case its obstacles became, the furthest obstacle leading", () => {
    expect(stageOf(accepted(["REGISTERED", "REGISTERED"]))).toBe("UNDER_REVIEW");
    expect(stageOf(accepted(["IN_COMMITTEE", "REGISTERED"]))).toBe("ON_AGENDA");
    expect(stageOf(accepted(["REGISTERED"], { onAgenda: true }))).toBe("ON_AGENDA");
    expect(stageOf(accepted(["REFERRED", "IN_COMMITTEE"]))).toBe("REFERRED");
    expect(stageOf(accepted(["DECIDED", "REFERRED"]))).toBe("RESOLUTIONS");
    expect(stageOf(accepted(["REFERRED"], { hasResolutions: true }))).toBe("RESOLUTIONS");
    // Done once every obstacle is closed and one at least was resolved; else not possible.
    expect(stageOf(accepted(["RESOLVED", "DECIDED"]))).toBe("RESOLUTIONS");
    expect(stageOf(accepted(["RESOLVED", "UNRESOLVABLE"]))).toBe("DONE");
    expect(stageOf(accepted(["UNRESOLVABLE", "WITHDRAWN"]))).toBe("NOT_POSSIBLE");
  });
});
