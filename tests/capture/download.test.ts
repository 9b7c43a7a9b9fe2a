import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset, makeSession } from "../support/fixtures";
import { fetchWorker, postJson } from "../support/http";
import { signLink } from "../../src/domain/signed-link";

const capture = async (slug: string, email: string) =>
  (await postJson(`/p/${slug}`, { email, name: "N" })).json<{
    lead_id: number;
    download_url: string;
  }>();
const pathOf = (url: string) => new URL(url).pathname;

describe("gated download", () => {
  it("a valid link streams the file from R2 with its type and name, and records the download", async () => {
    const asset = await makeAsset({ fileName: "2026 增长白皮书.pdf" });
    const { lead_id, download_url } = await capture(asset.slug, "dl@example.com");
    const res = await fetchWorker(pathOf(download_url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="2026 _____.pdf"; filename*=UTF-8''2026%20%E5%A2%9E%E9%95%BF%E7%99%BD%E7%9A%AE%E4%B9%A6.pdf`,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await res.text()).toBe("%PDF-1.4 test file");
    expect(
      await env.DB.prepare(
        "SELECT count(*) n FROM events WHERE lead_id = ? AND type = 'downloaded'",
      )
        .bind(lead_id)
        .first("n"),
    ).toBe(1);
    expect(
      await env.DB.prepare("SELECT sum(downloads) n FROM asset_daily WHERE asset_id = ?")
        .bind(asset.id)
        .first("n"),
    ).toBe(1);
  });

  it("a tampered link is refused with 403 and records nothing", async () => {
    const asset = await makeAsset();
    const { lead_id, download_url } = await capture(asset.slug, "tamper@example.com");
    const token = pathOf(download_url).slice(3);
    const [body, sig] = token.split(".");
    const flipped = sig!.slice(0, -2) + (sig!.endsWith("AA") ? "BB" : "AA");
    for (const bad of [
      `${body}.${flipped}`,
      `${body}x.${sig}`,
      "garbage",
      `${body}.${sig}.extra`,
    ]) {
      const res = await fetchWorker(`/d/${bad}`);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("This link is not valid");
    }
    expect(
      await env.DB.prepare(
        "SELECT count(*) n FROM events WHERE lead_id = ? AND type = 'downloaded'",
      )
        .bind(lead_id)
        .first("n"),
    ).toBe(0);
  });

  it("an expired link is refused with 410 and offers a fresh link through the gate", async () => {
    const asset = await makeAsset();
    const { lead_id } = await capture(asset.slug, "old@example.com");
    const token = await signLink(
      env.SIGNING_SECRET,
      "download",
      { l: lead_id, a: asset.id },
      Math.floor(Date.now() / 1000) - 60,
    );
    const res = await fetchWorker(`/d/${token}`);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain("This link has expired");
    expect(html).toContain(`href="/p/${asset.slug}"`);
  });

  it("a link lasts seven days", async () => {
    const asset = await makeAsset();
    const { download_url } = await capture(asset.slug, "week@example.com");
    const claims = JSON.parse(
      atob(pathOf(download_url).slice(3).split(".")[0]!.replace(/-/g, "+").replace(/_/g, "/")),
    );
    const days = (claims.e * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("an unsubscribe token cannot be used as a download link", async () => {
    const asset = await makeAsset();
    const { lead_id } = await capture(asset.slug, "purpose@example.com");
    const token = await signLink(
      env.SIGNING_SECRET,
      "unsubscribe",
      { l: lead_id, a: asset.id },
      null,
    );
    expect((await fetchWorker(`/d/${token}`)).status).toBe(403);
  });

  it("a course link opens the course room and counts as a download", async () => {
    const asset = await makeAsset({ kind: "course", fileKey: null, roomUrl: null });
    await makeSession(asset.id, Date.now() + 86_400_000);
    const { lead_id, download_url } = await capture(asset.slug, "room@example.com");
    const res = await fetchWorker(pathOf(download_url));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://meet.example.com/room-1");
    expect(
      await env.DB.prepare(
        "SELECT count(*) n FROM events WHERE lead_id = ? AND type = 'downloaded'",
      )
        .bind(lead_id)
        .first("n"),
    ).toBe(1);
  });

  it("a file missing from R2 is a 404 page, not a 5xx", async () => {
    const asset = await makeAsset();
    const { download_url } = await capture(asset.slug, "gone@example.com");
    await env.FILES.delete(asset.fileKey!);
    expect((await fetchWorker(pathOf(download_url))).status).toBe(404);
  });
});
