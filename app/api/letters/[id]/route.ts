import { NotFound, route } from "@/lib/route";
import { getLetter } from "@/lib/letters/queries";
import { letterDocx } from "@/lib/letters/docx";
import { docxResponse } from "@/lib/print/docx";

// /api/letters/<id>.docx — the letter as a Word file, for offices that forward and file .docx.
// Read exactly as its page is (case.read, the reader's province: another province's letter is
// a 404). The segment carries the extension so the saved file and the link both say .docx.
export const GET = route({ permission: "case.read" }, async ({ user, params }) => {
  const match = /^(.+)\.docx$/.exec(params.id ?? "");
  const letter = match?.[1] ? await getLetter(user, match[1]) : null;
  if (!letter) throw new NotFound();
  const name = `letter-${letter.jalaliYear}-${letter.number}.docx`;
  return docxResponse(await letterDocx(letter), name, name);
});
