// Bad settings are refused one by one with the field named, and nothing is stored; the logo is checked by its bytes.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api, makeToken } from "../support/api";
import { fetchWorker } from "../support/http";
import { pdfBytes, pngBytes } from "../support/files";

const stored = async () =>
  (await env.DB.prepare("SELECT key, value FROM settings ORDER BY key").all()).results;

async function refused(res: Response, status: number, code: string, field?: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = (await res.json()) as {
    error: { code: string; details?: { fields?: Record<string, string[]> } };
  };
  expect(body.error.code).toBe(code);
  if (field) expect(Object.keys(body.error.details?.fields ?? {})).toEqual([field]);
}

describe("each setting's rule", () => {
  it.each([
    ["brand_name", { brand_name: "b".repeat(81) }],
    ["brand_name", { brand_name: "" }],
    ["brand_color", { brand_color: "blue" }],
    ["brand_color", { brand_color: "#12345" }],
    ["brand_color", { brand_color: "#12345g" }],
    ["privacy_url", { privacy_url: "http://acme.example/privacy" }],
    ["privacy_policy_url_en", { privacy_policy_url_en: "javascript:alert(1)" }],
    ["postal_address", { postal_address: "1\n2\n3\n4\n5\n6\n7" }],
    ["postal_address", { postal_address: "a".repeat(501) }],
    ["default_locale", { default_locale: "fr" }],
    ["time_zone", { time_zone: "Mars/Phobos" }],
    ["embed_origins.0", { embed_origins: ["http://www.acme.example"] }],
    ["embed_origins.0", { embed_origins: ["https://www.acme.example/blog"] }],
    ["embed_origins.0", { embed_origins: ["https://www.acme.example?x=1"] }],
    ["embed_origins", { embed_origins: "https://www.acme.example" }],
    [
      "embed_origins",
      { embed_origins: Array.from({ length: 21 }, (_, i) => `https://s${i}.acme.example`) },
    ],
    ["mql_threshold", { mql_threshold: 0 }],
    ["mql_threshold", { mql_threshold: 12.5 }],
    ["mql_threshold", { mql_threshold: "40" }],
    ["theme", { theme: "dark" }],
  ])("refuses a bad %s with a 400 naming it, and stores nothing", async (field, bad) => {
    const before = await stored();
    await refused(
      await api("/api/v1/settings", { method: "PATCH", json: bad }),
      400,
      "BAD_REQUEST",
      field,
    );
    expect(await stored()).toEqual(before);
  });
});

describe("the logo", () => {
  it("refuses a file that is not a PNG, JPEG or WebP (415), one over 2 MB (413), or nothing (400)", async () => {
    const put = (body: Uint8Array, type: string) =>
      api("/api/v1/settings/logo", { method: "PUT", body, headers: { "content-type": type } });
    await refused(await put(pdfBytes(), "image/png"), 415, "UNSUPPORTED_MEDIA_TYPE", "logo");
    await refused(
      await put(new TextEncoder().encode("<svg onload=alert(1)>"), "image/svg+xml"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "logo",
    );
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(pngBytes());
    await refused(await put(big, "image/png"), 413, "PAYLOAD_TOO_LARGE");
    await refused(await put(new Uint8Array(), "image/png"), 400, "BAD_REQUEST", "logo");
    expect((await fetchWorker("/brand/logo")).status).toBe(404);
  });
});

describe("only admins", () => {
  it("a marketing or sales token can neither read nor change the settings", async () => {
    const before = await stored();
    for (const scope of ["marketing", "sales"] as const) {
      const { token } = await makeToken([scope]);
      await refused(await api("/api/v1/settings", { token }), 403, "FORBIDDEN");
      await refused(
        await api("/api/v1/settings", { method: "PATCH", token, json: { brand_name: "Mine" } }),
        403,
        "FORBIDDEN",
      );
      await refused(
        await api("/api/v1/settings/logo", {
          method: "PUT",
          token,
          body: pngBytes(),
          headers: { "content-type": "image/png" },
        }),
        403,
        "FORBIDDEN",
      );
    }
    expect(await stored()).toEqual(before);
  });
});
