// What may be attached to an obstacle or a progress report. The type is decided from the
// file's extension *and* its first bytes, never from the browser's claimed MIME type, so a
// renamed executable or HTML page cannot be served back as a PDF or an image.

// One limit for every upload (obstacle attachments and follow-up evidence), checked on the
// server with a localised message. The request limit in next.config.ts
// (serverActions.bodySizeLimit, 30 MB) sits above MAX_UPLOAD_TOTAL_BYTES plus the form's own
// fields, so a submission over the limit reaches our check instead of Next's own unlocalised
// error (tests/unit/registry.test.ts keeps the two in step).
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 5;
export const MAX_UPLOAD_TOTAL_BYTES = 25 * 1024 * 1024;

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46]; // WEBP container
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // docx/xlsx/pptx
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // doc/xls/ppt

/** The .xlsx MIME type: uploads are checked against it, exports are served with it. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: "application/pdf", magic: PDF },
  png: { mime: "image/png", magic: PNG },
  jpg: { mime: "image/jpeg", magic: JPEG },
  jpeg: { mime: "image/jpeg", magic: JPEG },
  webp: { mime: "image/webp", magic: RIFF },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: ZIP },
  xlsx: { mime: XLSX_MIME, magic: ZIP },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: ZIP },
  doc: { mime: "application/msword", magic: OLE },
  xls: { mime: "application/vnd.ms-excel", magic: OLE },
  ppt: { mime: "application/vnd.ms-powerpoint", magic: OLE },
};

export const ACCEPT_ATTRIBUTE = Object.keys(TYPES)
  .map((ext) => `.${ext}`)
  .join(",");

export type UploadCheck =
  { ok: true; mimeType: string } | { ok: false; problem: "fileEmpty" | "fileTooLarge" | "fileType" };

export function checkUpload(fileName: string, head: Uint8Array, sizeBytes: number): UploadCheck {
  if (sizeBytes === 0) return { ok: false, problem: "fileEmpty" };
  if (sizeBytes > MAX_ATTACHMENT_BYTES) return { ok: false, problem: "fileTooLarge" };
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const type = TYPES[ext];
  if (!type || !type.magic.every((byte, i) => head[i] === byte)) return { ok: false, problem: "fileType" };
  return { ok: true, mimeType: type.mime };
}

/** A file name safe to store and show: no path, no control or bidi characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"]/g, "")
    .trim()
    .slice(-150);
  return cleaned || "file";
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the real (often Persian) name
 * in RFC 5987 form, so every browser saves the file instead of rendering it.
 */
export function contentDisposition(fileName: string): string {
  const name = cleanFileName(fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/[\\;]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
