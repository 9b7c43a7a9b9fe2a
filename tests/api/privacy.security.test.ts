// Right to erasure leaves no copy of the person behind: not in other leads' webhook payloads, their replays,
// stage reasons, exports or share links — while every count stays what it was.
import { describe, it, expect, beforeAll, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset } from "../support/fixtures";
import { api, captureViaGate } from "../support/api";
import { waitFor } from "../support/leads";
import { consume, receiver } from "../support/webhooks";
import { fetchWorker } from "../support/http";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";

const REFERRER = { email: "ada.referrer@contoso.example", name: "Ada Referrer" };
const today = new Date().toISOString().slice(0, 10);

let restore = () => {};
afterEach(() => restore());
beforeAll(async () => void (await ensureDefaultRules(db())));

const scored = (leadId: number) =>
  waitFor(
    () =>
      env.DB.prepare("SELECT 1 AS ok FROM leads WHERE id = ? AND scored_at IS NOT NULL")
        .bind(leadId)
        .first(),
    `scoring of lead ${leadId}`,
  );

/** Ada captures, then shares her link with Bea, who captures through it; a sales endpoint hears Bea's stage change. */
async function referralWithDelivery() {
  const asset = await makeAsset();
  const ada = await captureViaGate(asset.slug, { ...REFERRER, job_title: "CTO" });
  const { referral_code: code } = (await env.DB.prepare(
    "SELECT referral_code FROM leads WHERE id = ?",
  )
    .bind(ada)
    .first<{ referral_code: string }>())!;
  const bea = await captureViaGate(asset.slug, {
    email: "bea.colleague@contoso.example",
    name: "Bea",
    ref: code,
  });
  await scored(ada);
  await scored(bea);
  const created = await api("/api/v1/webhooks", {
    method: "POST",
    json: { url: "https://crm.example/hooks/erasure", event_types: ["lead.stage_changed"] },
  });
  const endpoint = (await created.json()) as { id: number };
  const crm = receiver([() => new Response("ok")]);
  restore = crm.restore;
  for (const [leadId, reason] of [
    [bea, "Came through a colleague's share link"],
    [ada, "Ada Referrer asked for a quote"],
  ] as const) {
    const res = await api(`/api/v1/leads/${leadId}/outcomes`, {
      method: "POST",
      json: { stage: "accepted", reason, external_id: `opp-${leadId}` },
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
  }
  const deliveries = await waitFor(async () => {
    const rows = (
      await env.DB.prepare(
        "SELECT id, lead_id, payload, status FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id",
      )
        .bind(endpoint.id)
        .all<{ id: number; lead_id: number; payload: string; status: string }>()
    ).results;
    return rows.length === 2 && rows.every((r) => r.status === "delivered") && rows;
  }, "both deliveries");
  const ofBea = deliveries.find((d) => d.lead_id === bea)!;
  const ofAda = deliveries.find((d) => d.lead_id === ada)!;
  // Before erasure Bea's payload names Ada, as sales needs it.
  expect(JSON.parse(ofBea.payload).data.lead.referred_by).toMatchObject({
    id: ada,
    email: REFERRER.email,
    name: REFERRER.name,
    erased: false,
  });
  return { asset, ada, bea, code, endpoint, crm, ofBea, ofAda };
}

describe("erasing a lead who referred others", () => {
  it("scrubs them from other leads' stored payloads, replays, lead records and exports; counts hold", async () => {
    const { asset, ada, bea, code, endpoint, crm, ofBea, ofAda } = await referralWithDelivery();
    const calibration = async () =>
      (await (
        await api(`/api/v1/reports/score-calibration?from=2020-01-01&to=${today}`)
      ).json()) as unknown;
    const bandsBefore = await calibration();

    expect((await api(`/api/v1/leads/${ada}`, { method: "DELETE" })).status).toBe(200);

    // Nothing stored anywhere still holds Ada's address or name.
    for (const [table, cols] of [
      ["webhook_deliveries", "payload"],
      ["webhook_attempts", "response_excerpt"],
      ["stage_history", "reason"],
      ["events", "data"],
      ["leads", "email || ' ' || coalesce(name, '')"],
      ["outcomes", "coalesce(reason, '')"],
    ] as const) {
      const hit = await env.DB.prepare(
        `SELECT count(*) AS n FROM ${table} WHERE ${cols} LIKE '%ada.referrer%' OR ${cols} LIKE '%Ada Referrer%'`,
      ).first<{ n: number }>();
      expect(hit!.n, `${table}.${cols}`).toBe(0);
    }

    // Bea's record and her stored payload now say "erased lead".
    const beaNow = (await (await api(`/api/v1/leads/${bea}`)).json()) as {
      referred_by: unknown;
    };
    const erased = { id: ada, email: null, name: null, erased: true };
    expect(beaNow.referred_by).toEqual(erased);
    const stored = await env.DB.prepare("SELECT payload FROM webhook_deliveries WHERE id = ?")
      .bind(ofBea.id)
      .first<{ payload: string }>();
    expect(JSON.parse(stored!.payload).data.lead.referred_by).toEqual(erased);

    // Replaying Bea's old delivery sends the scrubbed body; Ada's own is gone for good.
    crm.received.length = 0;
    const replay = await api(`/api/v1/webhooks/${endpoint.id}/deliveries/${ofBea.id}/replay`, {
      method: "POST",
    });
    expect(replay.status).toBe(202);
    await consume([{ type: "webhook.deliver", deliveryId: ofBea.id }]);
    expect(crm.received.length).toBeGreaterThan(0);
    for (const r of crm.received) {
      expect(r.body).not.toContain("ada.referrer");
      expect(r.body).not.toContain("Ada Referrer");
    }
    const own = await api(`/api/v1/webhooks/${endpoint.id}/deliveries/${ofAda.id}/replay`, {
      method: "POST",
    });
    expect(own.status).toBe(410);
    expect(((await own.json()) as { error: { code: string } }).error.code).toBe("GONE");

    // Exports leave her out; aggregates keep her.
    const csv = await (await api("/api/v1/reports/leads.csv")).text();
    expect(csv).not.toContain("ada.referrer");
    expect(csv).toContain("bea.colleague@contoso.example");
    expect(await calibration()).toEqual(bandsBefore);
    const rollup = await env.DB.prepare(
      "SELECT sum(new_leads) AS n FROM asset_daily WHERE asset_id = ?",
    )
      .bind(asset.id)
      .first<{ n: number }>();
    expect(rollup!.n).toBe(2);

    // Her old share link no longer credits anyone.
    const share = await fetchWorker(`/r/${code}`, { redirect: "manual" });
    expect(share.headers.get("location") ?? "").not.toContain(code);
  });
});
