// Who may touch assets by API, and what an upload or a link cannot do: sales tokens neither read nor write, an
// anonymous upload is refused before its body is read, a draft's cover is not public, a file name cannot climb.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api, makeToken } from "../support/api";
import { fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { pdfBytes, pngBytes } from "../support/files";

const rows = async () =>
  (await env.DB.prepare("SELECT id, title, file_key, status FROM assets ORDER BY id").all())
    .results;
const put = (path: string, body: Uint8Array, type: string, token?: string) =>
  api(path, { method: "PUT", body, headers: { "content-type": type }, token });

describe("scopes", () => {
  it("a sales token can neither create, edit, upload to, delete nor read an asset", async () => {
    const { token } = await makeToken(["sales"], "crm");
    const a = await makeAsset();
    const before = await rows();
    const calls = [
      api("/api/v1/assets", {
        method: "POST",
        token,
        json: { slug: "sales-made", kind: "report", title: "No" },
      }),
      api(`/api/v1/assets/${a.id}`, { method: "PATCH", token, json: { title: "Hijacked" } }),
      api(`/api/v1/assets/${a.id}`, { method: "DELETE", token }),
      put(`/api/v1/assets/${a.id}/file`, pdfBytes(), "application/pdf", token),
      put(`/api/v1/assets/${a.id}/cover`, pngBytes(), "image/png", token),
      api(`/api/v1/assets/${a.id}`, { token }),
      api("/api/v1/assets", { token }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
    expect(await rows()).toEqual(before);
  });

  it("a marketing token may do all of it", async () => {
    const { token } = await makeToken(["marketing"], "cms");
    const res = await api("/api/v1/assets", {
      method: "POST",
      token,
      json: {
        slug: `cms-${crypto.randomUUID().slice(0, 6)}`,
        kind: "report",
        title: "From the CMS",
      },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect(
      (await put(`/api/v1/assets/${id}/file`, pdfBytes(), "application/pdf", token)).status,
    ).toBe(200);
    const audit = await env.DB.prepare(
      "SELECT action, actor_label FROM audit_log WHERE subject_type = 'asset' AND subject_id = ? ORDER BY id",
    )
      .bind(String(id))
      .all();
    expect(audit.results).toEqual([
      { action: "asset.create", actor_label: "token cms" },
      { action: "asset.file", actor_label: "token cms" },
    ]);
  });

  it("an upload without a token is refused on its declared size before anything is read", async () => {
    const a = await makeAsset();
    const res = await fetchWorker(`/api/v1/assets/${a.id}/file`, {
      method: "PUT",
      body: pdfBytes(),
      headers: { "content-type": "application/pdf", "content-length": String(200 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    const anon = await fetchWorker(`/api/v1/assets/${a.id}/file`, {
      method: "PUT",
      body: pdfBytes(),
      headers: { "content-type": "application/pdf" },
    });
    expect(anon.status).toBe(401);
  });
});

describe("what uploads and links cannot do", () => {
  it("a file name cannot climb out of the asset's folder or split the download's header", async () => {
    const a = await makeAsset({ status: "draft" });
    const res = await put(
      `/api/v1/assets/${a.id}/file?name=${encodeURIComponent("../../secrets\r\nX-Evil: 1.pdf")}`,
      pdfBytes(),
      "application/pdf",
    );
    expect(res.status).toBe(200);
    const row = (await env.DB.prepare("SELECT file_key, file_name FROM assets WHERE id = ?")
      .bind(a.id)
      .first<{ file_key: string; file_name: string }>())!;
    expect(row.file_key.startsWith(`assets/${a.id}/`)).toBe(true);
    expect(row.file_key.split("/")).toHaveLength(4);
    expect(row.file_name).not.toMatch(/[\r\n/\\]/);
  });

  it("a draft's cover is not public, and a published one's is served as the image it is", async () => {
    const a = await makeAsset({ status: "draft" });
    expect((await put(`/api/v1/assets/${a.id}/cover`, pngBytes(), "image/png")).status).toBe(200);
    expect((await fetchWorker(`/p/${a.slug}/cover`)).status).toBe(404);
    await api(`/api/v1/assets/${a.id}`, { method: "PATCH", json: { status: "published" } });
    const cover = await fetchWorker(`/p/${a.slug}/cover`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get("x-content-type-options")).toBe("nosniff");
    expect(cover.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("a link asset's URL stays https: a stored http link is never redirected to", async () => {
    const a = await makeAsset({
      kind: "link",
      status: "published",
      fileKey: null,
      linkUrl: "http://plain.example.com/",
    });
    const { download_url } = (await (
      await fetchWorker(`/p/${a.slug}`, {
        method: "POST",
        body: JSON.stringify({ email: "l@example.com", name: "L" }),
        headers: { "content-type": "application/json" },
      })
    ).json()) as { download_url: string };
    const open = await fetchWorker(new URL(download_url).pathname);
    expect(open.status).toBe(404);
    expect(open.headers.get("location")).toBeNull();
  });
});
