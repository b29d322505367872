// The list views decide a screen without a browser: rows already localised, the viewer's
// actions, the filter state and the page links (lib/views/list.ts, lib/<domain>/views.ts).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { translator } from "@/lib/i18n/messages";
import { unitList, type UnitListData } from "@/lib/units/views";
import { userList } from "@/lib/users/views";
import { unitFiltersSchema } from "@/lib/units/schema";
import type { ExportJobListItem } from "@/lib/exports/queries";

const secretariat: Actor = { id: "s1", roles: ["SECRETARIAT"], agencyId: null, provinceId: "P1" };
const member: Actor = { id: "m1", roles: ["MEMBER"], agencyId: null, provinceId: "P1" };
const kerman = { id: "c1", nameFa: "کرمان", nameEn: "Kerman" };

const units = (filters: Record<string, string>, total = 1): UnitListData => ({
  filters: unitFiltersSchema.parse(filters),
  units: [
    {
      id: "u1",
      name: "کارخانه قند",
      nationalId: null,
      industrialPark: null,
      county: kerman,
      sector: "INDUSTRIAL",
      status: "IDLE",
      employees: 1250,
      _count: { obstacles: 3 },
    },
  ],
  total,
  pages: 3,
  counties: [kerman],
  parks: [],
});

describe("the unit list view", () => {
  it("writes every cell in the reader's language and digits", () => {
    const view = unitList(units({}), secretariat, translator("fa"), "fa");
    expect(view.columns.map((c) => c.key)).toEqual([
      "name",
      "county",
      "sector",
      "status",
      "open",
      "employees",
    ]);
    expect(view.rows[0]?.cells).toMatchObject({
      name: { text: "کارخانه قند", href: "/units/u1" },
      county: "کرمان",
      open: "۳",
      employees: "۱٬۲۵۰",
    });
    expect(view.rows[0]?.data.status).toBe("IDLE");
    expect(view.total).toBe("۱ مورد");
    const en = unitList(units({}, 1), secretariat, translator("en"), "en");
    expect(en.rows[0]?.cells.county).toBe("Kerman");
    expect(en.total).toBe("1 item");
    expect(unitList(units({}, 2), secretariat, translator("en"), "en").total).toBe("2 items");
  });

  it("offers adding and importing only to those who may write", () => {
    expect(unitList(units({}), secretariat, translator("fa"), "fa").canWrite).toBe(true);
    expect(unitList(units({}), member, translator("fa"), "fa").canWrite).toBe(false);
  });

  it("keeps the filters in the page links, the export link and the clear link", () => {
    const view = unitList(
      units({ q: "قند", status: "IDLE", page: "2" }),
      secretariat,
      translator("fa"),
      "fa",
    );
    expect(view.page).toBe(2);
    expect(view.pageHref(3)).toBe("/units?q=%D9%82%D9%86%D8%AF&status=IDLE&page=3");
    expect(view.pageHref(1)).toBe("/units?q=%D9%82%D9%86%D8%AF&status=IDLE");
    expect(view.exportHref).toBe("/api/units/export?q=%D9%82%D9%86%D8%AF&status=IDLE");
    expect(view.filters?.clear?.href).toBe("/units");
    expect(view.empty).toBe(translator("fa")("units.noUnits"));
    const plain = unitList(units({ sort: "updated" }), secretariat, translator("fa"), "fa");
    // Sorting is no filter: nothing to clear, and the empty list says there are no units yet.
    expect(plain.filters?.clear).toBeUndefined();
    expect(plain.empty).toBe(translator("fa")("units.noUnitsYet"));
  });
});

describe("the user list view", () => {
  const row = (id: string, active: boolean) => ({
    id,
    name: `User ${id}`,
    email: `${id}@example.org`,
    roles: ["SECRETARIAT", "CHAIR"] as ("SECRETARIAT" | "CHAIR")[],
    active,
    lastLoginAt: null,
    locale: "en" as const,
    agency: null,
    province: null,
  });

  it("lists roles with the language's conjunction and flags the inactive", () => {
    const admin: Actor = { id: "a1", roles: ["ADMIN"], agencyId: null, provinceId: "P1" };
    const view = userList(
      { query: "x", page: 1, users: [row("a1", true), row("u2", false)], total: 2, pages: 1 },
      admin,
      translator("en"),
      "en",
    );
    const t = translator("en");
    expect(view.rows[0]?.cells.roles).toBe(`${t("roles.SECRETARIAT")} and ${t("roles.CHAIR")}`);
    expect(view.rows[1]?.cells.status).toEqual({ text: translator("en")("admin.inactive"), danger: true });
    // No one deactivates their own account: no toggle on the viewer's row.
    expect(view.rows.map((r) => r.data.canToggle)).toEqual([false, true]);
    expect(view.rows[1]?.cells.lastLogin).toBe(translator("en")("admin.never"));
    expect(view.pageHref(2)).toBe("/admin/users?q=x&page=2");
  });
});

