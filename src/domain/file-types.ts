// The files Lodestone stores, told by their first bytes (magic numbers), never by the name or Content-Type alone.
// Documents an asset delivers: PDF, EPUB, Word/PowerPoint/Excel (OOXML) and ZIP. Images for covers and the logo:
// PNG, JPEG and WebP. Video is not stored: a video is a `link` asset (hosted where it streams well).

export interface FileType {
  type: string;
  ext: string;
  /** How people name it in messages. */
  label: string;
}

const PDF: FileType = { type: "application/pdf", ext: "pdf", label: "PDF" };
const EPUB: FileType = { type: "application/epub+zip", ext: "epub", label: "EPUB" };
const OOXML = "application/vnd.openxmlformats-officedocument";
const DOCX: FileType = { type: `${OOXML}.wordprocessingml.document`, ext: "docx", label: "DOCX" };
const PPTX: FileType = { type: `${OOXML}.presentationml.presentation`, ext: "pptx", label: "PPTX" };
const XLSX: FileType = { type: `${OOXML}.spreadsheetml.sheet`, ext: "xlsx", label: "XLSX" };
const ZIP: FileType = { type: "application/zip", ext: "zip", label: "ZIP" };
const PNG: FileType = { type: "image/png", ext: "png", label: "PNG" };
const JPEG: FileType = { type: "image/jpeg", ext: "jpg", label: "JPEG" };
const WEBP: FileType = { type: "image/webp", ext: "webp", label: "WebP" };

export const DOCUMENT_TYPES: readonly FileType[] = [PDF, EPUB, DOCX, PPTX, XLSX, ZIP];
export const IMAGE_TYPES: readonly FileType[] = [PNG, JPEG, WEBP];

const ascii = (b: Uint8Array, at: number, s: string) =>
  b.length >= at + s.length && [...s].every((ch, i) => b[at + i] === ch.charCodeAt(0));
const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The names in a ZIP's central directory (read from its end record); empty when it is not a readable ZIP. */
export function zipEntryNames(b: Uint8Array, max = 2000): string[] {
  const floor = Math.max(0, b.length - 65_557);
  let end = -1;
  for (let i = b.length - 22; i >= floor; i--)
    if (u32(b, i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return [];
  const names: string[] = [];
  const decoder = new TextDecoder();
  let at = u32(b, end + 16);
  for (let n = u16(b, end + 10); n > 0 && names.length < max; n--) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) break;
    const nameLength = u16(b, at + 28);
    names.push(decoder.decode(b.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
  }
  return names;
}

function zipKind(b: Uint8Array): FileType {
  // EPUB (OCF 3.0 §4.3): the first entry is `mimetype`, stored, holding application/epub+zip.
  const nameLength = u16(b, 26);
  if (ascii(b, 30, "mimetype") && ascii(b, 30 + nameLength + u16(b, 28), "application/epub+zip"))
    return EPUB;
  const names = zipEntryNames(b);
  if (names.includes("[Content_Types].xml")) {
    if (names.some((n) => n.startsWith("word/"))) return DOCX;
    if (names.some((n) => n.startsWith("ppt/"))) return PPTX;
    if (names.some((n) => n.startsWith("xl/"))) return XLSX;
  }
  return ZIP;
}

/** What these bytes are, or null when they are none of the types Lodestone stores. */
export function sniffFile(b: Uint8Array): FileType | null {
  if (ascii(b, 0, "%PDF-")) return PDF;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return zipKind(b);
  if (b[0] === 0x89 && ascii(b, 1, "PNG\r\n\x1a\n")) return PNG;
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return JPEG;
  if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return WEBP;
  return null;
}

/** Names a client may give a ZIP-based type (a browser may call a .docx a ZIP). */
const ZIP_ALIASES = ["application/zip", "application/x-zip-compressed", "application/x-zip"];
const mediaType = (header: string | null | undefined) =>
  (header ?? "").split(";")[0]!.trim().toLowerCase();

export type FileCheck =
  | { ok: true; file: FileType }
  | { ok: false; reason: "empty" | "not_allowed" | "mismatch"; sniffed: FileType | null };

/**
 * Checks an upload against an allow-list: the bytes decide what it is; a Content-Type that names a different type is
 * refused too (it would be stored as one thing and served as another). application/octet-stream or none is fine.
 */
export function checkUpload(
  bytes: Uint8Array,
  declared: string | null | undefined,
  allowed: readonly FileType[],
): FileCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty", sniffed: null };
  const sniffed = sniffFile(bytes);
  if (!sniffed || !allowed.some((t) => t.type === sniffed.type))
    return { ok: false, reason: "not_allowed", sniffed };
  const said = mediaType(declared);
  const zipFamily = sniffed.type === ZIP.type || sniffed.type.startsWith(OOXML) || sniffed === EPUB;
  const agrees =
    !said ||
    said === "application/octet-stream" ||
    said === sniffed.type ||
    (said === "image/jpg" && sniffed === JPEG) ||
    (zipFamily && ZIP_ALIASES.includes(said));
  return agrees ? { ok: true, file: sniffed } : { ok: false, reason: "mismatch", sniffed };
}
