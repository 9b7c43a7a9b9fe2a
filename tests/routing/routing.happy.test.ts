// Sales routing: MQLs get an owner by rule, round robin; the owner is mailed; a lapsed lead moves on once per deadline.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset } from "../support/fixtures";
import { api } from "../support/api";
import { QUEUE_TIMEOUTS, waitFor } from "../support/leads";
import { makeEndpoint } from "../support/webhooks";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import { runHandoffTick } from "../../src/jobs/handoff-tick";
import { clearRules, makeRule, person, qualifiedLead, removePerson, routingOf } from "./support";

vi.setConfig(QUEUE_TIMEOUTS);
let resend: ResendFake;
beforeAll(async () => {
  resend = fakeResend();
  await ensureDefaultRules(db());
});
afterAll(() => resend.restore());
beforeEach(clearRules);

const mailsTo = (email: string, kind: string, leadId?: number) =>
  resend.delivered.filter(
    (d) =>
      d.to === email &&
      d.tags.some((t) => t.value === kind) &&
      (leadId === undefined || d.html.includes(`/admin/leads/${leadId}"`)),
  );

describe("routing a new MQL", () => {
  it("round robin across three sales people gives 1-2-3-1", async () => {
    const asset = await makeAsset();
    const team = [await person("sales"), await person("sales"), await person("admin")];
    await makeRule({ position: 1, match: "default", team: team.map((p) => p.id) });
    const owners: (number | null)[] = [];
    for (let i = 0; i < 4; i++)
      owners.push((await routingOf(await qualifiedLead(asset.id)))!.owner_id);
    expect(owners).toEqual([team[0]!.id, team[1]!.id, team[2]!.id, team[0]!.id]);
  });

  it("a rule by country wins over the default, and the deadline is two working days on", async () => {
    const asset = await makeAsset();
    const china = await person("sales");
    const rest = await person("sales");
    await makeRule({ position: 50, match: "default", team: [rest.id] });
    await makeRule({ position: 1, match: "country", values: ["cn"], team: [china.id] });
    const tuesday = Date.UTC(2026, 11, 1, 10);
    const lead = await qualifiedLead(asset.id, { country: "CN", now: tuesday });
    const r = (await routingOf(lead))!;
    expect(r.owner_id).toBe(china.id);
    expect(r.owner_assigned_at).toBe(tuesday);
    expect(r.accept_by).toBe(Date.UTC(2026, 11, 3, 10)); // Thursday, same time (UTC workspace)
    expect((await routingOf(await qualifiedLead(asset.id, { country: "US" })))!.owner_id).toBe(
      rest.id,
    );
  });

  it("a removed teammate is skipped, and a team with nobody left hands the lead to marketing, flagged", async () => {
    const asset = await makeAsset();
    const gone = await person("sales");
    const here = await person("sales");
    const rule = await makeRule({ position: 1, match: "default", team: [gone.id, here.id] });
    await removePerson(gone.id);
    expect((await routingOf(await qualifiedLead(asset.id)))!.owner_id).toBe(here.id);
    expect((await routingOf(await qualifiedLead(asset.id)))!.owner_id).toBe(here.id);
    await removePerson(here.id);
    const flagged = (await routingOf(await qualifiedLead(asset.id)))!;
    expect(flagged).toMatchObject({ owner_id: null, accept_by: null, routing_rule_id: rule.id });
    expect(flagged.routing_flagged_at).not.toBeNull();
  });

  it("no rules: an MQL has no owner and nothing is mailed", async () => {
    const asset = await makeAsset();
    const r = (await routingOf(await qualifiedLead(asset.id)))!;
    expect(r).toMatchObject({ owner_id: null, routing_rule_id: null, routing_flagged_at: null });
  });

  it("the owner is mailed in their language with the summary, why this score, the deadline and a link", async () => {
    const asset = await makeAsset();
    const owner = await person("sales", { locale: "zh-CN", name: "王芳" });
    await makeRule({ position: 1, match: "default", team: [owner.id] });
    const lead = await qualifiedLead(asset.id);
    const mail = await waitFor(async () => mailsTo(owner.email, "lead_routed")[0], "owner mail");
    expect(mail.subject).toContain("新的合格线索");
    expect(mail.text).toContain("王芳");
    expect(mail.text).toContain("评分依据");
    expect(mail.html).toContain(`https://lodestone.test/admin/leads/${lead}`);
    expect(mail.tags).toContainEqual({ name: "category", value: "team" });
  });

  it("the webhook payload names the owner and the deadline", async () => {
    const asset = await makeAsset();
    const endpoint = await makeEndpoint(["lead.qualified"]);
    const owner = await person("sales");
    await makeRule({ position: 1, match: "default", team: [owner.id] });
    const lead = await qualifiedLead(asset.id);
    const row = await env.DB.prepare(
      "SELECT payload FROM webhook_deliveries WHERE endpoint_id = ? AND lead_id = ?",
    )
      .bind(endpoint.id, lead)
      .first<{ payload: string }>();
    const data = JSON.parse(row!.payload).data.lead;
    const r = (await routingOf(lead))!;
    expect(data.owner).toEqual({ id: owner.id, name: expect.any(String), email: owner.email });
    expect(data.accept_by).toBe(new Date(r.accept_by!).toISOString());
    expect(data.accepted_at).toBeNull();
    expect(data.routing_flagged).toBe(false);
  });

  it("the lead API shows the owner and deadline, and accepting stops the clock (twice is harmless)", async () => {
    const asset = await makeAsset();
    const owner = await person("sales");
    await makeRule({ position: 1, match: "default", team: [owner.id] });
    const lead = await qualifiedLead(asset.id);
    const got = await (await api(`/api/v1/leads/${lead}`)).json<Record<string, unknown>>();
    expect(got.owner).toMatchObject({ id: owner.id });
    expect(got.accept_by).toEqual(expect.any(String));
    const first = await api(`/api/v1/leads/${lead}/accept`, { method: "POST" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: true, owner_id: owner.id });
    const again = await api(`/api/v1/leads/${lead}/accept`, { method: "POST" });
    expect(await again.json()).toMatchObject({ accepted: false });
    expect((await routingOf(lead))!).toMatchObject({
      accept_by: null,
      accepted_at: expect.any(Number),
    });
  });
});

