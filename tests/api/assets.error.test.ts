// Bad input to the assets API: every field's rule, a slug clash, unknown fields, status changes the lifecycle
// refuses, and files of the wrong type or size. Each answer is the error envelope naming the field; nothing changes.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { makeAsset } from "../support/fixtures";
import { epubBytes, pdfBytes, pngBytes } from "../support/files";

const slug = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;
const good = () => ({ slug: slug("err"), kind: "whitepaper", title: "Fine" });
const count = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM assets").first<{ n: number }>())!.n;

async function refused(res: Response, status: number, code: string, field?: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  const body = (await res.json()) as {
    error: { code: string; details?: { fields?: Record<string, string[]> } };
  };
  expect(body.error.code).toBe(code);
  if (field) expect(Object.keys(body.error.details?.fields ?? {})).toContain(field);
  return body;
}
const put = (path: string, body: Uint8Array, type: string) =>
  api(path, { method: "PUT", body, headers: { "content-type": type } });

describe("every field's rule, on create", () => {
  it.each([
    ["slug", { slug: "Not A Slug" }],
    ["slug", { slug: "x" }],
    ["kind", { kind: "video" }],
    ["title", { title: "" }],
    ["title", { title: "t".repeat(201) }],
    ["summary", { summary: "s".repeat(2001) }],
    ["outline", { outline: Array.from({ length: 31 }, (_, i) => `Line ${i}`) }],
    ["outline.0", { outline: [""] }],
    ["outline", { outline: "One\nTwo" }],
    ["locale", { locale: "fr" }],
    ["timezone", { timezone: "Mars/Olympus" }],
    ["room_url", { room_url: "ftp://files.example.com" }],
    ["link_url", { link_url: "http://video.example.com/plain" }],
    ["link_url", { link_url: "javascript:alert(1)" }],
    ["double_opt_in", { double_opt_in: "yes" }],
    ["sequence_id", { sequence_id: 999_999 }],
    ["sequence_id", { sequence_id: -1 }],
    ["form.fields.name", { form: { fields: { name: "sometimes" } } }],
    ["form.fields.fax", { form: { fields: { fax: "required" } } }],
    ["form.privacy.required", { form: { privacy: { required: "on" } } }],
    ["consent.mode", { consent: { mode: "forced" } }],
    ["consent.version", { consent: { version: "" } }],
    ["consent.basis", { consent: { mode: "required" } }],
    ["consent.basis", { consent: { mode: "required", basis: "because" } }],
    ["colour", { colour: "blue" }],
  ])("refuses a bad %s with a 400 naming it, and creates nothing", async (field, bad) => {
    const before = await count();
    await refused(
      await api("/api/v1/assets", { method: "POST", json: { ...good(), ...bad } }),
      400,
      "BAD_REQUEST",
      field,
    );
    expect(await count()).toBe(before);
  });

  it("asks for slug, kind and title", async () => {
    const body = await refused(
      await api("/api/v1/assets", { method: "POST", json: {} }),
      400,
      "BAD_REQUEST",
    );
    expect(Object.keys(body.error.details!.fields!).sort()).toEqual(["kind", "slug", "title"]);
  });
});

describe("slugs are unique", () => {
  it("a slug already taken is a 409 naming slug, on create and on patch", async () => {
    const taken = await makeAsset();
    const body = await refused(
      await api("/api/v1/assets", { method: "POST", json: { ...good(), slug: taken.slug } }),
      409,
      "CONFLICT",
      "slug",
    );
    expect(body.error.details!.fields!.slug).toEqual(["Another asset already uses this slug"]);
    const other = await makeAsset();
    await refused(
      await api(`/api/v1/assets/${other.id}`, { method: "PATCH", json: { slug: taken.slug } }),
      409,
      "CONFLICT",
      "slug",
    );
  });
});

