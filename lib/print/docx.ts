import "server-only";
import QRCode from "qrcode";
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { isRtl } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/messages";

// Word files of the working group's papers (issue #37 §4): offices forward and archive .docx.
// The `docx` library writes the OOXML directly (no Word or LibreOffice on the server). A Persian
// paper is right-to-left at every level Word reads: `w:bidi` on each paragraph (its direction
// and alignment), `w:rtl` on each run (the text's order), and a visually right-to-left table
// (`w:bidiVisual`), so the first column sits on the right as on the printed page. The font is
// named, not embedded: Vazirmatn (the app's font, shipped in node_modules/vazirmatn) where it is
// installed, Word's own fallback for Persian elsewhere; embedding would add megabytes per file.

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const FONT = "Vazirmatn";

export type DocxText = string | { text: string; bold?: boolean; size?: number };

/** A maker of paragraphs and tables in the document's direction. */
export function docxWriter(locale: Locale) {
  const rtl = isRtl(locale);
  const run = (t: DocxText) => {
    const { text, bold, size } = typeof t === "string" ? { text: t } : t;
    // A run per line: Word ignores "\n" in a run's text, a break is its own element.
    return text.split("\n").map(
      (line, i) =>
        new TextRun({
          text: line,
          bold,
          boldComplexScript: bold,
          size,
          sizeComplexScript: size,
          rightToLeft: rtl,
          break: i > 0 ? 1 : undefined,
        }),
    );
  };
  const paragraph = (
    parts: DocxText | DocxText[],
    opts: { align?: "center" | "end"; heading?: boolean; spacingAfter?: number } = {},
  ) =>
    new Paragraph({
      bidirectional: rtl,
      // With w:bidi, "start" is the right; "end" the left (where an office prints number and date).
      alignment:
        opts.align === "center" ? AlignmentType.CENTER : opts.align === "end" ? AlignmentType.END : undefined,
      spacing: { after: opts.spacingAfter ?? 120 },
      children: (Array.isArray(parts) ? parts : [parts]).flatMap(run) as ParagraphChild[],
    });
  const table = (head: string[], rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      rows: [head, ...rows].map(
        (cells, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: cells.map(
              (c) =>
                new TableCell({
                  children: [paragraph(r === 0 ? { text: c, bold: true } : c, { spacingAfter: 0 })],
                  borders: {
                    top: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
                    bottom: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
                    left: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
                    right: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
                  },
                }),
            ),
          }),
      ),
    });
  return { rtl, paragraph, table };
}

/** The paper's verification code, the QR of its address (a PNG) and the address itself. */
export async function docxVerification(
  w: ReturnType<typeof docxWriter>,
  { code, url }: { code: string; url: string },
  t: Translate,
) {
  const png = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });
  return [
    new Paragraph({
      bidirectional: w.rtl,
      children: [new ImageRun({ type: "png", data: png, transformation: { width: 96, height: 96 } })],
    }),
    w.paragraph(t("letters.verifyCode", { code })),
    w.paragraph(t("letters.verifyHint")),
    // The address reads left to right whatever the paper's direction: the default run style of
    // a Persian paper is w:rtl, which would reorder its slashes and dots.
    new Paragraph({ children: [new TextRun({ text: url, rightToLeft: false })] }),
  ];
}

/** The .docx bytes: A4, the named font for Latin and complex-script text alike. */
export async function packDocx(
  children: (Paragraph | Table)[],
  { title, locale }: { title: string; locale: Locale },
): Promise<Buffer> {
  const rtl = isRtl(locale);
  const doc = new Document({
    title,
    creator: "Tashil",
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
            size: 22,
            sizeComplexScript: 22,
            rightToLeft: rtl,
          },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A download's headers: the file name in ASCII and in UTF-8 (RFC 6266). */
export function docxResponse(bytes: Buffer, fileName: string, asciiName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": DOCX_MIME,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
