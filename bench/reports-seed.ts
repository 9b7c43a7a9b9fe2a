// Seeds a year of a busy deployment straight into local D1 with INSERT … SELECT over recursive CTEs:
// 50 assets, N leads (1,000,000 by default), 1.2 touches per lead, 5 events per lead, daily campaign spend.
import { env } from "cloudflare:workers";

export const YEAR_START = Date.UTC(2026, 0, 1);
export const YEAR_MS = 365 * 86_400_000;
export const ASSETS = 50;
export const CAMPAIGNS = 10;
const CHUNK = 200_000;

async function exec(sql: string, ...params: unknown[]) {
  return env.DB.prepare(sql)
    .bind(...params)
    .run();
}

/** Lead ids lo..hi, in a recursive CTE. */
const ids = (lo: number, hi: number) =>
  `WITH RECURSIVE n(i) AS (SELECT ${lo} UNION ALL SELECT i + 1 FROM n WHERE i < ${hi})`;

export async function seed(leads: number, log: (s: string) => void) {
  const now = Date.now();
  await exec(
    `${ids(1, ASSETS)} INSERT INTO assets (id, slug, kind, title, summary, outline, locale, timezone, form, file_key, status, created_at, updated_at)
    SELECT i, 'bench-' || i, 'whitepaper', 'Bench asset ' || i, '', '[]', 'en', 'UTC', '{"fields":{},"consent":{"mode":"optional","text":"","version":"v1","basis":null},"privacy":{"required":false}}', 'x', 'published', ?, ? FROM n`,
    now,
    now,
  );

  for (let lo = 1; lo <= leads; lo += CHUNK) {
    const hi = Math.min(leads, lo + CHUNK - 1);
    // Leads spread evenly over the year; 3% reached MQL a few days after capture.
    await exec(`${ids(lo, hi)} INSERT INTO leads (id, email, referral_code, name, score, stage, mql_at, touch_count, created_at, updated_at, referred_by_lead_id)
      SELECT i, 'lead' || i || '@bench.test', 'r' || i, 'Lead ' || i, (i * 37) % 121, CASE WHEN i % 33 = 0 THEN 'mql' ELSE 'lead' END,
        CASE WHEN i % 33 = 0 THEN ${YEAR_START} + (i - 1) * ${Math.floor(YEAR_MS / leads)} + 259200000 END,
        CASE WHEN i % 5 = 0 THEN 2 ELSE 1 END, ${YEAR_START} + (i - 1) * ${Math.floor(YEAR_MS / leads)}, ${YEAR_START} + (i - 1) * ${Math.floor(YEAR_MS / leads)},
        CASE WHEN i % 50 = 7 THEN i - 1 END FROM n`);
    // First touches: 40% paid (10 campaigns), the rest organic, social, email, referral, direct.
    await exec(`${ids(lo, hi)} INSERT INTO touches (id, lead_id, asset_id, at, utm_source, utm_medium, utm_campaign, channel)
      SELECT i, i, 1 + ((i * 2654435761) / 4096) % ${ASSETS}, ${YEAR_START} + (i - 1) * ${Math.floor(YEAR_MS / leads)},
        CASE WHEN (i * 31) % 10 < 4 THEN 'linkedin' END, CASE WHEN (i * 31) % 10 < 4 THEN 'cpc' END,
        CASE WHEN (i * 31) % 10 < 4 THEN 'camp-' || ((i / 10) % ${CAMPAIGNS}) END,
        CASE (i * 31) % 10 WHEN 0 THEN 'paid' WHEN 1 THEN 'paid' WHEN 2 THEN 'paid' WHEN 3 THEN 'paid' WHEN 4 THEN 'organic_search' WHEN 5 THEN 'social' WHEN 6 THEN 'email' WHEN 7 THEN 'referral' ELSE 'direct' END
      FROM n`);
    // Five events per lead.
    await exec(`${ids(lo, hi)} INSERT INTO events (lead_id, asset_id, type, at)
      SELECT i, 1 + ((i * 2654435761) / 4096) % ${ASSETS}, e.type, ${YEAR_START} + (i - 1) * ${Math.floor(YEAR_MS / leads)} + e.k * 3600000
      FROM n CROSS JOIN (SELECT 0 AS k, 'gate_submitted' AS type UNION ALL SELECT 1, 'downloaded' UNION ALL SELECT 2, 'email_sent' UNION ALL SELECT 3, 'email_delivered' UNION ALL SELECT 4, 'email_opened') e`);
    log(`  leads, touches, events ${lo.toLocaleString("en")}–${hi.toLocaleString("en")}`);
  }
  // A second touch for every fifth lead, three days later, on the next asset, from a newsletter.
  for (let lo = 1; lo <= leads; lo += CHUNK) {
    const hi = Math.min(leads, lo + CHUNK - 1);
    await exec(`${ids(lo, hi)} INSERT INTO touches (lead_id, asset_id, at, utm_source, utm_medium, channel)
      SELECT i, 1 + (1 + ((i * 2654435761) / 4096) % ${ASSETS}) % ${ASSETS}, ${YEAR_START} + (i - 1) * ${Math.floor(YEAR_MS / leads)} + 259200000, 'newsletter', 'email', 'email' FROM n WHERE i % 5 = 0`);
  }
  // Spend: every campaign every day (as an ad platform's daily cost export), plus a monthly fee per asset.
  await exec(
    `WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 364), c(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM c WHERE j < ${CAMPAIGNS - 1})
    INSERT INTO spend (utm_source, utm_medium, utm_campaign, channel, day_from, day_to, amount_minor, currency, reporting_minor, import_key, created_at)
    SELECT 'linkedin', 'cpc', 'camp-' || j, 'paid', date(${YEAR_START / 1000} + k * 86400, 'unixepoch'), date(${YEAR_START / 1000} + k * 86400, 'unixepoch'),
      (10000 + (k * 7 + j * 13) % 5000) * 100, 'USD', (10000 + (k * 7 + j * 13) % 5000) * 100, 'bench:' || j || ':' || k, ? FROM d CROSS JOIN c`,
    now,
  );
  await exec(
    `WITH RECURSIVE a(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM a WHERE i < ${ASSETS}), m(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM m WHERE k < 12)
    INSERT INTO spend (asset_id, day_from, day_to, amount_minor, currency, reporting_minor, created_at)
    SELECT i, printf('2026-%02d-01', k), date(printf('2026-%02d-01', k), '+1 month', '-1 day'), 50000 + i * 100, 'USD', 50000 + i * 100, ? FROM a CROSS JOIN m`,
    now,
  );
}