describe("a lead nobody accepted in time", () => {
  it("moves to the next person once per deadline even when the tick runs twice, and marketing hears of it", async () => {
    const asset = await makeAsset();
    const [a, b, c] = [await person("sales"), await person("sales"), await person("sales")];
    const marketer = await person("marketer");
    await makeRule({ position: 1, match: "default", team: [a.id, b.id, c.id] });
    const lead = await qualifiedLead(asset.id);
    const first = (await routingOf(lead))!;
    const lapsedAt = first.accept_by! + 60_000;
    await runHandoffTick(env, lapsedAt);
    await runHandoffTick(env, lapsedAt);
    const moved = await waitFor(async () => {
      const r = await routingOf(lead);
      return r && r.owner_id !== first.owner_id ? r : null;
    }, "the lead handed on");
    const order = [a.id, b.id, c.id];
    expect(moved.owner_id).toBe(order[(order.indexOf(first.owner_id!) + 1) % 3]);
    expect(JSON.parse(moved.routing_tried!)).toEqual([first.owner_id]);
    expect(moved.accept_by!).toBeGreaterThanOrEqual(first.accept_by!);
    await waitFor(async () => mailsTo(marketer.email, "lead_lapsed", lead)[0], "marketing told");
    // Both ticks' messages are consumed; the second found the new deadline and moved nothing.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await routingOf(lead))!.owner_id).toBe(moved.owner_id);
    expect(mailsTo(marketer.email, "lead_lapsed", lead)).toHaveLength(1);
  });

  it("after the whole team let it lapse, marketing holds it, flagged", async () => {
    const asset = await makeAsset();
    const [a, b] = [await person("sales"), await person("sales")];
    await makeRule({ position: 1, match: "default", team: [a.id, b.id] });
    const lead = await qualifiedLead(asset.id);
    for (const round of [1, 2]) {
      const before = (await routingOf(lead))!;
      await runHandoffTick(env, before.accept_by! + 1);
      await waitFor(async () => {
        const r = await routingOf(lead);
        return r && r.accept_by !== before.accept_by ? r : null;
      }, `lapse ${round}`);
    }
    const last = (await routingOf(lead))!;
    expect(last).toMatchObject({ owner_id: null, accept_by: null });
    expect(last.routing_flagged_at).not.toBeNull();
    expect(JSON.parse(last.routing_tried!).sort()).toEqual([a.id, b.id].sort());
  });
});
