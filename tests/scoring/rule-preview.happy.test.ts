// Before saving a rule or a threshold, a marketer sees how many open leads it would qualify; nothing is stored.
import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { db } from "../support/fixtures";
import { api } from "../support/api";
import { insertLead } from "../support/leads";
import { scoreAndQualify } from "../../src/services/qualification/score-and-qualify";
import { previewQualification } from "../../src/services/scoring/rule-preview";

type Preview = {
  threshold: number;
  open_leads: number;
  examined: number;
  exact: boolean;
  lowest_examined_score: number | null;
  mqls: number;
  qualify_with_current_rules: number;
  qualify_with_change: number;
};

const rule = async (json: Record<string, unknown>) =>
  ((await (await api("/api/v1/score-rules", { method: "POST", json })).json()) as { id: number })
    .id;

async function preview(body: Record<string, unknown>) {
  const res = await api("/api/v1/score-rules/preview", { method: "POST", json: body });
  return { status: res.status, body: (await res.json()) as Preview & { error?: unknown } };
}

const rows = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

let cn: number;
let director: number;
beforeAll(async () => {
  await env.DB.exec("DELETE FROM score_rules");
  cn = await rule({ kind: "fit", field: "country", match: ["CN"], points: 30, label: "China" });
  director = await rule({
    kind: "fit",
    field: "job_title_keyword",
    match: ["director", "总监"],
    points: 20,
    label: "Director",
  });
  // Four open leads: 50 (CN director), 30 (CN), 20 (director elsewhere), 0; and one MQL already.
  const profiles = [
    { job_title: "Marketing Director", country: "CN" },
    { job_title: "Engineer", country: "CN" },
    { job_title: "市场总监", country: "US" },
    { job_title: "Engineer", country: "US" },
    { job_title: "Sales Director", country: "CN", stage: "mql" },
  ];
  for (const p of profiles) {
    const id = await insertLead({ job_title: p.job_title });
    await env.DB.prepare("UPDATE leads SET country = ? WHERE id = ?").bind(p.country, id).run();
    // Scored as the queue consumer would, with a threshold nobody reaches, so none qualifies here.
    await scoreAndQualify(
      { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 10_000 },
      id,
      [],
      Date.now(),
    );
    if (p.stage)
      await env.DB.prepare("UPDATE leads SET stage = 'mql', mql_at = ? WHERE id = ?")
        .bind(Date.now(), id)
        .run();
  }
});

describe("previewing the MQL threshold and a rule change", () => {
  it("counts open leads at a threshold with the rules as they are, exactly, and the MQLs apart", async () => {
    const { status, body } = await preview({ threshold: 40 });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      threshold: 40,
      open_leads: 4,
      examined: 4,
      exact: true,
      mqls: 1,
      qualify_with_current_rules: 1,
      qualify_with_change: 1,
    });
    expect((await preview({ threshold: 20 })).body.qualify_with_current_rules).toBe(3);
  });

  it("an edited rule's points count as the leads' next scoring would count them", async () => {
    const { body } = await preview({
      threshold: 40,
      change: { action: "edit", id: cn, points: 45 },
    });
    expect(body.qualify_with_current_rules).toBe(1);
    expect(body.qualify_with_change).toBe(2); // 65 and 45
  });

  it("a rule switched off, deleted, or added moves the count the way it would", async () => {
    const off = await preview({
      threshold: 35,
      change: { action: "edit", id: director, active: false },
    });
    expect(off.body).toMatchObject({ qualify_with_current_rules: 1, qualify_with_change: 0 });
    const gone = await preview({ threshold: 35, change: { action: "delete", id: director } });
    expect(gone.body.qualify_with_change).toBe(0);
    const added = await preview({
      threshold: 35,
      change: {
        action: "add",
        kind: "fit",
        field: "job_title_keyword",
        match: ["engineer"],
        points: 10,
        label: "Engineers",
      },
    });
    expect(added.body.qualify_with_change).toBe(2); // 50, and the CN engineer at 40
  });

  it("stores nothing: no rule, ledger row, score or stage changes", async () => {
    const before = await Promise.all(["score_rules", "score_ledger", "audit_log"].map(rows));
    const scores = await env.DB.prepare("SELECT id, score, stage FROM leads ORDER BY id").all();
    await preview({ threshold: 1, change: { action: "edit", id: cn, points: 900 } });
    expect(await Promise.all(["score_rules", "score_ledger", "audit_log"].map(rows))).toEqual(
      before,
    );
    expect(
      (await env.DB.prepare("SELECT id, score, stage FROM leads ORDER BY id").all()).results,
    ).toEqual(scores.results);
  });

  it("beyond its bound it says which leads it counted, highest scores first", async () => {
    const p = await previewQualification(db(), { threshold: 40, change: null }, Date.now(), 2);
    expect(p).toMatchObject({ openLeads: 4, examined: 2, exact: false, lowestExamined: 30 });
    expect(p.qualifyWithRules).toBe(1);
  });
});

describe("a preview that cannot be run says why, by field", () => {
  it("a draft that would not save, an unknown rule, or a bad threshold is a 4xx", async () => {
    const wrongField = await preview({
      change: {
        action: "add",
        kind: "fit",
        field: "event",
        match: ["downloaded"],
        points: 5,
        label: "x",
      },
    });
    expect(wrongField.status).toBe(400);
    expect(JSON.stringify(wrongField.body)).toContain("field");
    expect((await preview({ change: { action: "edit", id: 999_999, points: 1 } })).status).toBe(
      404,
    );
    const negative = await preview({ threshold: -5 });
    expect(negative.status).toBe(400);
    expect(JSON.stringify(negative.body)).toContain("threshold");
    expect((await preview({ change: { action: "rename", id: cn } })).status).toBe(400);
  });
});
