// Machines' opens and clicks (Apple Mail Privacy Protection, mail security scanners) through the real tracking links,
// the real queue and the real scoring consumer: recorded apart, never scored, confirming nothing.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  drainThenRestore,
  ofLead,
  sendRows,
  settledSends,
  tick,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { db } from "../support/fixtures";
import { fetchWorker } from "../support/http";
import { api } from "../support/api";
import { waitFor } from "../support/leads";
import { asPerson, IPHONE_SAFARI, timePasses } from "../support/people";
import { login } from "../admin/support/browser-like";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const APPLE_PROXY = { headers: { "user-agent": "Mozilla/5.0" }, ip: "17.58.101.44" };
// Defender's sandbox looks like Chrome; it gives itself away by where it runs and how fast it walks the message.
const CHROME_LIKE_SCANNER =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36";

const paths = (html: string, kind: "c" | "o") =>
  [...html.matchAll(new RegExp(`https?://[^"]+/t/${kind}/[^"]+`, "g"))].map(
    (m) => new URL(m[0]!.replace(/&amp;/g, "&")).pathname,
  );

/** A lead sent the welcome email (download and share links) by the real tick and consumer. */
async function welcomed(email: string, over: { doubleOptIn?: boolean } = {}) {
  await ensureDefaultRules(db());
  resend = fakeResend();
  const asset = await assetWithSequence(
    { name: "Watched", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] },
    over,
  );
  const { lead_id } = await captureLead(asset.slug, email);
  await tick(Date.now() + MINUTE);
  const [send] = await settledSends(ofLead(lead_id));
  const mail = resend.delivered.find((d) => d.to === email)!;
  return { asset, leadId: lead_id, sendId: send!.id as number, html: mail.html };
}

const tracked = (leadId: number, type: string) =>
  env.DB.prepare("SELECT machine, data FROM events WHERE lead_id = ? AND type = ? ORDER BY id")
    .bind(leadId, type)
    .all<{ machine: string | null; data: string }>()
    .then((r) => r.results);
const awards = (leadId: number, label: string) =>
  env.DB.prepare(
    "SELECT count(*) AS n FROM score_ledger WHERE lead_id = ? AND kind = 'award' AND reason LIKE ?",
  )
    .bind(leadId, `${label}%`)
    .first<{ n: number }>()
    .then((r) => r!.n);
const sendOf = async (sendId: number) => (await sendRows(`id = ${sendId}`))[0]!;
/** Long enough for a click's delayed scoring (1 s in tests) and a queue batch to have run. */
const scoringHadItsChance = () => new Promise((r) => setTimeout(r, 3500));

describe("opens", () => {
  it("Apple Mail Privacy Protection's fetch is a machine open that adds no score; the reader's own open later does", async () => {
    const { leadId, sendId, html } = await welcomed("mpp@example.com");
    const [pixel] = paths(html, "o");
    await timePasses(sendId, 20);

    expect((await fetchWorker(pixel!, APPLE_PROXY)).status).toBe(200);
    expect((await tracked(leadId, "email_opened")).map((e) => e.machine)).toEqual(["apple_mpp"]);
    expect(await sendOf(sendId)).toMatchObject({ opened_at: null });
    expect((await sendOf(sendId)).machine_opened_at).toBeTypeOf("number");

    await timePasses(sendId, 3600);
    await fetchWorker(pixel!, { ...asPerson(IPHONE_SAFARI), ip: "203.0.113.50" });
    await waitFor(async () => (await awards(leadId, "Opened a nurture email")) > 0, "open scored");
    expect((await tracked(leadId, "email_opened")).map((e) => e.machine)).toEqual([
      "apple_mpp",
      null,
    ]);
    expect((await sendOf(sendId)).opened_at).toBeTypeOf("number");
    await scoringHadItsChance();
    expect(await awards(leadId, "Opened a nurture email")).toBe(1);
  });

  it("the proxy fetching again records nothing more, and a pixel fetched a second after sending is a machine's", async () => {
    const { leadId, html } = await welcomed("instant@example.com");
    const [pixel] = paths(html, "o");
    await fetchWorker(pixel!, asPerson());
    await fetchWorker(pixel!, APPLE_PROXY);
    await fetchWorker(pixel!, APPLE_PROXY);
    expect((await tracked(leadId, "email_opened")).map((e) => e.machine)).toEqual(["too_soon"]);
    await scoringHadItsChance();
    expect(await awards(leadId, "Opened a nurture email")).toBe(0);
  });
});

