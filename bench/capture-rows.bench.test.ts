// Rows D1 reads and writes per gated capture and per 1,000 page views, from D1's own per-statement meta.
// Run by `npm run bench:capture` (bench/vitest.capture.config.ts), never by `npm test`. It prints one
// `LODESTONE_BENCH_ROWS {json}` line that bench/capture.bench.mjs reads; the only assertions are functional.
import {
  createExecutionContext,
  createMessageBatch,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import worker from "../src/index";
import { getDb } from "../src/db/client";
import { DEMO_COURSE_SLUG, DEMO_WHITEPAPER_SLUG, seedDemo } from "../src/services/demo/seed-demo";
import type { Bindings } from "../src/env";
import { meterD1, type MeteredStatement } from "./capture-meter";

const ORIGIN = "https://lodestone.bench";
const CAPTURES_PER_SCENARIO = 20;
const VIEWS = 1000;
const QUEUE_BATCH = 100;

/** Readable names for the statements the capture and view paths run today; anything else shows its SQL. */
const LABELS: [RegExp, string][] = [
  [/^select .* from "assets"/i, "read asset by slug"],
  [/^select .* from "course_sessions"/i, "read upcoming course session"],
  [
    /^SELECT id, email, referral_code FROM leads WHERE email = \? OR referral_code/i,
    "pre-read: lead by email, referrer by code",
  ],
  [/^INSERT INTO leads /i, "upsert lead"],
  [/^INSERT INTO touches /i, "insert touch"],
  [/^INSERT INTO events /i, "insert event"],
  [/^INSERT INTO asset_daily .*submissions/i, "upsert asset_daily (submissions)"],
  [/^INSERT INTO asset_daily .*views/i, "upsert asset_daily (views)"],
  [/^SELECT id, referral_code, touch_count/i, "read back lead and touch id"],
  [/^SELECT l\.email, l\.country, .* FROM leads l/i, "nurture: read lead, first step, session"],
  [/^INSERT INTO enrolments /i, "nurture: enrol (guarded insert)"],
  [/^INSERT INTO consent_texts /i, "keep the consent words (once per text)"],
  [/^select .* from "settings"/i, "read settings"],
];
/** The table a writing statement writes to. */
const writtenTable = (sql: string) =>
  /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|update|delete\s+from)\s+[`"]?(\w+)/i.exec(sql)?.[1];
function labelOf(sql: string) {
  const known = LABELS.find(([re]) => re.test(sql))?.[1];
  if (known) return known;
  const table = writtenTable(sql) ?? /\bfrom\s+[`"]?(\w+)/i.exec(sql)?.[1] ?? "?";
  const verb = /^\s*insert/i.test(sql)
    ? /on conflict/i.test(sql)
      ? "upsert"
      : "insert"
    : /^\s*update/i.test(sql)
      ? "update"
      : /^\s*delete/i.test(sql)
        ? "delete"
        : "read";
  return `${verb} ${table}`;
}

interface StatementCost {
  label: string;
  via: string;
  /** How many times it runs per unit. */
  runs: number;
  rowsRead: number;
  rowsWritten: number;
  sql: string;
}

/**
 * Mean cost per unit (a capture, or 1,000 views) of each distinct statement, in the order first run.
 * `byPosition` keeps a statement's place in its batch apart (captures); otherwise runs of the same SQL add up.
 */
function perStatement(
  entries: MeteredStatement[],
  units: number,
  byPosition = true,
): StatementCost[] {
  const byKey = new Map<string, StatementCost>();
  for (const e of entries) {
    const via = byPosition ? e.via : e.via.replace(/ \d+\/\d+$/, "");
    const key = `${via}|${e.sql}`;
    const s = byKey.get(key) ?? {
      label: labelOf(e.sql),
      via,
      runs: 0,
      rowsRead: 0,
      rowsWritten: 0,
      sql: e.sql.slice(0, 200),
    };
    s.runs += 1 / units;
    s.rowsRead += e.rowsRead / units;
    s.rowsWritten += e.rowsWritten / units;
    byKey.set(key, s);
  }
  return [...byKey.values()].map((s) => ({
    ...s,
    runs: round(s.runs),
    rowsRead: round(s.rowsRead),
    rowsWritten: round(s.rowsWritten),
  }));
}

