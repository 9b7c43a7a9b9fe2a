// Offline conversion files: the leads that reached a stage go back to Google, Microsoft and Meta in each one's format.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset, STANDARD_FORM } from "../support/fixtures";
import { postJson } from "../support/http";
import { api, makeToken } from "../support/api";
import {
  GOOGLE_CLICK_TEMPLATE,
  GOOGLE_ENHANCED_TEMPLATE,
  MICROSOFT_TEMPLATE,
  META_EVENT_KEYS,
  SHA256,
} from "./fixtures/offline-templates";

const DAY = 86_400_000;
const NOW = Date.now();
/** When the leads became MQLs (whole seconds), and when they clicked the ad: an hour before. */
const MQL_AT = Math.floor((NOW - 60_000) / 1000) * 1000;
const CLICK_AT = MQL_AT - 3_600_000;
const today = new Date(NOW).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(NOW - n * DAY).toISOString().slice(0, 10);
/** The template's time: "yyyy-MM-dd HH:mm:ss" at a fixed offset, computed here without Lodestone's code. */
const at = (ms: number, offsetHours = 0) =>
  new Date(ms + offsetHours * 3_600_000).toISOString().replace("T", " ").slice(0, 19);

const G = {
  a: "Cj0KCQiA-gclid-A",
  c: "Cj0KCQiA-gclid-C",
  d: "Cj0KCQiA-gclid-D",
  e: "Cj0KCQiA-gclid-E",
};
const MSCLKID = "f894f652ea334e739002f7167ab8f8e3";
const FBCLID = "IwAR-fbclid-A";
const FBC_COOKIE = "fb.1.1764000000000.IwAR-cookie-F";
const ids: Record<string, number> = {};

async function capture(
  slug: string,
  fields: Record<string, unknown>,
  visitor: { cookie?: string; country?: string } = {},
): Promise<number> {
  const init = {
    ...(visitor.cookie ? { headers: { cookie: visitor.cookie } } : {}),
    // Cloudflare's country: a soft opt-in (implied consent) applies only where the visitor's law allows it.
    ...(visitor.country ? { cf: { country: visitor.country } } : {}),
  } as RequestInit;
  const res = await postJson(`/p/${slug}`, { name: "Lee", ...fields }, init);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { lead_id: number }).lead_id;
}
const mql = (leadId: number, ms = MQL_AT) =>
  env.DB.prepare("UPDATE leads SET stage = 'mql', mql_at = ? WHERE id = ?").bind(ms, leadId).run();
const clickedAt = (leadId: number, ms: number) =>
  env.DB.prepare("UPDATE touches SET at = ? WHERE lead_id = ?").bind(ms, leadId).run();
let sales = "";
async function outcome(leadId: number, json: Record<string, unknown>) {
  const res = await api(`/api/v1/leads/${leadId}/outcomes`, {
    method: "POST",
    token: sales,
    json: { external_id: crypto.randomUUID(), ...json },
  });
  expect(res.status, await res.clone().text()).toBe(201);
}
const file = (q: string) => api(`/api/v1/exports/offline-conversions.csv?${q}`);
const lines = async (res: Response) => (await res.text()).split("\r\n");

