import { ClientMessages } from "@/components/ui/client-messages";

// The follow-up forms' strings, for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["resolutions", "resolutionStatus", "obstacles"]}>{children}</ClientMessages>
  );
}
