import { NotFound, route } from "@/lib/route";
import { getMeeting } from "@/lib/meetings/queries";
import { listMinutesAmendments } from "@/lib/meetings/minutes";
import { minutesDocx } from "@/lib/meetings/minutes-docx";
import { minutesVerification } from "@/lib/meetings/minutes-proof";
import { verifyUrl } from "@/lib/letters/queries";
import { docxResponse } from "@/lib/print/docx";

// The minutes as a Word file, read exactly as the minutes page is (case.read and the reader's
// province: another province's session is a 404), in the reader's language.
export const GET = route({ permission: "case.read" }, async ({ user, params, locale, t }) => {
  const meeting = await getMeeting(user, params.id ?? "");
  if (!meeting) throw new NotFound();
  const amendments = await listMinutesAmendments(meeting, locale, t);
  const sealed = await minutesVerification(meeting.id);
  const verification = sealed ? { code: sealed.code, url: verifyUrl(sealed.code) } : null;
  const bytes = await minutesDocx(meeting, { amendments, verification, locale, t });
  const name = `minutes-${meeting.jalaliYear}-${meeting.number}.docx`;
  return docxResponse(bytes, name, name);
});
