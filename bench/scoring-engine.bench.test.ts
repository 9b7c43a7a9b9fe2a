// The scoring bench in workerd: per-event scoring, the daily decay pass and the sales list over 1,000,000 leads,
// with D1's own row meters. Run by `node bench/scoring.bench.mjs`, never by `npm test`. Prints one
// `LODESTONE_BENCH_SCORING {json}` line; the assertions only check the work was done.
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { SQL } from "drizzle-orm";
import { getDb } from "../src/db/client";
import type { Bindings } from "../src/env";
import { meterD1 } from "./capture-meter";
import { ensureDefaultRules } from "../src/services/scoring/default-rules";
import {
  scoreAndQualify as scoreEvents,
  decayAndQualify as decayRange,
} from "../src/services/qualification/score-and-qualify";
import { enqueueDecayPass, DECAY_RANGE } from "../src/services/scoring/decay-pass";
import { listLeads } from "../src/services/leads/list-leads";
import { mergeQuery, scanQuery, distinctScores } from "../src/store/leads";
import { captureLead } from "../src/services/capture/capture-lead";

const e = env as unknown as Bindings & {
  BENCH_LEADS: string;
  BENCH_EVENTS: string;
  BENCH_DECAY_LEADS: string;
};
const LEADS = Number(e.BENCH_LEADS);
const EVENTS = Number(e.BENCH_EVENTS);
const DECAY_LEADS = Math.min(Number(e.BENCH_DECAY_LEADS), LEADS);
const DAY = 86_400_000;
const dialect = new SQLiteSyncDialect();

const jobs = { send: async () => {}, sendBatch: async () => {} } as unknown as Queue;
const sum = (log: { rowsRead: number; rowsWritten: number }[]) =>
  log.reduce((a, l) => ({ read: a.read + l.rowsRead, written: a.written + l.rowsWritten }), {
    read: 0,
    written: 0,
  });
async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}
async function plan(q: SQL): Promise<string[]> {
  const { sql, params } = dialect.sqlToQuery(q);
  const r = await e.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return [...new Set(r.results.map((x) => x.detail))];
}