describe("the agency and obstacle list views", () => {
  it("flags an inactive agency and offers a new one only to writers", async () => {
    const { agencyList } = await import("@/lib/agencies/views");
    const data = {
      q: "",
      page: 1,
      total: 1,
      pages: 1,
      agencies: [
        {
          id: "a1",
          kind: "BANK" as const,
          nameFa: "بانک ملی",
          nameEn: "Bank Melli",
          headName: null,
          active: false,
          _count: { users: 2, responsibleResolutions: 1200 },
        },
      ],
    };
    const view = agencyList(data, secretariat, translator("fa"), "fa");
    expect(view.canWrite).toBe(true);
    expect(agencyList(data, member, translator("fa"), "fa").canWrite).toBe(false);
    expect(view.rows[0]?.cells).toMatchObject({
      name: { text: "بانک ملی", href: "/agencies/a1", flag: translator("fa")("agencies.inactive") },
      users: "۲",
      open: "۱٬۲۰۰",
    });
    expect(view.filters?.filters[0]).toMatchObject({
      kind: "search",
      id: "agency-q",
      name: "q",
      type: "search",
    });
  });

  it("keeps every obstacle filter in the page and export links", async () => {
    const { obstacleList } = await import("@/lib/obstacles/views");
    const { obstacleFiltersSchema } = await import("@/lib/obstacles/schema");
    const view = obstacleList(
      {
        filters: obstacleFiltersSchema.parse({ status: "REGISTERED", open: "yes", agencyId: "a1" }),
        obstacles: [],
        total: 0,
        pages: 0,
        categories: [],
        counties: [kerman],
        agency: { id: "a1", name: "بانک ملی" },
      },
      translator("en"),
      "en",
    );
    expect(view.exportHref).toBe("/api/obstacles/export?status=REGISTERED&open=yes&agencyId=a1");
    expect(view.pageHref(2)).toBe("/obstacles?status=REGISTERED&open=yes&agencyId=a1&page=2");
    expect(view.filters?.clear?.href).toBe("/obstacles");
    expect(view.total).toBe("0 items");
    expect(view.filters?.filters.find((f) => f.kind === "check")).toMatchObject({ checked: true });
    expect(view.filters?.filters.find((f) => f.kind === "agency")).toMatchObject({
      initial: { id: "a1", name: "بانک ملی" },
    });
  });
});

describe("the notices index view", () => {
  it("keeps the session and every filter in the page links, and offers every session back", async () => {
    const { noticeIndex } = await import("@/lib/notices/views");
    const { noticeFilterSchema } = await import("@/lib/notices/schema");
    const filter = noticeFilterSchema.parse({ receipt: "pending", meetingId: "m9", page: "2" });
    const view = noticeIndex(
      {
        filter,
        notices: { items: [], total: 1200, page: 2, pages: 3 },
        agencies: [{ id: "a1", nameFa: "بانک ملی", nameEn: "Bank Melli" }],
      },
      translator("en"),
      "en",
    );
    expect(view.total).toBe("1,200 items");
    expect(view.pageHref(3)).toBe("/notices?receipt=pending&agencyId=all&meetingId=m9&page=3");
    expect(view.filters?.filters[0]).toEqual({ kind: "hidden", name: "meetingId", value: "m9" });
    expect(view.filters?.filters[2]).toMatchObject({
      name: "agencyId",
      value: "all",
      options: [
        ["all", translator("en")("notices.allAgencies")],
        ["a1", "Bank Melli"],
      ],
    });
    expect(view.filters?.clear).toEqual({ href: "/notices", label: translator("en")("notices.allSessions") });
  });

  it("offers no way back when the list is not one session's", async () => {
    const { noticeIndex } = await import("@/lib/notices/views");
    const { noticeFilterSchema } = await import("@/lib/notices/schema");
    const view = noticeIndex(
      {
        filter: noticeFilterSchema.parse({ agencyId: "a1" }),
        notices: { items: [], total: 0, page: 1, pages: 1 },
        agencies: [],
      },
      translator("fa"),
      "fa",
    );
    expect(view.filters?.clear).toBeUndefined();
    expect(view.filters?.filters.map((f) => f.kind)).toEqual(["select", "select"]);
    expect(view.pageHref(1)).toBe("/notices?agencyId=a1&page=1");
  });
});

