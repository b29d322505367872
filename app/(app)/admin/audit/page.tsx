import { pageTitle } from "@/lib/page";
import { auditLogView } from "@/lib/audit/views";
import { listRoute } from "@/components/ui/list-route";
import { AuditEventList } from "@/components/audit/audit-event-list";

export const generateMetadata = pageTitle("audit.title");

export default listRoute("audit.read", "audit.title", auditLogView, (view, { t, locale }) => ({
  intro: t("audit.intro"),
  table: <AuditEventList events={view.events} t={t} locale={locale} showRecord empty={view.empty} />,
}));
