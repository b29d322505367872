import { ClientMessages } from "@/components/ui/client-messages";

// The user form's, the settings toggles', the province form's and the token form's strings.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={["admin", "roles", "settings", "agencies", "agencyKind", "provinces", "api", "outcomes"]}
    >
      {children}
    </ClientMessages>
  );
}
