import { describe, expect, it } from "vitest";
import { ObstacleStatus } from "@/lib/generated/prisma/enums";
import {
  canMoveObstacleByHand,
  isOpenObstacle,
  MANUAL_OBSTACLE_TRANSITIONS,
} from "@/lib/obstacles/transitions";
import {
  checkUpload,
  cleanFileName,
  contentDisposition,
  MAX_ATTACHMENT_BYTES,
  MAX_FILES_PER_UPLOAD,
  MAX_UPLOAD_TOTAL_BYTES,
} from "@/lib/attachments/rules";
import nextConfig from "../../next.config";
import { buildTimeline, type TimelineInput } from "@/lib/units/timeline";

describe("the obstacle lifecycle by hand (lib/obstacles/transitions.ts)", () => {
  // Every cell of status × status, so a change to the table is a visible change to this test.
  // IN_COMMITTEE, REFERRED and DECIDED belong to the sessions and are never reached by hand;
  // → RESOLVED by hand additionally needs every resolution verified (integration test).
  const ALLOWED: Record<ObstacleStatus, ObstacleStatus[]> = {
    REGISTERED: ["WITHDRAWN"],
    IN_COMMITTEE: ["WITHDRAWN"],
    REFERRED: ["WITHDRAWN"],
    DECIDED: ["RESOLVED", "UNRESOLVABLE", "WITHDRAWN"],
    RESOLVED: [],
    UNRESOLVABLE: [],
    WITHDRAWN: [],
  };
  const all = Object.values(ObstacleStatus);
  for (const from of all)
    for (const to of all)
      it(`${from} → ${to} is ${ALLOWED[from].includes(to) ? "allowed" : "refused"}`, () => {
        expect(canMoveObstacleByHand(from, to)).toBe(ALLOWED[from].includes(to));
      });

  it("has no way back from a closed obstacle and open ones are exactly those with a way forward", () => {
    for (const s of all) expect(isOpenObstacle(s)).toBe(MANUAL_OBSTACLE_TRANSITIONS[s].length > 0);
  });
});

describe("attachment rules", () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
  it("decides the type from extension and first bytes, never from the browser", () => {
    expect(checkUpload("نامه.PDF", pdf, 5)).toEqual({ ok: true, mimeType: "application/pdf" });
    expect(checkUpload("photo.png", pdf, 5)).toEqual({ ok: false, problem: "fileType" });
    expect(checkUpload("page.html", pdf, 5)).toEqual({ ok: false, problem: "fileType" });
    expect(checkUpload("report.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 4)).toMatchObject({
      ok: true,
    });
    expect(checkUpload("a.pdf", pdf, 0)).toEqual({ ok: false, problem: "fileEmpty" });
    expect(checkUpload("a.pdf", pdf, MAX_ATTACHMENT_BYTES + 1)).toEqual({
      ok: false,
      problem: "fileTooLarge",
    });
  });

  it("lets every allowed submission through Next's request limit, so the server's own message answers", () => {
    expect([MAX_FILES_PER_UPLOAD, MAX_ATTACHMENT_BYTES, MAX_UPLOAD_TOTAL_BYTES]).toEqual([
      5,
      10 * 1024 * 1024,
      25 * 1024 * 1024,
    ]);
    const limit = String(nextConfig.experimental?.serverActions?.bodySizeLimit ?? "1mb");
    const match = /^(\d+)mb$/i.exec(limit);
    const limitBytes = Number(match?.[1] ?? 0) * 1024 * 1024;
    // Room for multipart framing and the form's other fields on top of the files.
    expect(limitBytes).toBeGreaterThanOrEqual(MAX_UPLOAD_TOTAL_BYTES + 1024 * 1024);
  });

  it("keeps a Persian name for the user but sends a header no browser can misread", () => {
    expect(cleanFileName("C:\\Users\\x\\نامه\u202e.pdf")).toBe("نامه.pdf");
    expect(contentDisposition('نامه "بانک".pdf')).toBe(
      `attachment; filename="____ ____.pdf"; filename*=UTF-8''${encodeURIComponent("نامه بانک.pdf")}`,
    );
  });
});

describe("the unit timeline", () => {
  const at = (iso: string) => new Date(iso);
  const meeting = { id: "m", number: 4, jalaliYear: 1404, body: { kind: "WORKING_GROUP" as const } };
  const input: TimelineInput = {
    statusChanges: [
      {
        id: "s1",
        fromStatus: null,
        toStatus: "IDLE",
        changedOn: at("2025-01-01"),
        reason: null,
        createdAt: at("2025-01-01"),
        user: null,
      },
    ],
    obstacles: [
      {
        id: "o1",
        description: "old open",
        status: "REFERRED",
        createdAt: at("2024-06-01"),
        category: { nameFa: "x", nameEn: "x" },
      },
      {
        id: "o2",
        description: "closed",
        status: "RESOLVED",
        createdAt: at("2025-03-01"),
        category: { nameFa: "x", nameEn: "x" },
      },
    ],
    agendaItems: [
      {
        id: "a1",
        outcome: null,
        notes: null,
        meeting: { ...meeting, startsAt: at("2025-02-01"), status: "HELD" },
      },
    ],
    resolutions: [
      {
        id: "r1",
        text: "r",
        status: "IN_PROGRESS",
        deadline: at("2025-04-01"),
        createdAt: at("2025-02-01T10:00:00Z"),
        responsibleAgency: { nameFa: "b", nameEn: "b" },
        meeting,
        progressReports: [
          {
            id: "p1",
            note: "n",
            fromStatus: "ISSUED",
            toStatus: "IN_PROGRESS",
            createdAt: at("2025-03-15"),
            author: null,
          },
        ],
      },
    ],
  };
  it("lists open items first, then everything newest first", () => {
    expect(buildTimeline(input).map((e) => e.key)).toEqual(["r-r1", "o-o1", "p-p1", "o-o2", "a-a1", "s-s1"]);
  });
});
