import "server-only";
import { formatDate } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { noticeNumberLabel } from "@/lib/notices/number";
import { docxProofFooter, docxVerification, docxWriter, packDocx, type DocxSection } from "@/lib/print/docx";
import type { PrintedLetter } from "./queries";

/**
 * One official letter as a Word file: the same sheet as the printed page
 * (components/letters/letter-sheet.tsx), wholly Persian like the secretariat's correspondence,
 * its own words the frozen text the verification code names.
 */
export async function letterDocx(letter: PrintedLetter): Promise<Buffer> {
  const t = translator("fa");
  const number = noticeNumberLabel(letter, "fa");
  return packDocx([await letterSection(letter)], { title: `${t("letters.title")} ${number}`, locale: "fa" });
}

/**
 * A session's letters, one per agency, as one Word file (issue #37 §2: the batch the secretariat
 * prints and signs in one go): each letter a section of its own, so it starts on a new page and
 * each of its pages carries its own code and QR in the footer, in number order.
 */
export async function lettersDocx(letters: PrintedLetter[], title: string): Promise<Buffer> {
  return packDocx(await Promise.all(letters.map(letterSection)), { title, locale: "fa" });
}

async function letterSection(letter: PrintedLetter): Promise<DocxSection> {
  const t = translator("fa");
  const w = docxWriter("fa");
  const number = noticeNumberLabel(letter, "fa");
  const proof = { code: letter.verifyCode, url: letter.verifyUrl };
  const children = [
    w.paragraph(t("print.republic")),
    w.paragraph(t("print.governorate", { province: letter.province })),
    w.paragraph(t("print.group", { province: letter.province })),
    w.paragraph({ text: t("letters.title"), bold: true, size: 28 }, { align: "center" }),
    w.paragraph(`${t("letters.number")}: ${number}`, { align: "end", spacingAfter: 0 }),
    w.paragraph(`${t("letters.date")}: ${formatDate(letter.issuedAt, "fa", { style: "short" })}`, {
      align: "end",
      spacingAfter: 0,
    }),
    w.paragraph(`${t("letters.attachment")}: ${t("letters.attachmentNone")}`, { align: "end" }),
    w.paragraph({ text: letter.recipient, bold: true }),
    w.paragraph({ text: `${t("verify.subject")}: ${letter.subject}`, bold: true }),
    ...letter.body.split("\n\n").map((part) => w.paragraph(part)),
    w.table(
      [t("print.secretary"), t("print.chair")],
      [[letter.signatures.secretaryName ?? "", letter.signatures.chairName ?? ""]],
    ),
    ...(await docxVerification(w, proof, t)),
  ];
  return { children, footer: await docxProofFooter(w, proof, t) };
}
