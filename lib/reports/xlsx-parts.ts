import "server-only";
import type { Cell, ColumnHead } from "./table";

// The XML of a plain .xlsx workbook (Office Open XML, SpreadsheetML), written as text.
// Every export is the same shape — one header row, maybe a title above it, text and number
// cells — so these few parts are all a spreadsheet program needs. Why not exceljs's
// streaming writer: it builds a row object, a cell object per value and a style lookup per
// cell before each row becomes XML, and over a 200,000-row register that garbage alone held
// the server ~185 MB above idle (docs/decisions/062-xlsx-writer.md). exceljs still reads
// the files back in the tests and reads uploaded sheets in the importer.

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes into `cellXfs` below. */
export const STYLE = { plain: 0, header: 1, title: 2, wrap: 3 } as const;

// Characters XML 1.0 cannot carry at all (C0 controls other than tab and line ends, lone
// surrogates, U+FFFE/U+FFFF): a spreadsheet program refuses the whole file for one of them.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => ENTITY[c as keyof typeof ENTITY]);
}
const ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" } as const;

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\ and unique. */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base =
      raw
        .replace(/[[\]:*?/\\]/g, " ")
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** One row's XML. Empty cells are left out, as spreadsheet programs write them. */
export function rowXml(rowNumber: number, cells: Cell[], styles: readonly number[]): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined || cell === "") continue;
    const ref = `${columnName(i)}${rowNumber}`;
    const s = styles[i] ? ` s="${styles[i]}"` : "";
    if (typeof cell === "number") {
      if (Number.isFinite(cell)) xml += `<c r="${ref}"${s}><v>${cell}</v></c>`;
    } else xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell)}</t></is></c>`;
  }
  return `${xml}</row>`;
}

const columnWidth = (c: ColumnHead) => c.width ?? Math.min(60, Math.max(12, c.header.length + 4));

/** Everything of a worksheet before its rows: view (direction, frozen header) and columns. */
export function sheetStart(
  columns: ColumnHead[],
  { rtl, headerRow }: { rtl: boolean; headerRow: number },
): string {
  const cols = columns
    .map((c, i) => {
      const style = c.wrap ? ` style="${STYLE.wrap}"` : "";
      return `<col min="${i + 1}" max="${i + 1}" width="${columnWidth(c)}" customWidth="1"${style}/>`;
    })
    .join("");
  const pane =
    `<pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/>`;
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetViews><sheetView${rtl ? ' rightToLeft="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    "<sheetData>"
  );
}

/** The end of a worksheet; a title row spans the table's width. */
export function sheetEnd(columnCount: number, { title }: { title: boolean }): string {
  const merge =
    title && columnCount > 1
      ? `<mergeCells count="1"><mergeCell ref="A1:${columnName(columnCount - 1)}1"/></mergeCells>`
      : "";
  return `</sheetData>${merge}</worksheet>`;
}

/** The package parts around the sheets: content types, relationships, workbook, styles. */
export function packageParts(names: string[]): { name: string; xml: string }[] {
  const sheets = names.map((_, i) => i + 1);
  return [
    {
      name: "[Content_Types].xml",
      xml:
        `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets
          .map(
            (n) =>
              `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `</Types>`,
    },
    {
      name: "_rels/.rels",
      xml:
        `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `</Relationships>`,
    },
    {
      name: "docProps/core.xml",
      xml:
        `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
        `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>Tashil</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().slice(0, 19)}Z</dcterms:created>` +
        `</cp:coreProperties>`,
    },
    {
      name: "xl/workbook.xml",
      xml:
        `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
        names
          .map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join("") +
        `</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      xml:
        `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        sheets
          .map(
            (n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    },
    { name: "xl/styles.xml", xml: STYLES },
  ];
}

// Fonts: 0 plain, 1 bold, 2 bold 13 pt (a session's title). Cell formats follow STYLE.
const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}">` +
  `<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;