const round = (n: number) => Math.round(n * 100) / 100;
const stats = (xs: number[]) => ({
  mean: round(xs.reduce((a, b) => a + b, 0) / xs.length),
  min: Math.min(...xs),
  max: Math.max(...xs),
});

function meteredEnv() {
  const meter = meterD1(env.DB);
  const sent: unknown[] = [];
  // The view messages the landing page sends are kept here and fed to the consumer in batches of 100 below.
  const jobs = {
    send: async (body: unknown) => void sent.push(body),
    sendBatch: async (msgs: Iterable<{ body: unknown }>) =>
      void sent.push(...[...msgs].map((m) => m.body)),
  };
  const bindings = { ...env, DB: meter.db, JOBS: jobs } as unknown as Bindings;
  return { meter, sent, bindings };
}

let ip = 0;
async function call(bindings: Bindings, path: string, init: RequestInit = {}) {
  ip++;
  const headers = new Headers(init.headers);
  headers.set("cf-connecting-ip", `198.18.${Math.floor(ip / 250)}.${(ip % 250) + 1}`);
  const ctx = createExecutionContext();
  const res = await worker.fetch!(
    new Request(new URL(path, ORIGIN), { ...init, headers, redirect: "manual" }) as never,
    bindings,
    ctx,
  );
  const body = await res.text();
  await waitOnExecutionContext(ctx);
  return { status: res.status, body };
}

const submission = (slug: string, email: string, extra: Record<string, unknown> = {}) =>
  slug === DEMO_WHITEPAPER_SLUG
    ? {
        email,
        name: "压测用户",
        company: "Lodestone Bench",
        phone: `138${String(10_000_000 + ip).slice(-8)}`,
        privacy: true,
        consent: true,
        ...extra,
      }
    : { email, name: "Bench User", consent: true, ...extra };

