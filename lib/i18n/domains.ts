// Each domain's UI strings. A domain's lib/<domain>/messages.ts is
//   const fa = { <domain>: { … } };  const en: typeof fa = { … };  export default { fa, en };
// so a missing English string fails to compile. Add one spread per domain to each side.
import dashboard from "@/lib/dashboard/messages";
import settings from "@/lib/settings/messages";
import resolutions from "@/lib/resolutions/messages";
import notifications from "@/lib/notifications/messages";
import meetings from "@/lib/meetings/messages";
import units from "@/lib/units/messages";
import obstacles from "@/lib/obstacles/messages";
import agencies from "@/lib/agencies/messages";
import exportFiles from "@/lib/exports/messages";
import bodies from "@/lib/bodies/messages";
import api from "@/lib/api/messages";
import audit from "@/lib/audit/messages";
import provinces from "@/lib/provinces/messages";
import calendar from "@/lib/calendar/messages";
import print from "@/lib/print/messages";
import notices from "@/lib/notices/messages";
import outcomes from "@/lib/outcomes/messages";
import applicants from "@/lib/applicants/messages";
import requests from "@/lib/requests/messages";
import sms from "@/lib/sms/messages";
import letters from "@/lib/letters/messages";
import invitations from "@/lib/invitations/messages";

export const domainMessages = {
  fa: {
    ...dashboard.fa,
    ...settings.fa,
    ...resolutions.fa,
    ...notifications.fa,
    ...meetings.fa,
    ...units.fa,
    ...obstacles.fa,
    ...agencies.fa,
    ...exportFiles.fa,
    ...bodies.fa,
    ...api.fa,
    ...audit.fa,
    ...provinces.fa,
    ...calendar.fa,
    ...print.fa,
    ...notices.fa,
    ...outcomes.fa,
    ...applicants.fa,
    ...requests.fa,
    ...sms.fa,
    ...letters.fa,
    ...invitations.fa,
  },
  en: {
    ...dashboard.en,
    ...settings.en,
    ...resolutions.en,
    ...notifications.en,
    ...meetings.en,
    ...units.en,
    ...obstacles.en,
    ...agencies.en,
    ...exportFiles.en,
    ...bodies.en,
    ...api.en,
    ...audit.en,
    ...provinces.en,
    ...calendar.en,
    ...print.en,
    ...notices.en,
    ...outcomes.en,
    ...applicants.en,
    ...requests.en,
    ...sms.en,
    ...letters.en,
    ...invitations.en,
  },
};
