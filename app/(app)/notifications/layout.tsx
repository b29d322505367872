import { ClientMessages } from "@/components/ui/client-messages";
import { requirePermission } from "@/lib/auth/session";

// The notification page's forms (mark read, e-mail preference), for the browser; and the
// permission checked before the loading skeleton streams (a refusal stays a 403).
export default async function Layout({ children }: { children: React.ReactNode }) {
  await requirePermission("case.read");
  return <ClientMessages namespaces={["notifications", "sms"]}>{children}</ClientMessages>;
}