/** Runs captures one at a time and returns the D1 statements each one ran. */
async function captures(
  bindings: Bindings,
  meter: { log: MeteredStatement[] },
  slug: string,
  emails: string[],
  extra: (i: number) => Record<string, unknown> = () => ({}),
) {
  const perCapture: MeteredStatement[][] = [];
  const responses: { status: number; json: Record<string, unknown> }[] = [];
  for (const [i, email] of emails.entries()) {
    const from = meter.log.length;
    const res = await call(bindings, `/p/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(submission(slug, email, extra(i))),
    });
    responses.push({ status: res.status, json: JSON.parse(res.body) });
    perCapture.push(meter.log.slice(from));
  }
  return { perCapture, responses };
}

/**
 * Feeds the messages the captures queued (score events, …) through the consumer in batches of up to 100 and
 * returns the statements that ran: the rows a capture costs later, off the request. Bounded: messages the
 * consumer itself queues are fed too, for at most five rounds.
 */
async function drainQueued(
  bindings: Bindings,
  meter: { log: MeteredStatement[] },
  sent: unknown[],
) {
  const from = meter.log.length;
  let messages = 0;
  for (let round = 0; round < 5 && sent.length; round++) {
    const bodies = sent.splice(0);
    messages += bodies.length;
    for (let i = 0; i < bodies.length; i += QUEUE_BATCH) {
      const batch = createMessageBatch(
        "lodestone-jobs",
        bodies.slice(i, i + QUEUE_BATCH).map((body, j) => ({
          id: `job-${round}-${i + j}`,
          timestamp: new Date(),
          attempts: 1,
          body,
        })),
      );
      const ctx = createExecutionContext();
      await (worker.queue as ExportedHandlerQueueHandler<Bindings>)(batch, bindings, ctx);
      const result = await getQueueResult(batch, ctx);
      expect(result.retryMessages).toEqual([]);
    }
  }
  return { messages, statements: meter.log.slice(from) };
}

function captureFigures(
  name: string,
  slug: string,
  perCapture: MeteredStatement[][],
  deferred: { messages: number; statements: MeteredStatement[] },
) {
  const written = perCapture.map((s) => s.reduce((a, e) => a + e.rowsWritten, 0));
  const read = perCapture.map((s) => s.reduce((a, e) => a + e.rowsRead, 0));
  const n = perCapture.length;
  return {
    name,
    slug,
    captures: n,
    rowsWritten: stats(written),
    rowsRead: stats(read),
    statements: perStatement(perCapture.flat(), n),
    deferred: {
      messagesPerCapture: round(deferred.messages / n),
      rowsWrittenPerCapture: round(deferred.statements.reduce((a, e) => a + e.rowsWritten, 0) / n),
      rowsReadPerCapture: round(deferred.statements.reduce((a, e) => a + e.rowsRead, 0) / n),
      statements: perStatement(deferred.statements, n, false),
    },
  };
}

/** 1,000 landing-page views, then their queue messages through the consumer in batches of 100. */
async function views(name: string, urls: { path: string; referer?: string }[]) {
  const { meter, sent, bindings } = meteredEnv();
  const before = await env.DB.prepare(
    "SELECT coalesce(sum(views), 0) AS n FROM asset_daily",
  ).first<number>("n");
  for (const { path, referer } of urls) {
    const res = await call(bindings, path, { headers: referer ? { referer } : {} });
    expect(res.status).toBe(200);
  }
  const landing = meter.log.splice(0);
  expect(sent).toHaveLength(urls.length);
  const groups = new Set(sent.map((m) => JSON.stringify(m))).size;
  for (let i = 0; i < sent.length; i += QUEUE_BATCH) {
    const messages = sent
      .slice(i, i + QUEUE_BATCH)
      .map((body, j) => ({ id: `view-${i + j}`, timestamp: new Date(), attempts: 1, body }));
    const batch = createMessageBatch("lodestone-jobs", messages);
    const ctx = createExecutionContext();
    await (worker.queue as ExportedHandlerQueueHandler<Bindings>)(batch, bindings, ctx);
    const result = await getQueueResult(batch, ctx);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks.length).toBe(messages.length);
  }
  const after = await env.DB.prepare(
    "SELECT coalesce(sum(views), 0) AS n FROM asset_daily",
  ).first<number>("n");
  expect(after! - before!).toBe(urls.length);
  const consumer = meter.log;
  const per1000 = (n: number) => round((n * 1000) / urls.length);
  return {
    name,
    views: urls.length,
    distinctGroups: groups,
    queueBatches: Math.ceil(urls.length / QUEUE_BATCH),
    landing: {
      rowsReadPerView: round(landing.reduce((a, e) => a + e.rowsRead, 0) / urls.length),
      rowsWrittenPerView: round(landing.reduce((a, e) => a + e.rowsWritten, 0) / urls.length),
      statements: perStatement(landing, urls.length, false),
    },
    consumer: {
      rowsWrittenPer1000Views: per1000(consumer.reduce((a, e) => a + e.rowsWritten, 0)),
      rowsReadPer1000Views: per1000(consumer.reduce((a, e) => a + e.rowsRead, 0)),
      statements: perStatement(consumer, urls.length / 1000, false),
    },
  };
}

it("measures D1 rows per capture and per 1,000 views", { timeout: 300_000 }, async () => {
  await seedDemo(getDb(env.DB), env.FILES, Date.now());
  const { meter, sent, bindings } = meteredEnv();
  const run = Math.random().toString(36).slice(2, 8);
  const emails = (tag: string) =>
    Array.from({ length: CAPTURES_PER_SCENARIO }, (_, i) => `bench-${run}-${tag}-${i}@example.com`);
  const scenarios = [];

  for (const slug of [DEMO_WHITEPAPER_SLUG, DEMO_COURSE_SLUG]) {
    // The day's first capture on an asset × channel × campaign inserts its rollup row; later ones update it.
    const first = await captures(bindings, meter, slug, [`bench-${run}-first-${slug}@example.com`]);
    expect(first.responses[0]!.status).toBe(201);
    scenarios.push(
      captureFigures(
        "new lead, first capture of the day (new asset_daily row)",
        slug,
        first.perCapture,
        await drainQueued(bindings, meter, sent),
      ),
    );

    const fresh = emails(`new-${slug}`);
    const created = await captures(bindings, meter, slug, fresh);
    expect(created.responses.map((r) => r.status)).toEqual(fresh.map(() => 201));
    scenarios.push(
      captureFigures(
        "new lead",
        slug,
        created.perCapture,
        await drainQueued(bindings, meter, sent),
      ),
    );

    const again = await captures(bindings, meter, slug, fresh);
    expect(again.responses.map((r) => r.status)).toEqual(fresh.map(() => 200));
    expect(again.responses.map((r) => r.json.lead_id)).toEqual(
      created.responses.map((r) => r.json.lead_id),
    );
    scenarios.push(
      captureFigures(
        "returning lead (same email again)",
        slug,
        again.perCapture,
        await drainQueued(bindings, meter, sent),
      ),
    );

    // A new lead who leaves the marketing box unticked: the asset, and no enrolment.
    const unticked = emails(`no-consent-${slug}`);
    const declined = await captures(bindings, meter, slug, unticked, () => ({ consent: false }));
    expect(declined.responses.map((r) => r.status)).toEqual(unticked.map(() => 201));
    scenarios.push(
      captureFigures(
        "new lead without marketing consent (not enrolled)",
        slug,
        declined.perCapture,
        await drainQueued(bindings, meter, sent),
      ),
    );

    // A new lead arriving through someone's share link: the referral channel and referred_by are set.
    const codes = created.responses.map(
      (r) => new URL(String(r.json.share_url)).pathname.split("/").pop()!,
    );
    const referred = await captures(bindings, meter, slug, emails(`ref-${slug}`), (i) => ({
      ref: codes[i],
    }));
    expect(referred.responses.map((r) => r.status)).toEqual(codes.map(() => 201));
    scenarios.push(
      captureFigures(
        "new lead via a share link (referral)",
        slug,
        referred.perCapture,
        await drainQueued(bindings, meter, sent),
      ),
    );
  }

  const uniform = await views(
    "one asset, direct (what the load bench sends)",
    Array.from({ length: VIEWS }, () => ({ path: `/p/${DEMO_WHITEPAPER_SLUG}` })),
  );
  // Spread across both assets and five channels (two with campaigns): ten groups, each in every queue batch.
  const sources = [
    { query: "" },
    { query: "", referer: "https://www.google.com/search?q=saas+growth" },
    { query: "?utm_source=google&utm_medium=cpc&utm_campaign=spring" },
    { query: "?utm_source=newsletter&utm_medium=email&utm_campaign=spring" },
    { query: "?utm_source=linkedin&utm_medium=social" },
  ];
  const mixed = await views(
    "two assets × five channels (ten rollup groups)",
    Array.from({ length: VIEWS }, (_, i) => {
      const source = sources[Math.floor(i / 2) % sources.length]!;
      return {
        path: `/p/${i % 2 ? DEMO_COURSE_SLUG : DEMO_WHITEPAPER_SLUG}${source.query}`,
        referer: source.referer,
      };
    }),
  );

  // Every index on a table the capture or the view consumer wrote: each index entry a write touches is a row written.
  const tables = [
    ...new Set(
      [
        ...scenarios.flatMap((s) => [...s.statements, ...s.deferred.statements]),
        ...uniform.consumer.statements,
        ...mixed.consumer.statements,
      ]
        .filter((st) => st.rowsWritten > 0)
        .map((st) => writtenTable(st.sql))
        .filter(Boolean),
    ),
  ];
  const indexes = await env.DB.prepare(
    `SELECT tbl_name AS tbl, name, coalesce(sql, 'implicit (UNIQUE / PRIMARY KEY)') AS sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN (${tables.map(() => "?").join(", ")}) ORDER BY tbl_name, name`,
  )
    .bind(...tables)
    .all<{ tbl: string; name: string; sql: string }>();

  console.log(
    `LODESTONE_BENCH_ROWS ${JSON.stringify({ capturesPerScenario: CAPTURES_PER_SCENARIO, captures: scenarios, views: [uniform, mixed], indexes: indexes.results })}`,
  );
});
