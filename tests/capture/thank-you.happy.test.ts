// Post/Redirect/Get at the gate: a browser is sent to the asset's thank-you page, which a reload shows again without
// recording anything; API clients keep their JSON answer.
import { describe, it, expect, vi } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { fetchWorker, postForm, postJson } from "../support/http";
import { QUEUE_TIMEOUTS, waitFor } from "../support/leads";

vi.setConfig(QUEUE_TIMEOUTS);

/** What a submission writes: the lead, its touches, events and score, the asset's rollup, its enrolments. */
async function recorded(assetId: number) {
  const count = (sql: string) =>
    env.DB.prepare(sql).bind(assetId).first<number>("n") as Promise<number>;
  return {
    leads: await count(
      "SELECT count(*) n FROM leads WHERE id IN (SELECT lead_id FROM touches WHERE asset_id = ?)",
    ),
    touches: await count("SELECT count(*) n FROM touches WHERE asset_id = ?"),
    events: await count("SELECT count(*) n FROM events WHERE asset_id = ?"),
    rollup: await env.DB.prepare(
      "SELECT coalesce(sum(submissions), 0) s, coalesce(sum(new_leads), 0) l FROM asset_daily WHERE asset_id = ?",
    )
      .bind(assetId)
      .first(),
    enrolments: await count("SELECT count(*) n FROM enrolments WHERE asset_id = ?"),
    ledger: await count(
      "SELECT count(*) n FROM score_ledger WHERE lead_id IN (SELECT lead_id FROM touches WHERE asset_id = ?)",
    ),
    updated: await env.DB.prepare(
      "SELECT max(updated_at) u FROM leads WHERE id IN (SELECT lead_id FROM touches WHERE asset_id = ?)",
    )
      .bind(assetId)
      .first("u"),
  };
}

describe("a browser's gate post", () => {
  it("answers 303 to the asset's thank-you page, whose path is the same for every lead", async () => {
    const asset = await makeAsset({ title: "Pixel Report" });
    const first = await postForm(`/p/${asset.slug}`, { email: "px1@example.com", name: "One" });
    const second = await postForm(`/p/${asset.slug}`, { email: "px2@example.com", name: "Two" });
    for (const res of [first, second]) {
      expect(res.status).toBe(303);
      expect(await res.text()).toBe("");
    }
    const a = new URL(first.headers.get("location")!, "https://lodestone.test");
    const b = new URL(second.headers.get("location")!, "https://lodestone.test");
    expect(a.pathname).toBe(`/p/${asset.slug}/thanks`);
    expect(b.pathname).toBe(a.pathname);
    expect([...a.searchParams.keys()]).toEqual(["t"]);
    expect(a.searchParams.get("t")).not.toBe(b.searchParams.get("t"));
  });

  it("lands on a page that a reload shows again, unchanged, recording nothing more", async () => {
    const asset = await makeAsset({ title: "Reload Report" });
    const res = await postForm(`/p/${asset.slug}`, { email: "reload@example.com", name: "Rae" });
    const location = res.headers.get("location")!;
    // The capture's own follow-up (scoring, on the queue) is done before counting.
    await waitFor(
      () =>
        env.DB.prepare(
          "SELECT 1 AS y FROM leads WHERE email = 'reload@example.com' AND scored_at IS NOT NULL",
        ).first("y"),
      "the lead to be scored",
    );
    const before = await recorded(asset.id);
    expect(before).toMatchObject({ leads: 1, touches: 1, rollup: { s: 1, l: 1 } });
    const pages: string[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await fetchWorker(location);
      expect(page.status).toBe(200);
      pages.push(await page.text());
    }
    expect(pages[0]).toContain("Thank you!");
    expect(pages[0]).toContain("Reload Report");
    expect(pages[0]).toMatch(/id="download" href="https:\/\/lodestone\.test\/d\/[\w-]+\.[\w-]+"/);
    expect(pages[0]).toMatch(/id="share-link">https:\/\/lodestone\.test\/r\/[2-9a-z]{10}\?to=/);
    // The same download link every time: signed from the submission, not from the reload.
    expect(new Set(pages).size).toBe(1);
    expect(await recorded(asset.id)).toEqual(before);
  });

  it("the thank-you page is never cached or indexed", async () => {
    const asset = await makeAsset();
    const res = await postForm(`/p/${asset.slug}`, { email: "nostore@example.com", name: "N" });
    const page = await fetchWorker(res.headers.get("location")!);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("x-robots-tag")).toBe("noindex");
  });

  it("a download link from the thank-you page downloads the file", async () => {
    const asset = await makeAsset();
    await env.FILES.put(asset.fileKey!, "%PDF-1.4 thanks", {
      httpMetadata: { contentType: "application/pdf" },
    });
    const res = await postForm(`/p/${asset.slug}`, { email: "dl@example.com", name: "D" });
    const html = await (await fetchWorker(res.headers.get("location")!)).text();
    const href = /id="download" href="([^"]+)"/.exec(html)![1]!;
    const file = await fetchWorker(new URL(href).pathname);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe("%PDF-1.4 thanks");
  });

  it("with errors re-renders the form with a message per field, and does not redirect", async () => {
    const asset = await makeAsset();
    const res = await postForm(`/p/${asset.slug}`, { email: "not-an-email", name: "" });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    const html = await res.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Enter a valid email address");
  });
});

describe("JSON clients", () => {
  it("keep the JSON answer, whether they send JSON or a form asking for JSON", async () => {
    const asset = await makeAsset();
    const json = await postJson(`/p/${asset.slug}`, { email: "api1@example.com", name: "A" });
    const form = await postForm(
      `/p/${asset.slug}`,
      { email: "api2@example.com", name: "B" },
      { headers: { accept: "application/json" } },
    );
    for (const res of [json, form]) {
      expect(res.status).toBe(201);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.json()).toEqual({
        lead_id: expect.any(Number),
        created: true,
        download_url: expect.stringMatching(/^https:\/\/lodestone\.test\/d\//),
        share_url: expect.stringMatching(/^https:\/\/lodestone\.test\/r\//),
        calendar_url: null,
        google_calendar_url: null,
        session_id: null,
        session_starts_at: null,
      });
    }
    const again = await postJson(`/p/${asset.slug}`, { email: "api1@example.com", name: "A" });
    expect(again.status).toBe(200);
  });

  it("asking for JSON with bad input gets the JSON error, not a page", async () => {
    const asset = await makeAsset();
    const res = await postForm(
      `/p/${asset.slug}`,
      { email: "nope" },
      { headers: { accept: "application/json" } },
    );
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { details: { fields: Record<string, string[]> } } }>();
    expect(Object.keys(body.error.details.fields)).toContain("email");
  });
});
