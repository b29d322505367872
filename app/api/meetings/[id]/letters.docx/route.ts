import { NotFound, route } from "@/lib/route";
import { getMeetingRef } from "@/lib/meetings/queries";
import { lettersOfMeeting } from "@/lib/letters/queries";
import { lettersDocx } from "@/lib/letters/docx";
import { translator } from "@/lib/i18n/messages";
import { docxResponse } from "@/lib/print/docx";

// A session's letters, one per agency, as one Word file: what its letters page prints, read as
// that page is (case.read, the reader's province). Before any is issued there is no file (404).
export const GET = route({ permission: "case.read" }, async ({ user, params }) => {
  const meeting = await getMeetingRef(user, params.id ?? "");
  if (!meeting) throw new NotFound();
  const letters = await lettersOfMeeting(user, meeting.id);
  if (letters.length === 0) throw new NotFound();
  // Named by the letters' numbers, as the office files them: letters-1405-12-17.docx.
  const first = letters[0];
  const last = letters[letters.length - 1];
  const name = `letters-${first?.jalaliYear}-${first?.number}-${last?.number}.docx`;
  return docxResponse(await lettersDocx(letters, translator("fa")("letters.batchTitle")), name, name);
});
