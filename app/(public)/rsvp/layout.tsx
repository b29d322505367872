import { ClientMessages } from "@/components/ui/client-messages";

// The reply form's strings.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["rsvp"]}>{children}</ClientMessages>;
}
