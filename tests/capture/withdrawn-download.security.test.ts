// A signed download link is only as good as its asset: a draft or archived asset serves nothing (410,
// "withdrawn"); an unlisted one serves its file to link holders while it has no public page.
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { signLink } from "../../src/domain/signed-link";
import { fetchWorker, postJson } from "../support/http";
import { makeAsset, makeSession } from "../support/fixtures";
import { insertLead } from "../support/leads";
import { login } from "../admin/support/browser-like";

async function downloadLink(assetId: number) {
  const leadId = await insertLead();
  const token = await signLink(
    env.SIGNING_SECRET,
    "download",
    { l: leadId, a: assetId },
    Math.floor(Date.now() / 1000) + 3600,
  );
  return { leadId, path: `/d/${token}` };
}

async function downloadEvents(leadId: number): Promise<number> {
  return (await env.DB.prepare(
    "SELECT count(*) n FROM events WHERE lead_id = ? AND type IN ('downloaded','session_joined')",
  )
    .bind(leadId)
    .first<number>("n"))!;
}

describe("downloads of an asset that is not out", () => {
  it.each([
    ["draft", "en", "This content has been withdrawn"],
    ["archived", "en", "This content has been withdrawn"],
    ["draft", "zh-CN", "该内容已下线"],
    ["archived", "zh-CN", "该内容已下线"],
  ] as const)(
    "the link of an asset in %s answers 410 withdrawn (%s), serves no bytes and records nothing",
    async (status, locale, words) => {
      const asset = await makeAsset({ status, locale });
      const { leadId, path } = await downloadLink(asset.id);
      const res = await fetchWorker(path);
      expect(res.status).toBe(410);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("content-disposition")).toBeNull();
      const html = await res.text();
      expect(html).toContain(words);
      expect(html).not.toContain("%PDF");
      expect(await downloadEvents(leadId)).toBe(0);
    },
  );

  it("a withdrawn course does not open its room", async () => {
    const asset = await makeAsset({
      kind: "course",
      status: "draft",
      fileKey: null,
      roomUrl: "https://meet.example.com/secret-room",
    });
    await makeSession(asset.id, Date.now() + 3600_000);
    const { leadId, path } = await downloadLink(asset.id);
    const res = await fetchWorker(path);
    expect(res.status).toBe(410);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).not.toContain("secret-room");
    expect(await downloadEvents(leadId)).toBe(0);
  });

  it("an unlisted asset serves its file to a link holder, but has no public page or gate", async () => {
    const asset = await makeAsset({ status: "unlisted" });
    const { leadId, path } = await downloadLink(asset.id);
    const res = await fetchWorker(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("%PDF");
    expect(await downloadEvents(leadId)).toBe(1);
    expect((await fetchWorker(`/p/${asset.slug}`)).status).toBe(404);
    const gate = await postJson(`/p/${asset.slug}`, { email: "unlisted@example.com", name: "U" });
    expect(gate.status).toBe(404);
  });

  it("a published asset's link still works", async () => {
    const asset = await makeAsset();
    const { path } = await downloadLink(asset.id);
    expect((await fetchWorker(path)).status).toBe(200);
  });
});

describe("statuses in the dashboard", () => {
  it("a marketer can unlist and archive an asset, archived for good; an unknown status is refused", async () => {
    const asset = await makeAsset();
    const s = await login();
    for (const status of ["unlisted", "draft", "published", "archived"]) {
      const res = await s.post(`/admin/assets/${asset.id}/status`, { status });
      expect(res.status).toBe(303);
      const row = await env.DB.prepare("SELECT status FROM assets WHERE id = ?")
        .bind(asset.id)
        .first<{ status: string }>();
      expect(row!.status).toBe(status);
    }
    const bad = await s.post(`/admin/assets/${asset.id}/status`, { status: "deleted" });
    expect(bad.status).toBe(400);
    const back = await s.post(`/admin/assets/${asset.id}/status`, { status: "draft" });
    expect(back.status).toBe(409);
    const detail = await (await s.get(`/admin/assets/${asset.id}`)).text();
    expect(detail).toContain("Unlisted");
    expect(detail).toContain("Archived");
  });
});
