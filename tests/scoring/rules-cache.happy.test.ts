// Scoring keeps the rules per isolate under a version every rule write changes: an edit applies from the next event.
import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { getDb } from "../../src/db/client";
import { db } from "../support/fixtures";
import { insertLead } from "../support/leads";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import { createRule, deleteRule, updateRule } from "../../src/services/scoring/rules-store";
import { scoreAndQualify } from "../../src/services/qualification/score-and-qualify";

const T0 = Date.UTC(2026, 5, 1, 12);
const click = [{ type: "email_clicked", at: T0, data: null }];

/** D1 with the rows each batch statement read, by SQL text. */
function metered() {
  const reads: { sql: string; rowsRead: number }[] = [];
  const sqlOf = new WeakMap<D1PreparedStatement, string>();
  const wrapped = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "prepare")
        return (query: string) => {
          const stmt = target.prepare(query);
          const bind = stmt.bind.bind(stmt);
          stmt.bind = (...values: unknown[]) => {
            const bound = bind(...values);
            sqlOf.set(bound, query);
            return bound;
          };
          sqlOf.set(stmt, query);
          return stmt;
        };
      if (prop === "batch")
        return async (stmts: D1PreparedStatement[]) => {
          const out = await target.batch(stmts);
          out.forEach((r, i) => {
            reads.push({ sql: sqlOf.get(stmts[i]!) ?? "", rowsRead: r.meta.rows_read });
          });
          return out;
        };
      const v = Reflect.get(target, prop);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  return { db: getDb(wrapped), reads };
}

async function clickPoints(leadId: number, at: number) {
  const deps = { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 1000 };
  const before = await score(leadId);
  const out = await scoreAndQualify(deps, leadId, [{ ...click[0]!, at }], at);
  expect(out.ok).toBe(true);
  return (await score(leadId)) - before;
}
const score = async (leadId: number) =>
  (await env.DB.prepare("SELECT score FROM leads WHERE id = ?")
    .bind(leadId)
    .first<{ score: number }>())!.score;
const clickRule = async () =>
  (await env.DB.prepare(
    "SELECT id FROM score_rules WHERE label = 'Clicked a nurture email'",
  ).first<{
    id: number;
  }>())!.id;

describe("score rules are cached until one changes", () => {
  beforeAll(async () => void (await ensureDefaultRules(db())));

  it("an edited rule scores the very next event with its new points", async () => {
    const leadId = await insertLead({ created_at: T0 });
    expect(await clickPoints(leadId, T0)).toBe(5);
    await updateRule(db(), await clickRule(), { points: 7 });
    expect(await clickPoints(leadId, T0 + 1000)).toBe(7);
  });

  it("a new rule and a deleted rule apply from the next event on", async () => {
    const leadId = await insertLead({ created_at: T0 });
    await updateRule(db(), await clickRule(), { points: 5 });
    expect(await clickPoints(leadId, T0)).toBe(5);
    const extra = await createRule(
      db(),
      {
        kind: "behaviour",
        field: "event",
        match: ["email_clicked"],
        points: 3,
        label: "Extra click",
      },
      T0,
    );
    expect(await clickPoints(leadId, T0 + 1000)).toBe(5 + 3);
    await deleteRule(db(), extra.id);
    // The deleted rule's 3 points (it awarded once) are taken back at this scoring; the click still earns 5.
    expect(await clickPoints(leadId, T0 + 2000)).toBe(5 - 3);
    await updateRule(db(), await clickRule(), { active: false });
    expect(await clickPoints(leadId, T0 + 3000)).toBeLessThanOrEqual(0);
  });

  it("reads no rule row while the rules are unchanged, and all of them after an edit", async () => {
    const leadId = await insertLead({ created_at: T0 });
    const deps = () => ({ webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 1000 });
    const ruleReads = async (at: number) => {
      const m = metered();
      await scoreAndQualify({ ...deps(), db: m.db }, leadId, [{ ...click[0]!, at }], at);
      return m.reads.filter((r) => /score_rules/.test(r.sql)).map((r) => r.rowsRead);
    };
    const rules = (await env.DB.prepare("SELECT count(*) AS n FROM score_rules").first<{
      n: number;
    }>())!.n;
    await ruleReads(T0); // fills this isolate's cache, whatever an earlier test left in it
    // A hit reads the one version row in settings, no rule.
    expect(await ruleReads(T0 + 1000)).toEqual([1]);
    await updateRule(db(), await clickRule(), { label: "Clicked a nurture email (edited)" });
    expect((await ruleReads(T0 + 2000))[0]).toBeGreaterThanOrEqual(rules);
    expect(await ruleReads(T0 + 3000)).toEqual([1]);
  });
});
