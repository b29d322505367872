import { ClientMessages } from "@/components/ui/client-messages";

// The acknowledgement button's strings, for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["notices"]}>{children}</ClientMessages>;
}
