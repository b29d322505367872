import { ClientMessages } from "@/components/ui/client-messages";

// The agency form's strings, for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["agencies", "agencyKind"]}>{children}</ClientMessages>;
}