describe("the exports list view", () => {
  const job = (over: Partial<ExportJobListItem>): ExportJobListItem => ({
    id: "j1",
    kind: "resolutions",
    format: "XLSX",
    status: "RUNNING",
    totalRows: 200,
    doneRows: 50,
    fileName: "resolutions-2026-12-07.xlsx",
    byteSize: null,
    createdAt: new Date("2026-12-07T08:00:00Z"),
    finishedAt: null,
    expiresAt: null,
    ...over,
  });

  it("shows a running job's progress in words and digits, and follows it", async () => {
    const { exportJobList } = await import("@/lib/exports/views");
    const view = exportJobList([job({})], "j1", translator("en"), "en");
    const [row] = view.rows;
    expect(row?.anchor).toBe("job-j1");
    expect(row?.highlight).toBe(true);
    expect(row?.cells.export).toBe("Resolution register (Excel)");
    expect(row?.data.progress?.percent).toBe(25);
    expect(row?.data.progress?.text).toMatch(/^25% \(50.*200/);
    expect(row?.data.file).toBeNull();
    expect(view.active).toBe(true);
  });

  it("offers a ready file's link in Persian, and nothing to follow", async () => {
    const { exportJobList } = await import("@/lib/exports/views");
    const view = exportJobList(
      [job({ status: "READY", doneRows: 200, expiresAt: new Date("2026-12-08T08:00:00Z") })],
      undefined,
      translator("fa"),
      "fa",
    );
    const [row] = view.rows;
    expect(row?.highlight).toBe(false);
    expect(row?.data.progress?.percent).toBe(100);
    expect(row?.data.file?.href).toBe("/api/exports/j1");
    expect(row?.data.file?.label).toContain("resolutions-2026-12-07.xlsx");
    expect(row?.data.file?.expires).toMatch(/[۰-۹]/);
    expect(row?.cells.state).toBe(translator("fa")("exports.status.READY"));
    expect(view.active).toBe(false);
  });

  it("says a failed job failed, without a bar", async () => {
    const { exportJobList } = await import("@/lib/exports/views");
    const t = translator("en");
    const [row] = exportJobList([job({ status: "FAILED" })], undefined, t, "en").rows;
    expect(row?.data.progress).toBeNull();
    expect(row?.data.failed).toBe(t("exports.failed"));
    expect(exportJobList([], undefined, t, "en").empty).toBe(t("exports.empty"));
  });
});

describe("the audit log view", () => {
  it("keeps the dates as typed in the links on, and offers the way back to the first page", async () => {
    const { auditLog } = await import("@/lib/audit/views");
    const { auditFilterSchema } = await import("@/lib/audit/schema");
    const t = translator("en");
    const view = auditLog(
      {
        filters: auditFilterSchema.parse({ action: "unit", from: "1403/01/01", cursor: "abc" }),
        typed: { from: "1403/01/01" },
        people: [{ id: "u1", name: "Somayeh", email: "s@tashil.demo" }],
        events: [],
        nextCursor: "def",
      },
      t,
    );
    expect(view.cursor?.links).toEqual([
      { href: "/admin/audit?action=unit&from=1403%2F01%2F01", label: t("audit.first") },
      { href: "/admin/audit?action=unit&from=1403%2F01%2F01&cursor=def", label: t("audit.next") },
    ]);
    const filters = view.filters?.filters ?? [];
    expect(filters[0]).toMatchObject({ name: "actorId", options: [["u1", "Somayeh (s@tashil.demo)"]] });
    expect(filters.find((f) => f.kind === "text" && f.name === "from")).toMatchObject({
      value: "1403/01/01",
    });
    expect(filters.find((f) => f.kind === "text" && f.name === "action")).toMatchObject({
      value: "unit",
      ltr: true,
    });
    expect(view.empty).toBe(t("audit.none"));
  });

  it("on the first page with nothing more, links nowhere", async () => {
    const { auditLog } = await import("@/lib/audit/views");
    const { auditFilterSchema } = await import("@/lib/audit/schema");
    const view = auditLog(
      { filters: auditFilterSchema.parse({}), typed: {}, people: [], events: [], nextCursor: null },
      translator("fa"),
    );
    expect(view.cursor?.links).toEqual([]);
    expect(view.filters?.clear?.href).toBe("/admin/audit");
  });
});

describe("the notifications view", () => {
  it("counts the unread in the reader's digits, offers to mark them all, and pages each list apart", async () => {
    const { notificationLists } = await import("@/lib/notifications/views");
    const t = translator("fa");
    const { inbox, mails } = notificationLists(
      {
        inbox: { items: [], unread: 12, total: 40, page: 2, pages: 2, mailFrequency: "DAILY" },
        mails: { items: [], total: 0, page: 1, pages: 1 },
      },
      t,
      "fa",
    );
    expect(inbox.title).toBe(t("notifications.unreadCount", { count: "۱۲" }));
    expect(inbox.markAll).toBe(t("notifications.markAllRead"));
    expect(inbox.pageHref(1)).toBe("/notifications?page=1");
    expect(mails.pageHref(3)).toBe("/notifications?mpage=3");
    expect(mails.empty).toBe(t("notifications.empty"));
    expect(inbox.mailFrequency).toBe("DAILY");
  });

  it("counts the outbox only when it holds anything, and pages it", async () => {
    const { outboxList } = await import("@/lib/notifications/views");
    const t = translator("en");
    const view = outboxList({ items: [], total: 30, page: 1, pages: 2 }, t, "en");
    expect(view.total).toBe("30 items");
    expect(view.pageHref(2)).toBe("/admin/outbox?page=2");
    expect(outboxList({ items: [], total: 0, page: 1, pages: 1 }, t, "en").total).toBeUndefined();
  });

  it("offers nothing to mark when all is read", async () => {
    const { notificationLists } = await import("@/lib/notifications/views");
    const { inbox } = notificationLists(
      {
        inbox: { items: [], unread: 0, total: 0, page: 1, pages: 1, mailFrequency: "IMMEDIATE" },
        mails: { items: [], total: 0, page: 1, pages: 1 },
      },
      translator("en"),
      "en",
    );
    expect(inbox.markAll).toBeNull();
    expect(inbox.empty).toBe(translator("en")("notifications.inboxEmpty"));
  });
});

describe("the intake inbox view", () => {
  const request = {
    id: "r1",
    status: "SUBMITTED" as const,
    trackingCode: "ABCD2345EFGH",
    unitName: "کارخانه قند",
    unitNationalId: "1234567890",
    submittedAt: new Date("2026-12-01T08:00:00Z"),
    resubmittedAt: null,
    applicant: { name: "رضا" },
    _count: { obstacles: 1, attachments: 0 },
    ageWorkingDays: 4,
  };

  it("links each request, shows its code left to right and its age and stage in words", async () => {
    const { intakeList } = await import("@/lib/requests/views");
    const t = translator("fa");
    const [row] = intakeList(
      [request, { ...request, id: "r2", status: "DOCUMENTS_REQUESTED" }],
      t,
      "fa",
    ).rows;
    expect(row?.cells.unit).toEqual({ text: "کارخانه قند", href: "/intake/r1" });
    // The code in the reader's digits, kept left to right.
    expect(row?.cells.code).toMatchObject({ text: "ABCD-۲۳۴۵-EFGH", ltr: true });
    expect(row?.cells.waiting).toBe(t("requests.ageWorkingDays", { days: "۴" }));
    expect(row?.cells.stage).toBe(t("requests.stages.RECEIVED"));
    const second = intakeList([{ ...request, status: "DOCUMENTS_REQUESTED" }], t, "fa").rows[0];
    expect(second?.cells.stage).toBe(t("requests.stages.DOCUMENTS_REQUESTED"));
    expect(intakeList([], t, "fa").empty).toBe(t("requests.intakeEmpty"));
  });
});
