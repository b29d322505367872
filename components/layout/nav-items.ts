import type { Action } from "@/lib/auth/policy";
import type { MessageKey } from "@/lib/i18n/messages";

/** A menu entry and the permission its page requires (lib/auth/policy.ts decides). */
export type NavItem = { href: string; label: MessageKey; permission: Action };

// The menu shows exactly the pages the policy lets the user open; each page checks again.
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "nav.dashboard", permission: "dashboard.view" },
  { href: "/intake", label: "requests.intake", permission: "request.intake" },
  { href: "/chair", label: "nav.chair", permission: "chairDesk.view" },
  { href: "/agency", label: "nav.agency", permission: "agencyInbox.view" },
  { href: "/meetings", label: "nav.meetings", permission: "case.read" },
  { href: "/units", label: "nav.units", permission: "case.read" },
  { href: "/obstacles", label: "nav.obstacles", permission: "case.read" },
  { href: "/resolutions", label: "nav.resolutions", permission: "case.read" },
  { href: "/notices", label: "notices.title", permission: "case.read" },
  { href: "/agencies", label: "agencies.title", permission: "case.read" },
  { href: "/search", label: "search.title", permission: "case.read" },
  { href: "/reports", label: "nav.reports", permission: "dashboard.view" },
  { href: "/provinces", label: "provinces.title", permission: "province.compare" },
  { href: "/admin/users", label: "nav.admin", permission: "user.manage" },
  { href: "/admin/outbox", label: "notifications.outboxTitle", permission: "settings.manage" },
  { href: "/admin/sms", label: "sms.outbox.title", permission: "sms.outbox" },
  { href: "/admin/provinces", label: "provinces.admin.title", permission: "province.manage" },
  { href: "/admin/calendar", label: "calendar.title", permission: "calendar.manage" },
  { href: "/admin/audit", label: "audit.title", permission: "audit.read" },
  { href: "/admin/tokens", label: "api.tokens.title", permission: "apiToken.manage" },
  { href: "/exports", label: "exports.nav", permission: "case.read" },
];
