// Leads for scoring and handoff tests (through the real gate, or inserted directly for a precise state), and bounded waits for the real queue.
import { env } from "cloudflare:workers";

let n = 0;
/** A lead row as a capture would leave it (no touches unless asked), for tests that drive scoring directly. */
export async function insertLead(
  over: Partial<{
    email: string;
    job_title: string | null;
    company_size: string | null;
    phone: string | null;
    stage: string;
    created_at: number;
  }> = {},
): Promise<number> {
  n++;
  const now = over.created_at ?? Date.now();
  const email = over.email ?? `lead${n}-${Math.random().toString(36).slice(2, 8)}@acme.example`;
  const row = await env.DB.prepare(
    `INSERT INTO leads (email, name, job_title, company_size, phone, referral_code, stage, touch_count, created_at, updated_at)
     VALUES (?, 'Test Lead', ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id`,
  )
    .bind(
      email,
      over.job_title ?? null,
      over.company_size ?? null,
      over.phone ?? null,
      `rc${n}${Math.random().toString(36).slice(2, 8)}`,
      over.stage ?? "lead",
      now,
      now,
    )
    .first<{ id: number }>();
  return row!.id;
}

export async function addTouch(
  leadId: number,
  assetId: number,
  at: number,
  channel = "paid",
  campaign: string | null = "spring",
) {
  await env.DB.prepare(
    "INSERT INTO touches (lead_id, asset_id, at, channel, utm_campaign) VALUES (?, ?, ?, ?, ?)",
  )
    .bind(leadId, assetId, at, channel, campaign)
    .run();
}

export async function ledgerSumsMatchScores(): Promise<
  { id: number; score: number; ledger: number; fit: number; fitLedger: number }[]
> {
  const rows = await env.DB.prepare(
    `SELECT l.id, l.score, l.fit_score AS fit, coalesce(sum(s.points), 0) AS ledger, coalesce(sum(CASE WHEN s.kind = 'fit' THEN s.points END), 0) AS fitLedger
     FROM leads l LEFT JOIN score_ledger s ON s.lead_id = l.id GROUP BY l.id`,
  ).all<{ id: number; score: number; ledger: number; fit: number; fitLedger: number }>();
  return rows.results.filter((r) => r.score !== r.ledger || r.fit !== r.fitLedger);
}

/** How long a test waits for the real queue to hand a message to the consumer (it batches for up to 2 s, see wrangler.toml). */
export const QUEUE_WAIT_MS = 10_000;
/** Per-file limits for tests that wait on the real queue (`vi.setConfig(QUEUE_TIMEOUTS)`): a few waits each, every one bounded. */
export const QUEUE_TIMEOUTS = { testTimeout: 30_000, hookTimeout: 15_000 };

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 8000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
