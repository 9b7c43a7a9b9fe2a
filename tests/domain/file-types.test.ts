// Uploads are told by their bytes: the allow-lists for asset files and images, and a Content-Type that lies.
import { describe, expect, it } from "vitest";
import { checkUpload, DOCUMENT_TYPES, IMAGE_TYPES, sniffFile } from "../../src/domain/file-types";
import * as f from "../support/files";

describe("what a file is, by its first bytes", () => {
  it.each([
    ["a PDF", f.pdfBytes(), "application/pdf"],
    ["an EPUB", f.epubBytes(), "application/epub+zip"],
    [
      "a Word document",
      f.docxBytes(),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    [
      "a PowerPoint deck",
      f.pptxBytes(),
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    [
      "an Excel workbook",
      f.xlsxBytes(),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    ["a plain ZIP", f.plainZipBytes(), "application/zip"],
    ["a PNG", f.pngBytes(), "image/png"],
    ["a JPEG", f.jpegBytes(), "image/jpeg"],
    ["a WebP", f.webpBytes(), "image/webp"],
  ])("knows %s", (_what, bytes, type) => {
    expect(sniffFile(bytes)?.type).toBe(type);
  });

  it.each([
    ["HTML", new TextEncoder().encode("<!doctype html><script>alert(1)</script>")],
    ["a GIF", new TextEncoder().encode("GIF89a....")],
    ["an MP4", new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32])],
    ["plain text", new TextEncoder().encode("just words")],
  ])("knows none of %s", (_what, bytes) => {
    expect(sniffFile(bytes)).toBeNull();
  });
});

describe("an upload against its allow-list", () => {
  it("takes a document sent as itself, as octet-stream, with no type, or a .docx a browser calls a ZIP", () => {
    for (const declared of [
      "application/pdf",
      "application/octet-stream",
      null,
      "application/pdf; charset=binary",
    ])
      expect(checkUpload(f.pdfBytes(), declared, DOCUMENT_TYPES).ok).toBe(true);
    expect(checkUpload(f.docxBytes(), "application/x-zip-compressed", DOCUMENT_TYPES).ok).toBe(
      true,
    );
  });

  it("refuses bytes of a type the list does not hold, whatever the header says", () => {
    expect(checkUpload(f.pngBytes(), "application/pdf", DOCUMENT_TYPES)).toMatchObject({
      ok: false,
      reason: "not_allowed",
    });
    expect(checkUpload(f.pdfBytes(), "image/png", IMAGE_TYPES)).toMatchObject({
      ok: false,
      reason: "not_allowed",
    });
  });

  it("refuses an allowed file sent as another type, and an empty body", () => {
    expect(checkUpload(f.pdfBytes(), "image/png", DOCUMENT_TYPES)).toMatchObject({
      ok: false,
      reason: "mismatch",
    });
    expect(checkUpload(new Uint8Array(), "application/pdf", DOCUMENT_TYPES)).toMatchObject({
      ok: false,
      reason: "empty",
    });
  });
});
