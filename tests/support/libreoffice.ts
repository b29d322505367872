// Opens the app's Word and Excel files in LibreOffice, as an office would, and reads back what
// it shows: the .docx as plain text, the .xlsx as UTF-8 CSV. LibreOffice comes from Debian's
// packages (scripts/debian-packages.ts): installed when missing and running as root, otherwise
// the test fails naming the install command — it never passes without having opened the file.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ensureDebianProgram, LIBREOFFICE_PACKAGES } from "../../scripts/debian-packages";

const run = promisify(execFile);

export const ensureLibreOffice = () => ensureDebianProgram("soffice", LIBREOFFICE_PACKAGES);

/**
 * Converts the bytes with LibreOffice's own filter and returns the result's bytes. Each call
 * has a profile of its own: two LibreOffice processes sharing one profile refuse to start.
 */
async function convert(
  bytes: Uint8Array,
  inputName: string,
  filter: string,
  outExt: string,
): Promise<Buffer> {
  const soffice = ensureLibreOffice();
  const dir = await mkdtemp(join(tmpdir(), "tashil-lo-"));
  try {
    const input = join(dir, inputName);
    await writeFile(input, bytes);
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        join(dir, "out"),
        input,
      ],
      { timeout: 180_000 },
    );
    return await readFile(join(dir, "out", inputName.replace(/\.[^.]+$/, `.${outExt}`)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Word file's text as LibreOffice Writer reads it (a table cell per line). */
export const docxAsText = async (bytes: Uint8Array) =>
  (await convert(bytes, "paper.docx", "txt:Text (encoded):UTF8", "txt")).toString("utf8");

/** A Word file printed as LibreOffice Writer lays it out: its pages, footers and all, as a PDF. */
export const docxAsPdf = (bytes: Uint8Array) => convert(bytes, "paper.docx", "pdf:writer_pdf_Export", "pdf");

/** A spreadsheet's first sheet as LibreOffice Calc reads it: rows of cells (UTF-8 CSV). */
export async function xlsxAsRows(bytes: Uint8Array): Promise<string[][]> {
  // Field separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8).
  const csv = await convert(bytes, "sheet.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76", "csv");
  return parseCsv(csv.toString("utf8"));
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}
