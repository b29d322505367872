// RFC 5545 §3.1: a content line longer than 75 octets is folded — CRLF and one space — and the
// limit counts octets of UTF-8, not characters; a multi-octet character is never split. The
// `ics` library (lib/meetings/invitations.ts makes the calendar file with it) folds at 75
// characters, so a Persian line (two octets a letter) came out near 150 octets. Its output is
// unfolded here and folded again by octets. Pure; no dependency.

const encoder = new TextEncoder();
const LIMIT = 75;

/** One logical line as physical lines of at most 75 octets each (the space included). */
export function foldLine(line: string): string[] {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  // for…of walks code points, so a surrogate pair (an emoji) stays whole too.
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > LIMIT) {
      lines.push(current);
      // A continuation line starts with the space that unfolding removes: one octet of its 75.
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines;
}

/** Undoes folding: CRLF followed by one space or tab joins the next line to this one. */
export function unfoldIcs(text: string): string {
  return text.replace(/\r\n[ \t]/g, "");
}

/** A whole iCalendar text folded by octets; CRLF line ends, one after the last line too. */
export function foldIcs(text: string): string {
  const logical = unfoldIcs(text)
    .split(/\r\n|\n/)
    .filter((l) => l !== "");
  return `${logical.flatMap(foldLine).join("\r\n")}\r\n`;
}
