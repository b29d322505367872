import { ClientMessages } from "@/components/ui/client-messages";
import { WorkingCalendar } from "@/components/calendar/working-calendar";

// The follow-up forms' strings (the return's agency picker too), and the days off the
// extension form's date picker marks.
export default function Layout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["resolutions", "resolutionStatus", "obstacles", "agencies", "outcomes"]}>
      <WorkingCalendar>{children}</WorkingCalendar>
    </ClientMessages>
  );
}