beforeAll(async () => {
  sales = (await makeToken(["sales"])).token;
  const asset = await makeAsset();
  const implied = await makeAsset({
    form: { ...STANDARD_FORM, consent: { ...STANDARD_FORM.consent, mode: "implied" } },
  });
  ids.a = await capture(asset.slug, {
    email: "test@example.com",
    consent: "on",
    gclid: G.a,
    msclkid: MSCLKID,
    fbclid: FBCLID,
  });
  ids.b = await capture(asset.slug, {
    email: "  Jane.Doe@GMAIL.com ",
    consent: "on",
    phone: "+86 138 0013 8000",
  });
  ids.c = await capture(asset.slug, { email: "no.consent@contoso.example", gclid: G.c });
  ids.d = await capture(asset.slug, { email: "erased@contoso.example", consent: "on", gclid: G.d });
  ids.e = await capture(asset.slug, {
    email: "old.click@contoso.example",
    consent: "on",
    gclid: G.e,
  });
  ids.f = await capture(
    implied.slug,
    { email: "implied@contoso.example" },
    { cookie: `_fbc=${FBC_COOKIE}`, country: "GB" },
  );
  const basis = await env.DB.prepare("SELECT marketing_consent AS m FROM leads WHERE id = ?")
    .bind(ids.f)
    .first<{ m: string }>();
  expect(basis?.m).toBe("implied");
  for (const k of ["a", "b", "c", "d", "e", "f"]) await clickedAt(ids[k]!, CLICK_AT);
  await clickedAt(ids.e!, MQL_AT - 91 * DAY);
  for (const k of ["a", "b", "c", "d", "e", "f"]) await mql(ids[k]!);
  expect((await api(`/api/v1/leads/${ids.d}`, { method: "DELETE" })).status).toBe(200);
  // Sales: A accepted then won $1,234.50; F won straight away (which is its acceptance too).
  await outcome(ids.a!, { stage: "accepted" });
  await outcome(ids.a!, { stage: "won", amount: 1234.5, currency: "USD" });
  await outcome(ids.f!, { stage: "won", amount: 99, currency: "USD" });
});

