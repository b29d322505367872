import type { Actor } from "@/lib/auth/policy";
import { can } from "@/lib/auth/policy";
import type { MessageKey } from "@/lib/i18n/messages";

export type NavItem = { href: string; label: MessageKey; visible: (a: Actor) => boolean };

// Navigation by role. Visibility is a convenience; each page checks permission itself.
export const NAV_ITEMS: NavItem[] = [
  {
    href: "/dashboard",
    label: "nav.dashboard",
    visible: (a) => can(a, "dashboard.view") && a.roles.includes("SECRETARIAT"),
  },
  { href: "/chair", label: "nav.chair", visible: (a) => a.roles.includes("CHAIR") },
  { href: "/agency", label: "nav.agency", visible: (a) => a.roles.includes("AGENCY") && a.agencyId !== null },
  { href: "/meetings", label: "nav.meetings", visible: (a) => can(a, "case.read") },
  { href: "/units", label: "nav.units", visible: (a) => can(a, "case.read") },
  { href: "/obstacles", label: "nav.obstacles", visible: (a) => can(a, "case.read") },
  { href: "/resolutions", label: "nav.resolutions", visible: (a) => can(a, "case.read") },
  { href: "/agencies", label: "agencies.title", visible: (a) => can(a, "case.read") },
  { href: "/search", label: "search.title", visible: (a) => can(a, "case.read") },
  { href: "/reports", label: "nav.reports", visible: (a) => can(a, "dashboard.view") },
  { href: "/provinces", label: "provinces.title", visible: (a) => can(a, "province.compare") },
  { href: "/admin/users", label: "nav.admin", visible: (a) => can(a, "user.manage") },
  { href: "/admin/outbox", label: "notifications.outboxTitle", visible: (a) => can(a, "settings.manage") },
  {
    href: "/admin/audit",
    label: "audit.title",
    visible: (a) => can(a, "audit.read") && !can(a, "user.manage"),
  },
  {
    href: "/admin/tokens",
    label: "api.tokens.title",
    visible: (a) => a.roles.includes("AGENCY") && can(a, "apiToken.manage", { agencyId: a.agencyId }),
  },
  { href: "/notifications", label: "notifications.nav", visible: () => true },
];
