import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import jsQR from "jsqr";
import { findProgram } from "../../scripts/debian-packages";

// A printed PDF read back as paper is read: each page turned into an image by poppler's
// pdftoppm and its QR code decoded from the pixels (jsQR), and each page's text by pdftotext —
// the way tests/e2e/reach.spec.ts reads the QR of the printed minutes, for every page. Shared by
// the browser's printed papers (tests/e2e/papers-per-page.spec.ts) and the Word papers turned
// to PDF by LibreOffice (tests/integration/word-papers.test.ts).

function program(name: string): string {
  const found = findProgram(name);
  if (!found)
    throw new Error(
      `${name} is missing: \`npm test\` installs it as root; otherwise 'sudo apt-get install -y poppler-utils'`,
    );
  return found;
}

/** A portable pixmap (pdftoppm's own output, P6) as the RGBA pixels jsQR reads. */
export function ppmToRgba(ppm: Buffer) {
  // "P6", width, height, maxval, each after whitespace, then one byte of whitespace and the pixels.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PPM");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height * 3; i += 3, j += 4) {
    rgba[j] = rgb[i] ?? 255;
    rgba[j + 1] = rgb[i + 1] ?? 255;
    rgba[j + 2] = rgb[i + 2] ?? 255;
    rgba[j + 3] = 255;
  }
  return { rgba, width, height };
}

/**
 * Each page of the PDF, in order: the QR code read off its image (null if none) and its text.
 * `footMm` reads the QR only in that many millimetres at the bottom of the page: the page's foot,
 * where a Word paper's footer sits — its last page also shows the closing QR in the text, and
 * jsQR reads no code off an image holding two (tests/integration/word-papers.test.ts).
 */
export function readPdfPages(
  pdf: Buffer,
  dir: string,
  name: string,
  { footMm }: { footMm?: number } = {},
): { qr: string | null; text: string }[] {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync(program("pdftoppm"), ["-r", "150", file, path.join(dir, `${name}-page`)]);
  // name-page-1.ppm, …-2.ppm (…-01.ppm past nine pages), in page order.
  const images = readdirSync(dir)
    .map((f) => new RegExp(`^${name}-page-(\\d+)\\.ppm$`).exec(f))
    .filter((m) => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => path.join(dir, m[0]));
  return images.map((image, i) => {
    const { rgba, width, height } = ppmToRgba(readFileSync(image));
    // Rendered at 150 dpi: a millimetre is 150 / 25.4 pixels.
    const top = footMm ? Math.max(0, height - Math.round((footMm * 150) / 25.4)) : 0;
    const text = execFileSync(program("pdftotext"), ["-f", `${i + 1}`, "-l", `${i + 1}`, file, "-"], {
      encoding: "utf8",
    });
    return { qr: jsQR(rgba.subarray(top * width * 4), width, height - top)?.data ?? null, text };
  });
}