describe("patches", () => {
  it("refuses a field that does not exist, by name, and changes nothing", async () => {
    const a = await makeAsset();
    const body = await refused(
      await api(`/api/v1/assets/${a.id}`, {
        method: "PATCH",
        json: { title: "New", file_key: "x" },
      }),
      400,
      "BAD_REQUEST",
      "file_key",
    );
    expect(body.error.details!.fields!.file_key).toEqual(["Unknown field"]);
    const row = await env.DB.prepare("SELECT title FROM assets WHERE id = ?").bind(a.id).first();
    expect(row).toEqual({ title: a.title });
  });

  it("checks the whole asset after merging: required consent needs its basis even if only the mode changes", async () => {
    const a = await makeAsset();
    await refused(
      await api(`/api/v1/assets/${a.id}`, {
        method: "PATCH",
        json: { consent: { mode: "required" } },
      }),
      400,
      "BAD_REQUEST",
      "consent.basis",
    );
  });

  it("answers 404 for an asset that does not exist", async () => {
    await refused(
      await api("/api/v1/assets/999999", { method: "PATCH", json: { title: "x" } }),
      404,
      "NOT_FOUND",
    );
    await refused(await api("/api/v1/assets/999999"), 404, "NOT_FOUND");
    await refused(await api("/api/v1/assets/999999", { method: "DELETE" }), 404, "NOT_FOUND");
    await refused(
      await put("/api/v1/assets/999999/file", pdfBytes(), "application/pdf"),
      404,
      "NOT_FOUND",
    );
  });
});

describe("status changes", () => {
  it("an archived asset stays archived (409)", async () => {
    const a = await makeAsset({ status: "archived" });
    for (const status of ["published", "draft", "unlisted"])
      await refused(
        await api(`/api/v1/assets/${a.id}`, { method: "PATCH", json: { status } }),
        409,
        "CONFLICT",
        "status",
      );
  });

  it("publishing needs what the kind delivers: a file kind's file, a link's URL", async () => {
    const bare = await makeAsset({
      status: "draft",
      kind: "report",
      fileKey: null,
      fileName: null,
    });
    await refused(
      await api(`/api/v1/assets/${bare.id}`, { method: "PATCH", json: { status: "published" } }),
      409,
      "CONFLICT",
      "file",
    );
    const link = await makeAsset({ status: "draft", kind: "link", fileKey: null });
    await refused(
      await api(`/api/v1/assets/${link.id}`, { method: "PATCH", json: { status: "unlisted" } }),
      409,
      "CONFLICT",
      "link_url",
    );
    // A live whitepaper cannot become a link with no URL either.
    const live = await makeAsset({ status: "published" });
    await refused(
      await api(`/api/v1/assets/${live.id}`, { method: "PATCH", json: { kind: "link" } }),
      409,
      "CONFLICT",
      "link_url",
    );
  });

  it("an unknown status is bad input", async () => {
    const a = await makeAsset();
    await refused(
      await api(`/api/v1/assets/${a.id}`, { method: "PATCH", json: { status: "deleted" } }),
      400,
      "BAD_REQUEST",
      "status",
    );
  });
});

describe("files and covers", () => {
  it.each([
    ["a PNG as the file", pngBytes(), "image/png"],
    [
      "HTML named a PDF",
      new TextEncoder().encode("<html><script>alert(1)</script>"),
      "application/pdf",
    ],
    ["a PDF sent as an image", pdfBytes(), "image/png"],
  ])("refuses %s with a 415 naming file, and keeps the old file", async (_what, bytes, type) => {
    const a = await makeAsset();
    await refused(
      await put(`/api/v1/assets/${a.id}/file`, bytes, type),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "file",
    );
    const row = await env.DB.prepare("SELECT file_key FROM assets WHERE id = ?").bind(a.id).first();
    expect(row).toEqual({ file_key: a.fileKey });
  });

  it("refuses an empty file (400) and a file for a kind that takes none (409)", async () => {
    const a = await makeAsset();
    await refused(
      await put(`/api/v1/assets/${a.id}/file`, new Uint8Array(), "application/pdf"),
      400,
      "BAD_REQUEST",
    );
    const course = await makeAsset({ kind: "course", fileKey: null });
    await refused(
      await put(`/api/v1/assets/${course.id}/file`, epubBytes(), "application/epub+zip"),
      409,
      "CONFLICT",
    );
  });

  it("refuses a file over 25 MB and a cover over 2 MB with a 413, and a PDF as a cover with a 415", async () => {
    const a = await makeAsset();
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    big.set(pdfBytes());
    await refused(
      await put(`/api/v1/assets/${a.id}/file`, big, "application/pdf"),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    const cover = new Uint8Array(2 * 1024 * 1024 + 1);
    cover.set(pngBytes());
    await refused(
      await put(`/api/v1/assets/${a.id}/cover`, cover, "image/png"),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    await refused(
      await put(`/api/v1/assets/${a.id}/cover`, pdfBytes(), "application/pdf"),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
      "cover",
    );
    const row = await env.DB.prepare("SELECT cover_key FROM assets WHERE id = ?")
      .bind(a.id)
      .first();
    expect(row).toEqual({ cover_key: null });
  });
});
