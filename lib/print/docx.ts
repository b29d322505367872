import "server-only";
import QRCode from "qrcode";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
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

type Proof = { code: string; url: string };

/** The QR of a paper's verification address, as the PNG Word embeds. */
const qrPng = (url: string) =>
  QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 240 });

// The address reads left to right whatever the paper's direction: the default run style of a
// Persian paper is w:rtl, which would reorder its slashes and dots.
const addressRun = (url: string, size?: number) =>
  new TextRun({ text: url, rightToLeft: false, size, sizeComplexScript: size });

/**
 * The paper's verification code, the QR of its address (a PNG) and the address itself, once,
 * at the end of the text: what the paper shows on screen (components/letters/paper-verification.tsx).
 * Word's reading views and text exports leave the page footer out, so the text keeps it
 * (docs/decisions/311-word-paper-footer.md); every page carries `docxProofFooter`.
 */
export async function docxVerification(w: ReturnType<typeof docxWriter>, { code, url }: Proof, t: Translate) {
  const png = await qrPng(url);
  return [
    new Paragraph({
      bidirectional: w.rtl,
      children: [new ImageRun({ type: "png", data: png, transformation: { width: 96, height: 96 } })],
    }),
    w.paragraph(t("letters.verifyCode", { code })),
    w.paragraph(t("letters.verifyHint")),
    new Paragraph({ children: [addressRun(url)] }),
  ];
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
// A4 (11906 twips) less the docx library's default side margins (1440 each).
const TEXT_WIDTH = 9026;
const FOOT_QR_COLUMN = 1300;
const FOOT_SIZE = 16; // half-points: 8 pt, as the printed foot of the HTML paper

/**
 * The page footer of a paper that proves itself (issue #37 §5, "on each printed page"): the
 * smaller copy the printed HTML paper repeats at the foot of every page (PaperFoot in
 * components/letters/paper-verification.tsx): a 20 mm QR beside the code, the hint and the
 * address, under a rule. Word and LibreOffice repeat a section's footer on each of its pages.
 */
export async function docxProofFooter(w: ReturnType<typeof docxWriter>, { code, url }: Proof, t: Translate) {
  const png = await qrPng(url);
  const line = (children: ParagraphChild[], bidi = w.rtl) =>
    new Paragraph({
      bidirectional: bidi,
      // A left-to-right address line still sits on the paper's starting side.
      alignment: !bidi && w.rtl ? AlignmentType.RIGHT : undefined,
      spacing: { after: 0 },
      children,
    });
  const small = (text: string) =>
    new TextRun({ text, size: FOOT_SIZE, sizeComplexScript: FOOT_SIZE, rightToLeft: w.rtl });
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    });
  return new Footer({
    children: [
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: [FOOT_QR_COLUMN, TEXT_WIDTH - FOOT_QR_COLUMN],
        visuallyRightToLeft: w.rtl,
        borders: {
          top: { style: BorderStyle.SINGLE, size: 4, color: "999999" },
          bottom: NO_BORDER,
          left: NO_BORDER,
          right: NO_BORDER,
          insideHorizontal: NO_BORDER,
          insideVertical: NO_BORDER,
        },
        rows: [
          new TableRow({
            children: [
              // 76 px at 96 dpi: 20 mm, the printed HTML foot's QR.
              cell(
                [line([new ImageRun({ type: "png", data: png, transformation: { width: 76, height: 76 } })])],
                FOOT_QR_COLUMN,
              ),
              cell(
                [
                  line([small(t("letters.verifyCode", { code }))]),
                  line([small(t("letters.verifyHint"))]),
                  line([addressRun(url, FOOT_SIZE)], false),
                ],
                TEXT_WIDTH - FOOT_QR_COLUMN,
              ),
            ],
          }),
        ],
      }),
    ],
  });
}

/** One run of pages: its text and, for a paper that proves itself, the footer on each page. */
export type DocxSection = { children: (Paragraph | Table)[]; footer?: Footer };

/**
 * The .docx bytes: A4, the named font for Latin and complex-script text alike. Each section
 * starts on a new page and has its own footer (a batch of letters: each its own code).
 */
export async function packDocx(
  sections: DocxSection[],
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
    sections: sections.map(({ children, footer }) => ({
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          // The footer 8 mm from the sheet's edge; Word and LibreOffice lift the text above it.
          margin: { top: 1134, bottom: 1134, footer: 454 },
        },
      },
      ...(footer ? { footers: { default: footer } } : {}),
      children,
    })),
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
