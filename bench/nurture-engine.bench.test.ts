// The nurture bench in workerd: 100,000 due steps through the real tick and consumer, with D1's own row meters.
// Run by `node bench/nurture.bench.mjs` (bench/vitest.nurture.config.ts), never by `npm test`. Prints one
// `LODESTONE_BENCH_NURTURE {json}` line; the assertions only check the work was done.
import { env } from "cloudflare:workers";
import { expect, it, vi } from "vitest";
import { Resend } from "resend";
import { getDb } from "../src/db/client";
import type { Bindings } from "../src/env";
import type { NurtureSendMessage } from "../src/queue/messages";
import { authorSequence } from "../src/services/nurture/author-sequence";
import { runNurtureTick, DEFAULT_TICK, type TickReport } from "../src/services/nurture/tick";
import { deliverNurtureSends, type DeliveryItem } from "../src/services/nurture/deliver";

const e = env as unknown as Bindings & { BENCH_DUE: string; BENCH_CONSUME: string };
const DUE = Number(e.BENCH_DUE);
const CONSUME = Math.min(Number(e.BENCH_CONSUME), DUE);

/** Resend at the HTTP boundary: answers at once, counting emails per request. */
function fakeResend() {
  const perRequest: number[] = [];
  let n = 0;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const body = JSON.parse(
      String(new Request(input, init).url.endsWith("/batch") ? init!.body : "[]"),
    ) as unknown[];
    perRequest.push(body.length);
    return new Response(
      JSON.stringify({ data: body.map(() => ({ id: `re_${++n}` })), errors: [] }),
      { headers: { "content-type": "application/json" } },
    );
  });
  return perRequest;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await f();
  return [r, performance.now() - t0];
}