it(`scoring: ${LEADS} leads`, async () => {
  const now = Date.UTC(2026, 10, 23, 3, 0);
  const plain = getDb(e.DB);
  await ensureDefaultRules(plain, now);
  const rule = async (label: string) =>
    (await e.DB.prepare("SELECT id FROM score_rules WHERE label = ?")
      .bind(label)
      .first<{ id: number }>())!.id;
  const senior = await rule("Senior job title");
  const click = await rule("Clicked a nurture email");
  const gate = await rule("Requested gated content");
  const [asset] = (
    await e.DB.prepare(
      `INSERT INTO assets (slug, kind, title, locale, form, status, created_at, updated_at) VALUES ('bench-sc', 'whitepaper', 'Bench', 'en', '{"fields":{},"consent":{"mode":"optional","text":"","version":"v1","basis":null},"privacy":{"required":false}}', 'published', ?, ?) RETURNING *`,
    )
      .bind(now, now)
      .all()
  ).results as never[];

  // 1,000,000 scored leads: a quarter senior (+15 fit), a gate award each (0–60 days old), a click award for a third,
  // a hot 3% with clicks at the cap; MQLs where the score is high. The ledger holds exactly the rows that sum to the score.
  const [, seedMs] = await timed(async () => {
    await e.DB.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO leads (email, locale, referral_code, touch_count, job_title, fit_score, behaviour_score, score, stage, mql_at, scored_at, score_version, created_at, updated_at)
      SELECT 'b' || i || '@bench.example', 'en', 'r' || i, 1, CASE WHEN i % 4 = 0 THEN 'Director' END,
        CASE WHEN i % 4 = 0 THEN 15 ELSE 0 END,
        10 + CASE WHEN i % 33 = 0 THEN 20 WHEN i % 3 = 0 THEN 5 ELSE 0 END,
        CASE WHEN i % 4 = 0 THEN 15 ELSE 0 END + 10 + CASE WHEN i % 33 = 0 THEN 20 WHEN i % 3 = 0 THEN 5 ELSE 0 END,
        CASE WHEN i % 33 = 0 AND i % 4 = 0 THEN 'mql' WHEN i % 1000 = 1 THEN 'sql' ELSE 'lead' END,
        CASE WHEN i % 33 = 0 AND i % 4 = 0 THEN ? END, ?, 1, ? - (i % 60) * ?, ? - (i * 7919 % 5184000) * 1000 FROM n`)
      .bind(LEADS, now, now, now, DAY, now)
      .run();
    await e.DB.prepare(
      `INSERT INTO score_ledger (lead_id, rule_id, kind, points, reason, at) SELECT id, ?, 'fit', 15, 'Senior job title (+15)', created_at FROM leads WHERE fit_score = 15`,
    )
      .bind(senior)
      .run();
    await e.DB.prepare(
      `INSERT INTO score_ledger (lead_id, rule_id, kind, points, reason, at) SELECT id, ?, 'award', 10, 'Requested gated content (+10)', created_at FROM leads`,
    )
      .bind(gate)
      .run();
    await e.DB.prepare(
      `INSERT INTO score_ledger (lead_id, rule_id, kind, points, reason, at) SELECT id, ?, 'award', behaviour_score - 10, 'Clicked a nurture email', created_at + 3600000 FROM leads WHERE behaviour_score > 10`,
    )
      .bind(click)
      .run();
    await e.DB.prepare(
      `INSERT INTO touches (lead_id, asset_id, at, channel) SELECT id, ?, created_at, 'paid' FROM leads WHERE id % 10 = 0`,
    )
      .bind((asset as { id: number }).id)
      .run();
  });
  const maxId = (await e.DB.prepare("SELECT max(id) AS m FROM leads").first<{ m: number }>())!.m;
  expect(maxId).toBe(LEADS);

  // ── Per-event scoring ──────────────────────────────────────────────────────────
  const meter = meterD1(e.DB);
  const db = getDb(meter.db);
  const ids = Array.from({ length: EVENTS }, (_, k) => 1 + ((k * 104_729) % LEADS));
  // Baseline: the least an explainable score change can do: read the lead, append one ledger row, update the lead.
  const [, baseEventMs] = await timed(async () => {
    for (const id of ids)
      await meter.db.batch([
        meter.db.prepare("SELECT id, score, stage FROM leads WHERE id = ?").bind(id),
        meter.db
          .prepare(
            "INSERT INTO score_ledger (lead_id, rule_id, kind, points, reason, at) VALUES (?, NULL, 'award', 0, 'bench', ?)",
          )
          .bind(id, now),
        meter.db
          .prepare("UPDATE leads SET score = score + 0, score_version = score_version WHERE id = ?")
          .bind(id),
      ]);
  });
  const baseEvent = sum(meter.log.splice(0));
  await e.DB.prepare("DELETE FROM score_ledger WHERE reason = 'bench'").run();
  let qualified = 0;
  const [, eventMs] = await timed(async () => {
    for (const id of ids) {
      const out = await scoreEvents(
        { db, jobs, threshold: 50 },
        id,
        [{ type: "email_clicked", at: now, data: null }],
        now,
      );
      if (!out.ok) throw new Error(out.message);
      if (out.value?.qualified) qualified++;
    }
  });
  const event = sum(meter.log.splice(0));

  // ── Daily decay pass ───────────────────────────────────────────────────────────
  const cronMeter = meterD1(e.DB);
  const sent: unknown[] = [];
  const recJobs = {
    send: async () => {},
    sendBatch: async (m: Iterable<MessageSendRequest>) => void sent.push(...[...m]),
  } as unknown as Queue;
  const [messages, cronMs] = await timed(() =>
    enqueueDecayPass(getDb(cronMeter.db), recJobs, now + DAY),
  );
  const cron = sum(cronMeter.log);
  // Baseline: reading each lead of a range once through the primary key.
  const decayFrom = LEADS - DECAY_LEADS + 1;
  const [, baseDecayMs] = await timed(async () => {
    for (let from = decayFrom; from <= LEADS; from += DECAY_RANGE)
      await meter.db
        .prepare("SELECT id, score, behaviour_score FROM leads WHERE id BETWEEN ? AND ?")
        .bind(from, Math.min(LEADS, from + DECAY_RANGE - 1))
        .all();
  });
  const baseDecay = sum(meter.log.splice(0));
  // The same pass over a tenth as many leads (the lowest ids), to show how its reads grow with size.
  const smallTo = Math.max(1, Math.min(decayFrom - 1, Math.floor(DECAY_LEADS / 10)));
  const small = { leads: smallTo, changed: 0 };
  for (let from = 1; from <= smallTo; from += DECAY_RANGE) {
    const out = await decayRange(
      { db, jobs, threshold: 50 },
      from,
      Math.min(smallTo, from + DECAY_RANGE - 1),
      now + DAY,
    );
    if (!out.ok) throw new Error(out.message);
    small.changed += out.value.changed;
  }
  const smallDecay = { ...small, ...sum(meter.log.splice(0)) };
  let decayed = 0,
    changed = 0;
  const [, decayMs] = await timed(async () => {
    for (let from = decayFrom; from <= LEADS; from += DECAY_RANGE) {
      const out = await decayRange(
        { db, jobs, threshold: 50 },
        from,
        Math.min(LEADS, from + DECAY_RANGE - 1),
        now + DAY,
      );
      if (!out.ok) throw new Error(out.message);
      decayed += out.value.leads;
      changed += out.value.changed;
    }
  });
  const decay = sum(meter.log.splice(0));
  const mismatched = await e.DB.prepare(
    `SELECT count(*) AS n FROM (SELECT l.id FROM leads l JOIN score_ledger s ON s.lead_id = l.id WHERE l.id >= ? GROUP BY l.id HAVING sum(s.points) != max(l.score))`,
  )
    .bind(decayFrom)
    .first<{ n: number }>();
  expect(mismatched!.n).toBe(0);

  // ── The sales list at 1,000,000 leads ─────────────────────────────────────────
  const mid = (await e.DB.prepare("SELECT updated_at FROM leads WHERE id = ?")
    .bind(Math.floor(LEADS / 2))
    .first<{ updated_at: number }>())!.updated_at;
  const since = new Date(mid).toISOString();
  // 100 a page at 40,000 leads and up; smaller runs take smaller pages so the 3rd page of min_score=40 (1 lead in 132) exists.
  const limit = Math.max(1, Math.min(100, Math.floor(LEADS / 132 / 3)));
  const cases: { name: string; f: Parameters<typeof listLeads>[1] }[] = [
    { name: "no filter, updated_since mid-table", f: { updatedSince: mid, limit } },
    { name: "min_score=40 (0.8% of leads)", f: { minScore: 40, limit } },
    { name: "stage=mql", f: { stage: "mql", limit } },
    { name: "stage=lead & min_score=30", f: { stage: "lead", minScore: 30, limit } },
    { name: "min_score=40, 3rd page", f: { minScore: 40, limit } },
    {
      name: "asset (10% of leads; filter, no index)",
      f: { assetId: (asset as { id: number }).id, limit },
    },
  ];
  const list: {
    name: string;
    returned: number;
    rowsRead: number;
    ms: number;
    statements: number;
  }[] = [];
  for (const c of cases) {
    let f = c.f;
    if (c.name.includes("3rd page"))
      for (let p = 0; p < 2; p++)
        f = { ...f, cursor: (await listLeads(plain, f)).nextCursor ?? undefined };
    const [out, ms] = await timed(() => listLeads(db, f));
    const s = meter.log.splice(0);
    list.push({
      name: c.name,
      returned: out.leads.length,
      rowsRead: sum(s).read,
      ms,
      statements: s.length,
    });
    expect(out.leads.length, c.name).toBeGreaterThan(0);
  }
  const plans = {
    unfiltered: await plan(scanQuery({ u: mid, i: 0 }, {}, 101)),
    distinctScores: await plan(distinctScores("lead", 30)),
    merged: await plan(
      mergeQuery(
        [
          { stage: "lead", v: 30 },
          { stage: "lead", v: 35 },
          { stage: "lead", v: 40 },
          { stage: "mql", v: 50 },
          { stage: "mql", v: 55 },
        ],
        { u: 0, i: 0 },
        undefined,
        101,
      ),
    ),
  };
  void since;

  // ── What the list indexes cost a capture ──────────────────────────────────────
  const capMeter = meterD1(e.DB);
  const sub = {
    email: "cap@bench.example",
    name: "C",
    company: null,
    jobTitle: null,
    phone: null,
    companySize: null,
    consentMode: "optional" as const,
    marketing: "none" as const,
    privacyAccepted: null,
    utm: {
      utm_source: null,
      utm_medium: null,
      utm_campaign: null,
      utm_term: null,
      utm_content: null,
    },
    ref: null,
    landingUrl: null,
    referrer: null,
    honeypot: false,
    turnstileToken: null,
  };
  const ctx = {
    now,
    ip: "1.1.1.1",
    country: null,
    ownHost: "bench",
    // The words a gate showed (the asset row here is raw, so they are given, not composed from its form).
    consent: {
      mode: "optional" as const,
      copy: null as never,
      text: "bench words",
      hash: "bench",
      version: "v1",
    },
    signingSecret: "bench-signing-secret-0123456789-abcdefghij",
    clickIds: {},
  };
  // The words are known already (kept once per distinct text), as they are for every capture but a gate's first.
  await e.DB.prepare(
    "INSERT INTO consent_texts (hash, locale, text, created_at) VALUES ('bench', 'en', 'bench words', 0)",
  ).run();
  await captureLead(getDb(capMeter.db), asset as never, sub, ctx);
  const newLead = sum(capMeter.log.splice(0));
  await e.DB.prepare("UPDATE leads SET scored_at = ? WHERE email = 'cap@bench.example'")
    .bind(now)
    .run();
  await captureLead(getDb(capMeter.db), asset as never, sub, { ...ctx, now: now + 1 });
  const repeatScored = sum(capMeter.log.splice(0));

  console.log(
    `LODESTONE_BENCH_SCORING ${JSON.stringify({
      leads: LEADS,
      seedMs,
      events: EVENTS,
      qualified,
      event: { ms: eventMs, ...event },
      baseEvent: { ms: baseEventMs, ...baseEvent },
      decay: { leads: DECAY_LEADS, withBehaviour: decayed, changed, ms: decayMs, ...decay },
      smallDecay,
      baseDecay: { ms: baseDecayMs, ...baseDecay },
      cron: { messages, ms: cronMs, ...cron },
      list,
      plans,
      capture: { newLead, repeatScored },
    })}`,
  );
});