describe("clicks", () => {
  it("a scanner clicking every link within seconds is a machine: no score, no click on the send", async () => {
    const { leadId, sendId, html } = await welcomed("scanned@example.com");
    await timePasses(sendId, 3600); // a late time-of-click scan: timing alone does not give it away
    const [download, share, hidden] = paths(html, "c");
    expect(hidden).toBeDefined();
    const scanner = { headers: { "user-agent": CHROME_LIKE_SCANNER }, ip: "198.51.100.77" };
    expect((await fetchWorker(download!, scanner)).status).toBe(302);
    expect((await fetchWorker(share!, scanner)).status).toBe(302);
    expect((await fetchWorker(hidden!, scanner)).status).toBe(204);

    expect((await tracked(leadId, "email_clicked")).map((e) => e.machine)).toEqual([
      "link_burst",
      "link_burst",
      "honeypot",
    ]);
    expect(await sendOf(sendId)).toMatchObject({ clicked_at: null });
    expect((await sendOf(sendId)).machine_clicked_at).toBeTypeOf("number");
    await scoringHadItsChance();
    expect(await awards(leadId, "Clicked a nurture email")).toBe(0);
  });

  it.each([
    ["Microsoft's gateway, within seconds of delivery", { ip: "40.107.22.71" }, "scanner_network"],
    [
      "Barracuda, by its agent",
      { headers: { "user-agent": "Barracuda Sentinel (EE)" } },
      "scanner_agent",
    ],
  ])("%s is a machine", async (_name, who, reason) => {
    const { leadId, html } = await welcomed(`gateway-${reason}@example.com`);
    const [download] = paths(html, "c");
    await fetchWorker(download!, { headers: { "user-agent": CHROME_LIKE_SCANNER }, ...who });
    expect((await tracked(leadId, "email_clicked")).map((e) => e.machine)).toEqual([reason]);
  });

  it("a scanner following the link on to the file gets it, but the download is a machine's: not counted, not scored", async () => {
    const { asset, leadId, html } = await welcomed("fetched@example.com");
    const [download] = paths(html, "c");
    const scanner = { headers: { "user-agent": "Barracuda Sentinel (EE)" } };
    const hop = await fetchWorker(download!, scanner);
    const file = await fetchWorker(new URL(hop.headers.get("location")!).pathname, scanner);
    expect(file.status).toBe(200);
    expect((await tracked(leadId, "downloaded")).map((e) => e.machine)).toEqual(["scanner_agent"]);
    const counted = await env.DB.prepare(
      "SELECT coalesce(sum(downloads), 0) AS n FROM asset_daily WHERE asset_id = ?",
    )
      .bind(asset.id)
      .first("n");
    expect(counted).toBe(0);
    await scoringHadItsChance();
    expect(await awards(leadId, "Downloaded content")).toBe(0);
  });

  it("a person's click a minute after delivery counts: it marks the send and scores", async () => {
    const { leadId, sendId, html } = await welcomed("reader@example.com");
    await timePasses(sendId, 60);
    const [download] = paths(html, "c");
    expect((await fetchWorker(download!, asPerson())).status).toBe(302);
    expect((await tracked(leadId, "email_clicked")).map((e) => e.machine)).toEqual([null]);
    expect((await sendOf(sendId)).clicked_at).toBeTypeOf("number");
    await waitFor(
      async () => (await awards(leadId, "Clicked a nurture email")) > 0,
      "click scored",
    );
  });

  it("a scanner following the opt-in confirmation link confirms nothing; the person's press of the button does", async () => {
    const { leadId, sendId, html } = await welcomed("doubleoptin@example.com", {
      doubleOptIn: true,
    });
    const [confirm, hidden] = paths(html, "c");
    const scanner = {
      headers: { "user-agent": "Mozilla/5.0 (compatible; Proofpoint URL Defense)" },
    };
    const hop = await fetchWorker(confirm!, scanner);
    const page = await fetchWorker(new URL(hop.headers.get("location")!).pathname, scanner);
    expect(page.status).toBe(200);
    await fetchWorker(hidden!, scanner);
    const enrolment = () =>
      env.DB.prepare("SELECT status FROM enrolments WHERE lead_id = ?")
        .bind(leadId)
        .first("status");
    expect(await enrolment()).toBe("pending_optin");
    expect(await tracked(leadId, "optin_confirmed")).toHaveLength(0);

    await timePasses(sendId, 120);
    const personHop = await fetchWorker(confirm!, asPerson());
    const action = new URL(personHop.headers.get("location")!).pathname;
    expect((await fetchWorker(action, { method: "POST", ...asPerson() })).status).toBe(200);
    expect(await enrolment()).toBe("active");
    expect(await tracked(leadId, "optin_confirmed")).toHaveLength(1);
  });
});

describe("figures", () => {
  it("the asset page and the lead API show people's and machines' opens and clicks apart", async () => {
    const { asset, leadId, sendId, html } = await welcomed("figures@example.com");
    const [pixel] = paths(html, "o");
    const [download] = paths(html, "c");
    await timePasses(sendId, 30);
    await fetchWorker(pixel!, APPLE_PROXY);
    await fetchWorker(download!, { headers: { "user-agent": "Barracuda Sentinel (EE)" } });
    await timePasses(sendId, 600);
    await fetchWorker(download!, asPerson());

    const page = await (await (await login()).get(`/admin/assets/${asset.id}`)).text();
    const cell = (name: string) =>
      new RegExp(`data-figure="${name}">([^<]*)<`).exec(page)?.[1]?.trim();
    expect(cell("opened")).toBe("0 (0%)");
    expect(cell("machine-opened")).toBe("1");
    expect(cell("clicked")).toBe("1 (100%)");
    expect(cell("machine-clicked")).toBe("1");
    expect(page).toContain("Apple Mail Privacy Protection");

    const lead = (await (await api(`/api/v1/leads/${leadId}`)).json()) as {
      timeline: { type: string; machine: string | null }[];
    };
    const engagement = lead.timeline.filter(
      (e) => e.type.startsWith("email_o") || e.type.startsWith("email_c"),
    );
    expect(engagement.map((e) => [e.type, e.machine]).sort()).toEqual([
      ["email_clicked", null],
      ["email_clicked", "scanner_agent"],
      ["email_opened", "apple_mpp"],
    ]);
  });
});