it(`nurture: ${DUE} due steps`, async () => {
  const db = getDb(e.DB);
  const now = Date.now();
  const [asset] = await e.DB.prepare(
    `INSERT INTO assets (slug, kind, title, locale, form, status, created_at, updated_at) VALUES ('bench-wp', 'whitepaper', 'Bench report', 'en', '{"fields":{},"consent":{"mode":"optional","text":"","version":"v1","basis":null},"privacy":{"required":false}}', 'published', ?, ?) RETURNING *`,
  )
    .bind(now, now)
    .all()
    .then((r) => r.results as { id: number; kind: "whitepaper" }[]);
  const { sequenceId } = await authorSequence(
    db,
    asset!,
    {
      name: "Bench",
      steps: [
        { template: "whitepaper-welcome", delayMinutes: 0 },
        { template: "whitepaper-follow-up", delayMinutes: 2880 },
        { template: "whitepaper-open-class", delayMinutes: 7200 },
      ],
    },
    now,
  );
  await e.DB.batch([
    e.DB.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO leads (email, name, locale, referral_code, touch_count, created_at, updated_at) SELECT 'lead' || i || '@bench.example', 'Lead ' || i, 'en', 'r' || i, 1, ?, ? FROM n`).bind(
      DUE,
      now,
      now,
    ),
    e.DB.prepare(`INSERT INTO enrolments (lead_id, sequence_id, asset_id, status, next_position, next_due_at, started_at, created_at, updated_at)
      SELECT id, ?, ?, 'active', 1, ? - (id % 600) * 1000, ?, ?, ? FROM leads`).bind(
      sequenceId,
      asset!.id,
      now,
      now,
      now,
      now,
    ),
  ]);

  // Baseline for the tick: the least any tick must do, reading one chunk from the due index.
  const [baseRead, baseTickMs] = await timed(() =>
    e.DB.prepare(
      "SELECT id FROM enrolments WHERE next_due_at IS NOT NULL AND next_due_at <= ? ORDER BY next_due_at LIMIT ?",
    )
      .bind(now, DEFAULT_TICK.chunk)
      .all(),
  );

  const queued: NurtureSendMessage[] = [];
  const jobs = {
    send: async () => {},
    sendBatch: async (m: Iterable<MessageSendRequest>) =>
      void queued.push(...[...m].map((x) => x.body as NurtureSendMessage)),
  } as unknown as Queue;
  const tickEnv = { ...e, JOBS: jobs } as Bindings;
  const ticks: (TickReport & { ms: number })[] = [];
  while (queued.reduce((s, m) => s + m.sendIds.length, 0) < DUE && ticks.length < 1000) {
    const [report, ms] = await timed(() => runNurtureTick(tickEnv, now + 60_000));
    ticks.push({ ...report, ms });
    if (!report.due) break;
  }
  const totalQueued = queued.reduce((s, m) => s + m.sendIds.length, 0);
  expect(totalQueued).toBe(DUE);

  // Baseline for the consumer: the same number of pre-rendered emails through the resend SDK, no D1, no rendering.
  const perRequest = fakeResend();
  const sample = {
    from: "Bench <b@example.com>",
    to: "x@bench.example",
    subject: "s",
    html: "<p>hello</p>".repeat(100),
    text: "hello",
    headers: {},
    tags: [],
  };
  const [, baseSendMs] = await timed(async () => {
    for (let i = 0; i < CONSUME; i += 100)
      await new Resend("re_bench_key", { baseUrl: "https://resend.bench" }).batch.send(
        Array(Math.min(100, CONSUME - i)).fill(sample),
        { idempotencyKey: `base/${i}` },
      );
  });
  const baseRequests = perRequest.splice(0).length;

  // The consumer: queue batches of up to 100 messages, each message one Resend request of up to 100 emails.
  const toConsume: NurtureSendMessage[] = [];
  for (let n = 0; n < CONSUME; ) {
    const m = queued.shift()!;
    toConsume.push(m);
    n += m.sendIds.length;
  }
  let sent = 0,
    rowsRead = 0,
    rowsWritten = 0,
    consumeMs = 0;
  for (let i = 0; i < toConsume.length; i += 100) {
    const items: DeliveryItem[] = toConsume
      .slice(i, i + 100)
      .map((body) => ({ body, msg: { attempts: 1, ack: () => {}, retry: () => {} } }));
    const [r, ms] = await timed(() => deliverNurtureSends(e, items));
    sent += r.sent;
    rowsRead += r.rowsRead;
    rowsWritten += r.rowsWritten;
    consumeMs += ms;
  }
  expect(sent).toBe(CONSUME);
  vi.restoreAllMocks();

  const first = ticks[0]!;
  const sum = (k: "due" | "rowsRead" | "rowsWritten" | "ms" | "queueCalls" | "messages") =>
    ticks.reduce((s, t) => s + t[k], 0);
  console.log(
    `LODESTONE_BENCH_NURTURE ${JSON.stringify({
      due: DUE,
      consumed: CONSUME,
      chunk: DEFAULT_TICK.chunk,
      maxChunks: DEFAULT_TICK.maxChunks,
      baseline: {
        tickMs: baseTickMs,
        tickRowsRead: baseRead.meta.rows_read,
        sendMsPerEmail: baseSendMs / CONSUME,
        emailsPerRequest: CONSUME / baseRequests,
      },
      firstTick: {
        due: first.due,
        ms: first.ms,
        rowsRead: first.rowsRead,
        rowsWritten: first.rowsWritten,
        queueCalls: first.queueCalls,
        messages: first.messages,
      },
      lastTick: (({ due, ms, rowsRead, rowsWritten }) => ({ due, ms, rowsRead, rowsWritten }))(
        ticks.at(-1)!,
      ),
      allTicks: {
        ticks: ticks.length,
        due: sum("due"),
        ms: sum("ms"),
        rowsRead: sum("rowsRead"),
        rowsWritten: sum("rowsWritten"),
        queueCalls: sum("queueCalls"),
        messages: sum("messages"),
      },
      consumer: {
        sent,
        ms: consumeMs,
        rowsRead,
        rowsWritten,
        requests: perRequest.length,
        emailsPerRequest: sent / perRequest.length,
      },
    })}`,
  );
});
