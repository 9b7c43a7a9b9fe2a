import { describe, it, expect } from "vitest";
import { cleanWebUrl, oneLineHeader, sameOriginPath } from "../../src/domain/header-value";

describe("values bound for headers", () => {
  it.each([
    ["Guide\r\nBcc: x@example.com", "Guide Bcc: x@example.com"],
    ["A\n\n\nB", "A B"],
    ["Tab\there", "Tab here"],
    ["NUL\u0000and\u0007bell", "NULandbell"],
    ["line\u2028separator\u0085next", "line separator next"],
    ["  padded  ", "padded"],
    ["《白皮书》2026", "《白皮书》2026"],
  ])("%j becomes the one line %j", (input, out) => {
    expect(oneLineHeader(input)).toBe(out);
  });

  it.each([
    ["/admin", "/admin"],
    ["/admin/leads?stage=mql", "/admin/leads?stage=mql"],
    ["/admin/reports?from=2026-01-01#top", "/admin/reports?from=2026-01-01"],
    ["/admin/leads/%E6%9D%8E", "/admin/leads/%E6%9D%8E"],
    ["/admin/线索", "/admin/%E7%BA%BF%E7%B4%A2"],
    ["/admin/./leads", "/admin/leads"],
  ])("next=%j stays as %j", (next, out) => {
    expect(sameOriginPath(next, "/admin", "/fallback")).toBe(out);
  });

  it.each([
    "/admin/\r\nSet-Cookie: x=1",
    "/admin/\u0000",
    "/admin/ leads",
    "//evil.example/admin",
    "/\\evil.example",
    "/admin\\..\\..\\evil",
    "https://evil.example/admin",
    "javascript:alert(1)",
    "admin",
    "/administrator",
    "/admin/../evil",
    "/admin/%2e%2e/evil",
    "",
    undefined,
    42,
  ])("next=%j falls back", (next) => {
    expect(sameOriginPath(next, "/admin", "/fallback")).toBe("/fallback");
  });

  it("a web URL is written as the URL parser writes it, with nothing that splits a header", () => {
    expect(cleanWebUrl("https://example.com/a\r\nSet-Cookie: x")).toBe(
      "https://example.com/aSet-Cookie:%20x",
    );
    expect(cleanWebUrl("https://example.com/\u0000x")).toBe("https://example.com/x");
    expect(cleanWebUrl("javascript:alert(1)")).toBeNull();
    expect(cleanWebUrl("not a url")).toBeNull();
  });
});
