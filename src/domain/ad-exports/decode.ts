// The text of an uploaded export: encoding from its BOM, else UTF-8 when it is valid, else GB18030.

export type ExportEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type Decoded =
  | { ok: true; text: string; encoding: ExportEncoding; bom: boolean }
  | { ok: false; reason: string };

const strict = (label: ExportEncoding) => new TextDecoder(label, { fatal: true, ignoreBOM: true });

/** UTF-16 without a BOM: every other byte of plain-ASCII text is zero. */
function utf16WithoutBom(b: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(b.length, 400) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  if (oddZero > n / 2 / 2 && evenZero === 0) return "utf-16le";
  if (evenZero > n / 2 / 2 && oddZero === 0) return "utf-16be";
  return null;
}

/** Why bytes are not a CSV, when they plainly are something else. */
function notText(b: Uint8Array): string | null {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)
    return "This is a zip or Excel workbook (.xlsx), not a CSV: download the report as CSV";
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)
    return "This is an old Excel workbook (.xls), not a CSV: download the report as CSV";
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46)
    return "This is a PDF, not a CSV: download the report as CSV";
  return null;
}

/** Control characters other than tab, CR, LF and form feed: a decoded binary file is full of them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/**
 * Workers' TextDecoder decodes GBK and GB18030 (GB18030 is GBK's superset; the Encoding Standard
 * decodes both the same way), so no library is needed. A BOM decides first; then UTF-8 if the bytes
 * are valid UTF-8 (Google, Meta, LinkedIn, 巨量, 腾讯); else GB18030 (百度's GBK files).
 */
export function decodeExport(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: "The file is empty" };
  const other = notText(bytes);
  if (other) return { ok: false, reason: other };
  let encoding: ExportEncoding | null = null;
  let bom = true;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = "utf-8";
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = "utf-16le";
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = "utf-16be";
    body = bytes.subarray(2);
  } else bom = false;
  encoding ??= utf16WithoutBom(bytes);
  const tries: ExportEncoding[] = encoding ? [encoding] : ["utf-8", "gb18030"];
  for (const label of tries) {
    let text: string;
    try {
      text = strict(label).decode(body);
    } catch {
      continue;
    }
    const controls = text.match(CONTROL)?.length ?? 0;
    if (controls > 0 && controls * 100 > text.length)
      return { ok: false, reason: "The file is not text (it looks binary): upload the CSV export" };
    return { ok: true, text: text.replace(CONTROL, ""), encoding: label, bom };
  }
  return {
    ok: false,
    reason: encoding
      ? `The file starts as ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}`
      : "The file is not text in UTF-8, UTF-16 or GBK/GB18030: upload the CSV export",
  };
}
