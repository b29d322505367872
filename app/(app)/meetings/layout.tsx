import { ClientMessages } from "@/components/ui/client-messages";

// The session screens' strings (agenda, attendance, entry, date input, bodies, agency picker,
// follow-up of earlier resolutions), for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["meeting", "meetings", "bodies", "agencies", "resolutions"]}>
      {children}
    </ClientMessages>
  );
}