describe("Google Ads click conversions", () => {
  it("follows the template: the time zone line, the header, one gclid a row, no BOM", async () => {
    const res = await file(`platform=google_ads&stage=mql&from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const l = await lines(res);
    expect(l.slice(0, 2)).toEqual(GOOGLE_CLICK_TEMPLATE);
    expect(l.slice(2)).toEqual([`${G.a},Marketing Qualified Lead,${at(MQL_AT)},,`, ""]);
  });

  it("leaves out leads without a marketing basis, erased leads and clicks older than 90 days", async () => {
    const res = await file(`platform=google_ads&stage=mql&from=${today}&to=${today}`);
    const body = await res.text();
    expect(body).not.toContain(G.c);
    expect(body).not.toContain(G.d);
    expect(body).not.toContain(G.e);
    expect(res.headers.get("x-conversions")).toBe("1");
    expect(res.headers.get("x-left-out-expired")).toBe("1");
  });

  it("writes won deals with their amount in the reporting currency, in the time zone asked for", async () => {
    const res = await file(
      `platform=google_ads&stage=won&from=${today}&to=${today}&conversion_name=Deal%2C%20closed&time_zone=%2B0800`,
    );
    const l = await lines(res);
    expect(l[0]).toBe("Parameters:TimeZone=+0800");
    expect(l[2]).toMatch(
      new RegExp(`^${G.a},"Deal, closed",\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,1234\\.50,USD$`),
    );
    expect(l).toHaveLength(4);
  });

  it("takes an IANA zone name and writes local times in it", async () => {
    const l = await lines(
      await file(`platform=google_ads&stage=mql&from=${today}&to=${today}&time_zone=Asia/Shanghai`),
    );
    expect(l[0]).toBe("Parameters:TimeZone=Asia/Shanghai");
    expect(l[2]).toBe(`${G.a},Marketing Qualified Lead,${at(MQL_AT, 8)},,`);
  });

  it("counts a lead as accepted when sales reported it won without accepting it first", async () => {
    const body = await (
      await file(`platform=google_ads&stage=accepted&from=${today}&to=${today}&variant=enhanced`)
    ).text();
    expect(body.split("\r\n").filter(Boolean)).toHaveLength(4); // two header lines, A and F
  });
});

describe("Google Ads enhanced conversions for leads", () => {
  it("hashes the email Google's way (trimmed, lower-cased, no dots in a gmail name) and the E.164 phone", async () => {
    const l = await lines(
      await file(`platform=google_ads&variant=enhanced&stage=mql&from=${today}&to=${today}`),
    );
    expect(l.slice(0, 2)).toEqual(GOOGLE_ENHANCED_TEMPLATE);
    expect(l).toContain(`${SHA256["test@example.com"]},,Marketing Qualified Lead,${at(MQL_AT)},,`);
    expect(l).toContain(
      `${SHA256["janedoe@gmail.com"]},${SHA256["+8613800138000"]},Marketing Qualified Lead,${at(MQL_AT)},,`,
    );
    // The click's age does not matter here; consent and erasure still do.
    const joined = l.join("\n");
    expect(l.filter(Boolean)).toHaveLength(2 + 4); // A, B, E (old click) and F (implied)
    expect(joined).not.toContain("no.consent");
  });
});

describe("Microsoft Advertising", () => {
  it("follows Microsoft's template with the msclkid", async () => {
    const res = await file(
      `platform=microsoft_ads&stage=won&from=${today}&to=${today}&time_zone=-0500`,
    );
    const l = await lines(res);
    expect(l[0]).toBe("Parameters:TimeZone=-0500;");
    expect(l[1]).toBe(MICROSOFT_TEMPLATE[1]);
    expect(l[2]).toMatch(
      new RegExp(`^${MSCLKID},Closed Won,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,1234\\.50,USD$`),
    );
    expect(l).toHaveLength(4);
  });

  it("writes the default time zone line of the template", async () => {
    const l = await lines(await file(`platform=microsoft_ads&stage=mql&from=${today}&to=${today}`));
    expect(l.slice(0, 2)).toEqual(MICROSOFT_TEMPLATE);
    expect(l[2]).toBe(`${MSCLKID},Marketing Qualified Lead,${at(MQL_AT)},,`);
  });
});

describe("Meta Conversions API events", () => {
  it("writes one server event a line with em hashed, fbc built from the fbclid or taken from the cookie", async () => {
    const res = await file(`platform=meta&stage=won&from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(".ndjson");
    const events = (await res.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(events).toHaveLength(2);
    const [a, f] = events;
    expect(Object.keys(a!).sort()).toEqual([...META_EVENT_KEYS, "custom_data"].sort());
    expect(a).toMatchObject({
      event_name: "Closed Won",
      action_source: "system_generated",
      user_data: { em: [SHA256["test@example.com"]], fbc: `fb.1.${CLICK_AT}.${FBCLID}` },
      custom_data: { value: 1234.5, currency: "USD" },
    });
    expect(Number.isInteger(a!.event_time)).toBe(true);
    expect(Math.abs(a!.event_time * 1000 - NOW)).toBeLessThan(120_000);
    expect(f!.user_data.fbc).toBe(FBC_COOKIE);
    expect(f!.event_id).not.toBe(a!.event_id);
  });

  it("hashes the phone as digits with the country code and leaves out events older than 7 days", async () => {
    await env.DB.prepare("UPDATE outcomes SET at = ? WHERE lead_id = ? AND stage = 'won'")
      .bind(NOW - 8 * DAY, ids.f)
      .run();
    await clickedAt(ids.f!, NOW - 9 * DAY);
    const won = await file(`platform=meta&stage=won&from=${daysAgo(10)}&to=${today}`);
    expect(won.headers.get("x-left-out-expired")).toBe("1");
    expect((await won.text()).trimEnd().split("\n")).toHaveLength(1);
    const mqls = (await (await file(`platform=meta&stage=mql&from=${today}&to=${today}`)).text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(mqls).toHaveLength(4); // A, B, E and F: Meta matches on the email, whatever the click's age
    // Meta keeps the dots of a gmail name (only Google drops them).
    const b = mqls.find((e) => e.user_data.em[0] === SHA256["jane.doe@gmail.com"]);
    expect(b?.user_data.ph).toEqual([SHA256["8613800138000"]]);
    expect(mqls.filter((e) => e.user_data.ph)).toHaveLength(1);
    expect(mqls.some((e) => "custom_data" in e)).toBe(false);
  });
});
