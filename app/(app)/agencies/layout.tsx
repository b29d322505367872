import { ClientMessages } from "@/components/ui/client-messages";

// The agency form's and the "remind all" button's strings, for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["agencies", "agencyKind", "resolutions"]}>{children}</ClientMessages>;
}
