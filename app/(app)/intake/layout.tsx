import { permissionLayout } from "@/lib/page";
import { ClientMessages } from "@/components/ui/client-messages";

// Refuses (403) before anything streams.
const Permission = permissionLayout("request.intake");

export default async function IntakeLayout({ children }: { children: React.ReactNode }) {
  return (
    <Permission>
      <ClientMessages namespaces={["common"]}>{children}</ClientMessages>
    </Permission>
  );
}
