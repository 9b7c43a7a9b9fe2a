// Scores the lead through the scoring service itself; whatever it queues goes to the real queue (env.JOBS).
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { db } from "../support/fixtures";
import { api, makeToken } from "../support/api";
import { insertLead } from "../support/leads";
import { scoreAndQualify as scoreEvents } from "../../src/services/qualification/score-and-qualify";

describe("marketers edit the score rules", () => {
  it("a new rule scores the next event, an edit applies from then on, a removed rule's points are taken back", async () => {
    const marketing = await makeToken(["marketing"]);
    const created = await api("/api/v1/score-rules", {
      method: "POST",
      token: marketing.token,
      json: {
        kind: "behaviour",
        field: "event_url",
        match: ["link_clicked", "/demo-booking"],
        points: 30,
        cap: 30,
        half_life_days: 7,
        label: "Booked a demo",
      },
    });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as { id: number };
    const leadId = await insertLead();
    const deps = { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 10_000 };
    const now = Date.now();
    await scoreEvents(
      deps,
      leadId,
      [{ type: "link_clicked", at: now, data: { url: "https://acme.example/demo-booking" } }],
      now,
    );
    const ledger = () =>
      env.DB.prepare(
        "SELECT kind, points FROM score_ledger WHERE lead_id = ? AND rule_id = ? ORDER BY id",
      )
        .bind(leadId, rule.id)
        .all()
        .then((r) => r.results);
    expect(await ledger()).toEqual([{ kind: "award", points: 30 }]);

    const listed = (await (
      await api("/api/v1/score-rules", { token: marketing.token })
    ).json()) as { data: { id: number }[]; mql_threshold: number };
    expect(listed.data.map((r) => r.id)).toContain(rule.id);
    expect(listed.mql_threshold).toBe(50);

    expect(
      (await api(`/api/v1/score-rules/${rule.id}`, { method: "DELETE", token: marketing.token }))
        .status,
    ).toBe(204);
    await scoreEvents(deps, leadId, [], now + 1);
    expect(await ledger()).toEqual([
      { kind: "award", points: 30 },
      { kind: "rule", points: -30 },
    ]);
  });

  it.each([
    [
      "a fit rule on an event",
      { kind: "fit", field: "event", match: ["downloaded"], points: 5, label: "x" },
      "field",
    ],
    [
      "decay on a fit rule",
      { kind: "fit", field: "country", match: ["DE"], points: 5, half_life_days: 3, label: "x" },
      "half_life_days",
    ],
    [
      "an event_url rule without a URL part",
      { kind: "behaviour", field: "event_url", match: ["link_clicked"], points: 5, label: "x" },
      "match",
    ],
    [
      "points that are not whole",
      { kind: "fit", field: "country", match: ["DE"], points: 2.5, label: "x" },
      "points",
    ],
  ])("%s is a 400 naming the field", async (_what, json, field) => {
    const res = await api("/api/v1/score-rules", { method: "POST", json });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(body.error.details.fields)).toContain(field);
  });
});
