import { ClientMessages } from "@/components/ui/client-messages";

// The session screens' strings (agenda, attendance, entry, date input), for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["meeting", "meetings"]}>{children}</ClientMessages>;
}
