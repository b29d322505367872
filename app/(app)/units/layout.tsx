import { ClientMessages } from "@/components/ui/client-messages";

// The unit, status, import and obstacle forms' strings, for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "units",
        "unitImport",
        "operatingStatus",
        "sector",
        "obstacles",
        "agencies",
        "agencyKind",
        "outcomes",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
