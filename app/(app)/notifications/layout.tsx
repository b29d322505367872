import { ClientMessages } from "@/components/ui/client-messages";

// The notification page's forms (mark read, e-mail preference), for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["notifications"]}>{children}</ClientMessages>;
}
