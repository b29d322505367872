import { ClientMessages } from "@/components/ui/client-messages";

// The user form's and the settings toggles' strings, for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["admin", "roles", "settings", "agencies", "agencyKind"]}>
      {children}
    </ClientMessages>
  );
}
