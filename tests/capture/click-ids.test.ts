// Ad platforms' click ids: carried from the landing URL into the touch, shown to sales and marketers, erased with the person.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { BASE, fetchWorker, postJson, submitForm } from "../support/http";
import { api } from "../support/api";
import { login } from "../admin/support/browser-like";

const GCLID = "Cj0KCQiA_test-GCLID_0123456789abcdef";
const MSCLKID = "f894f652ea334e739002f7167ab8f8e3";
const FBCLID = "IwAR2xYzF_abc-DEF123";
const BD_VID = "uANBIyIxUhNLgvw-nHmYnjT4nWckPjT";
const LI_FAT_ID = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? null;

async function touchOf(leadId: number) {
  return env.DB.prepare(
    "SELECT gclid, msclkid, fbclid, fbc, click_ids FROM touches WHERE lead_id = ? ORDER BY id DESC",
  )
    .bind(leadId)
    .first<Record<string, string | null>>();
}

describe("click ids on the landing URL reach the touch", () => {
  it("the landing page carries each valid click id in a hidden field, and leaves a malformed one out", async () => {
    const asset = await makeAsset();
    const res = await fetchWorker(
      `/p/${asset.slug}?utm_source=google&gclid=${GCLID}&bd_vid=${BD_VID}&msclkid=not-hex&ttclid=${"x".repeat(600)}`,
    );
    const html = await res.text();
    expect(hidden(html, "gclid")).toBe(GCLID);
    expect(hidden(html, "bd_vid")).toBe(BD_VID);
    expect(hidden(html, "msclkid")).toBeNull();
    expect(hidden(html, "ttclid")).toBeNull();
  });

  it("a browser's form post stores the hidden fields' click ids on the touch, and the API shows them", async () => {
    const asset = await makeAsset();
    const page = await (
      await fetchWorker(`/p/${asset.slug}?gclid=${GCLID}&li_fat_id=${LI_FAT_ID}`)
    ).text();
    const fields: Record<string, string> = {
      email: "clicker@contoso.example",
      name: "Cleo",
      gclid: hidden(page, "gclid")!,
      li_fat_id: hidden(page, "li_fat_id")!,
      landing_url: hidden(page, "landing_url")!.replace(/&amp;/g, "&"),
    };
    const res = await submitForm(`/p/${asset.slug}`, fields);
    expect(res.status).toBe(200);
    const lead = await env.DB.prepare("SELECT id FROM leads WHERE email = ?")
      .bind("clicker@contoso.example")
      .first<{ id: number }>();
    expect(await touchOf(lead!.id)).toEqual({
      gclid: GCLID,
      msclkid: null,
      fbclid: null,
      fbc: null,
      click_ids: JSON.stringify({ li_fat_id: LI_FAT_ID }),
    });
    const body = (await (await api(`/api/v1/leads/${lead!.id}`)).json()) as Record<string, any>;
    expect(body.touches[0].click_ids).toEqual({ gclid: GCLID, li_fat_id: LI_FAT_ID });
    expect(body.first_touch.click_ids).toEqual({ gclid: GCLID, li_fat_id: LI_FAT_ID });
  });

  it("a JSON client that sends only the landing URL gets its click ids read from its query", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, {
      email: "json.clicker@contoso.example",
      name: "Jay",
      landing_url: `${BASE}/p/${asset.slug}?msclkid=${MSCLKID}&fbclid=${FBCLID}&gdt_vid=wx0abc123`,
    });
    expect(res.status).toBe(201);
    const { lead_id } = (await res.json()) as { lead_id: number };
    expect(await touchOf(lead_id)).toMatchObject({
      msclkid: MSCLKID,
      fbclid: FBCLID,
      click_ids: JSON.stringify({ gdt_vid: "wx0abc123" }),
    });
  });

  it("Meta's _fbc cookie is kept as sent; a forged one is not", async () => {
    const asset = await makeAsset();
    const fbc = `fb.1.1764640000000.${FBCLID}`;
    const one = await postJson(
      `/p/${asset.slug}`,
      { email: "fbc.cookie@contoso.example", name: "Fay" },
      { headers: { cookie: `_ga=GA1.1.1; _fbc=${fbc}; other=1` } },
    );
    const two = await postJson(
      `/p/${asset.slug}`,
      { email: "fbc.forged@contoso.example", name: "Fred" },
      { headers: { cookie: "_fbc=fb.1.now.<script>" } },
    );
    const a = (await one.json()) as { lead_id: number };
    const b = (await two.json()) as { lead_id: number };
    expect((await touchOf(a.lead_id))!.fbc).toBe(fbc);
    expect((await touchOf(b.lead_id))!.fbc).toBeNull();
  });

  it.each([
    ["a gclid with a space and a quote", { gclid: 'abc "def' }],
    ["a gclid longer than any Google makes", { gclid: "a".repeat(513) }],
    ["an msclkid that is not 32 hex digits", { msclkid: "f894f652ea334e739002f7167ab8f8e3ff" }],
    ["a click id sent as a list", { fbclid: ["one", "two"] }],
    ["a click id sent as a number", { bd_vid: 12345 }],
    ["a li_fat_id that is not a UUID", { li_fat_id: "not-a-uuid" }],
  ])("%s is dropped and the lead is still captured", async (_, ids) => {
    const asset = await makeAsset();
    const email = `dropped-${crypto.randomUUID()}@contoso.example`;
    const res = await postJson(`/p/${asset.slug}`, { email, name: "Dee", ...ids });
    expect(res.status, await res.clone().text()).toBe(201);
    const { lead_id } = (await res.json()) as { lead_id: number };
    expect(await touchOf(lead_id)).toEqual({
      gclid: null,
      msclkid: null,
      fbclid: null,
      fbc: null,
      click_ids: null,
    });
  });
});

describe("click ids are the person's data", () => {
  it("the lead page shows each touch's click ids, in English and Chinese", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, {
      email: "shown.clicks@contoso.example",
      name: "Sia",
      gclid: GCLID,
      bd_vid: BD_VID,
    });
    const { lead_id } = (await res.json()) as { lead_id: number };
    for (const [locale, label] of [
      ["en", "Click ids"],
      ["zh-CN", "广告点击 ID"],
    ] as const) {
      const s = await login(undefined, locale);
      const html = await (await s.get(`/admin/leads/${lead_id}`)).text();
      expect(html).toContain(label);
      expect(html).toContain(
        `<li data-click-id="gclid"><code>gclid</code> <span class="click-id-value">${GCLID}</span></li>`,
      );
      expect(html).toContain(`data-click-id="bd_vid"`);
    }
  });

  it("the data export includes them and erasure clears them", async () => {
    const asset = await makeAsset();
    const res = await postJson(
      `/p/${asset.slug}`,
      { email: "erase.clicks@contoso.example", name: "Eve", gclid: GCLID, ttclid: "tt-123" },
      { headers: { cookie: `_fbc=fb.1.1764640000000.${FBCLID}` } },
    );
    const { lead_id } = (await res.json()) as { lead_id: number };
    const exported = (await (await api(`/api/v1/leads/${lead_id}/export`)).json()) as Record<
      string,
      any
    >;
    expect(exported.touches[0]).toMatchObject({
      gclid: GCLID,
      fbc: `fb.1.1764640000000.${FBCLID}`,
      click_ids: { ttclid: "tt-123" },
    });
    expect((await api(`/api/v1/leads/${lead_id}`, { method: "DELETE" })).status).toBe(200);
    expect(await touchOf(lead_id)).toEqual({
      gclid: null,
      msclkid: null,
      fbclid: null,
      fbc: null,
      click_ids: null,
    });
  });
});
