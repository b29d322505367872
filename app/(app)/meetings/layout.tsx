import { ClientMessages } from "@/components/ui/client-messages";
import { WorkingCalendar } from "@/components/calendar/working-calendar";

// The session screens' strings (agenda, attendance, entry, date input, bodies, agency picker,
// follow-up of earlier resolutions), and the days off the date pickers mark, for the browser.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages
      namespaces={["meeting", "meetings", "bodies", "agencies", "resolutions", "invitations", "letters"]}
    >
      <WorkingCalendar>{children}</WorkingCalendar>
    </ClientMessages>
  );
}
