import { describe, it, expect, vi } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset, makeSession, db } from "../support/fixtures";
import { fetchWorker, postJson } from "../support/http";
import { QUEUE_TIMEOUTS, waitFor } from "../support/leads";
import { asPerson } from "../support/people";

vi.setConfig(QUEUE_TIMEOUTS);
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import { clickUrl, openPixelUrl } from "../../src/services/nurture/links";

async function leadWithSend(email: string) {
  await ensureDefaultRules(db());
  const asset = await makeAsset();
  const { lead_id } = await (
    await postJson(`/p/${asset.slug}`, { email, name: "E", company: "Acme" })
  ).json<{ lead_id: number }>();
  const now = Date.now();
  const send = await env.DB.prepare(
    "INSERT INTO sends (enrolment_id, step_id, lead_id, asset_id, status, attempts, created_at, updated_at) VALUES (?, 1, ?, ?, 'sent', 1, ?, ?) RETURNING id",
  )
    .bind(900000 + lead_id, lead_id, asset.id, now, now)
    .first<{ id: number }>();
  return { leadId: lead_id, sendId: send!.id };
}

const reasons = (leadId: number) =>
  env.DB.prepare("SELECT reason FROM score_ledger WHERE lead_id = ?")
    .bind(leadId)
    .all<{ reason: string }>()
    .then((r) => r.results.map((x) => x.reason).join(" | "));

describe("email engagement feeds the score", () => {
  it("a tracked click on a pricing link scores as an email click and as a pricing visit", async () => {
    const { leadId, sendId } = await leadWithSend("pricing@acme.example");
    const url = await clickUrl("https://lodestone.test", env.SIGNING_SECRET, {
      s: sendId,
      u: "https://www.example.com/pricing?plan=team",
    });
    expect((await fetchWorker(new URL(url).pathname, asPerson())).status).toBe(302);
    const ledger = await waitFor(async () => {
      const r = await reasons(leadId);
      return r.includes("Clicked a nurture email") && r.includes("Visited pricing or demo")
        ? r
        : null;
    }, "click scoring");
    expect(ledger).toContain("Visited pricing or demo");
  });

  it("the first open of an email scores once; a second open adds nothing", async () => {
    const { leadId, sendId } = await leadWithSend("opener@acme.example");
    const pixel = new URL(
      await openPixelUrl("https://lodestone.test", env.SIGNING_SECRET, { s: sendId }),
    ).pathname;
    await fetchWorker(pixel, asPerson());
    await waitFor(
      async () => ((await reasons(leadId)).includes("Opened a nurture email") ? true : null),
      "open scoring",
    );
    await fetchWorker(pixel, asPerson());
    await new Promise((r) => setTimeout(r, 300));
    const opens = (await env.DB.prepare(
      "SELECT count(*) n FROM events WHERE lead_id = ? AND type = 'email_opened'",
    )
      .bind(leadId)
      .first<{ n: number }>())!.n;
    expect(opens).toBe(1);
  });

  it("opening the course room while the session runs is joining it, and scores as such", async () => {
    await ensureDefaultRules(db());
    const asset = await makeAsset({ kind: "course", fileKey: null });
    // Signed up before the session, opened while it runs (seats are taken only before the start).
    const session = await makeSession(asset.id, Date.now() + 3_600_000);
    const { lead_id, download_url } = await (
      await postJson(`/p/${asset.slug}`, { email: "joiner@acme.example", name: "J" })
    ).json<{ lead_id: number; download_url: string }>();
    await env.DB.prepare("UPDATE course_sessions SET starts_at = ? WHERE id = ?")
      .bind(Date.now() - 10 * 60_000, session.id)
      .run();
    expect((await fetchWorker(new URL(download_url).pathname)).status).toBe(302);
    expect(
      await env.DB.prepare(
        "SELECT count(*) n FROM events WHERE lead_id = ? AND type = 'session_joined'",
      )
        .bind(lead_id)
        .first("n"),
    ).toBe(1);
    await waitFor(
      async () => ((await reasons(lead_id)).includes("Joined a course session") ? true : null),
      "session scoring",
    );
  });
});
