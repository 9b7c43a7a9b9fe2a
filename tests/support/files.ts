// Test files as their first bytes make them: a PDF, images, and ZIPs laid out as EPUB and Office files are.
const enc = (s: string) => new TextEncoder().encode(s);

export const pdfBytes = (text = "test") => enc(`%PDF-1.4\n% ${text}\n%%EOF\n`);
export const pngBytes = () =>
  new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]);
export const jpegBytes = () =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
export const webpBytes = () => enc("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ");

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];

/** A ZIP of stored (uncompressed) entries, in order, with its central directory (CRCs left 0: nothing checks). */
export function zipOf(entries: { name: string; data: string }[]): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  for (const e of entries) {
    const name = [...enc(e.name)];
    const data = [...enc(e.data)];
    const offset = out.length;
    out.push(...u32(0x04034b50), ...u16(10), ...u16(0), ...u16(0), ...u32(0), ...u32(0));
    out.push(
      ...u32(data.length),
      ...u32(data.length),
      ...u16(name.length),
      ...u16(0),
      ...name,
      ...data,
    );
    central.push(
      ...u32(0x02014b50),
      ...u16(20),
      ...u16(10),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(0),
    );
    central.push(
      ...u32(data.length),
      ...u32(data.length),
      ...u16(name.length),
      ...u16(0),
      ...u16(0),
    );
    central.push(...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  const at = out.length;
  out.push(...central);
  out.push(
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
  );
  out.push(...u32(central.length), ...u32(at), ...u16(0));
  return new Uint8Array(out);
}

const ooxml = (dir: string) =>
  zipOf([
    { name: "[Content_Types].xml", data: "<Types/>" },
    { name: "_rels/.rels", data: "<Relationships/>" },
    { name: `${dir}/document.xml`, data: "<doc/>" },
  ]);
export const docxBytes = () => ooxml("word");
export const pptxBytes = () => ooxml("ppt");
export const xlsxBytes = () => ooxml("xl");
export const epubBytes = () =>
  zipOf([
    { name: "mimetype", data: "application/epub+zip" },
    { name: "META-INF/container.xml", data: "<container/>" },
  ]);
export const plainZipBytes = () => zipOf([{ name: "slides/readme.txt", data: "hello" }]);
