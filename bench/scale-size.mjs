// Bytes per lead and per event: SQLite (what D1 stores) with the real migrations, page_count × page_size before
// and after inserting leads and events the way the report bench seeds them (1 lead row, 1.2 touches, 5 events,
// every index); and gzip NDJSON bytes per event as an archive day file would hold them. D1 refuses PRAGMA
// page_count to a Worker, so this runs on node:sqlite (Node 22: `npx node bench/scale-size.mjs`). SCALE_LEADS sizes it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { gzipSync } from "node:zlib";

const root = path.join(import.meta.dirname, "..");
const leads = Number(process.env.SCALE_LEADS ?? "100000");
const db = new DatabaseSync(":memory:");
for (const f of readdirSync(path.join(root, "migrations"))
  .filter((f) => f.endsWith(".sql"))
  .sort())
  for (const stmt of readFileSync(path.join(root, "migrations", f), "utf8").split(
    "--> statement-breakpoint",
  ))
    if (stmt.trim()) db.exec(stmt);
const bytes = () =>
  db.prepare("PRAGMA page_count").get().page_count * db.prepare("PRAGMA page_size").get().page_size;
const YEAR_START = Date.UTC(2026, 0, 1);
const step = Math.floor((365 * 86_400_000) / leads);
const ids = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${leads})`;
db.exec(`WITH RECURSIVE a(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM a WHERE i < 50) INSERT INTO assets (id, slug, kind, title, summary, outline, locale, timezone, form, file_key, status, created_at, updated_at)
  SELECT i, 'bench-' || i, 'whitepaper', 'Bench asset ' || i, '', '[]', 'en', 'UTC', '{}', 'x', 'published', 0, 0 FROM a`);
const empty = bytes();
db.exec(`${ids} INSERT INTO leads (id, email, referral_code, name, score, stage, touch_count, created_at, updated_at)
  SELECT i, 'lead' || i || '@example.com', 'r' || i, 'Lead ' || i, (i * 37) % 121, 'lead', 1, ${YEAR_START} + i * ${step}, ${YEAR_START} + i * ${step} FROM n`);
db.exec(`${ids} INSERT INTO touches (lead_id, asset_id, at, utm_source, utm_medium, utm_campaign, channel)
  SELECT i, 1 + i % 50, ${YEAR_START} + i * ${step}, CASE WHEN i % 10 < 4 THEN 'linkedin' END, CASE WHEN i % 10 < 4 THEN 'cpc' END,
    CASE WHEN i % 10 < 4 THEN 'camp-' || (i % 10) END, CASE WHEN i % 10 < 4 THEN 'paid' ELSE 'organic_search' END FROM n
  UNION ALL SELECT i, 1 + (i + 1) % 50, ${YEAR_START} + i * ${step} + 259200000, 'newsletter', 'email', NULL, 'email' FROM n WHERE i % 5 = 0`);
const withLeads = bytes();
db.exec(`${ids} INSERT INTO events (lead_id, asset_id, type, at)
  SELECT i, 1 + i % 50, e.type, ${YEAR_START} + i * ${step} + e.k * 3600000 FROM n CROSS JOIN (SELECT 0 AS k, 'gate_submitted' AS type
  UNION ALL SELECT 1, 'downloaded' UNION ALL SELECT 2, 'email_sent' UNION ALL SELECT 3, 'email_delivered' UNION ALL SELECT 4, 'email_opened') e`);
const withEvents = bytes();
const events = db.prepare("SELECT count(*) AS n FROM events").get().n;
const day = db
  .prepare("SELECT * FROM events WHERE at >= ? AND at < ? ORDER BY id")
  .all(Date.UTC(2026, 5, 1), Date.UTC(2026, 5, 2));
const ndjson = `${day.map((r) => JSON.stringify(r)).join("\n")}\n`;
const gz = gzipSync(ndjson).byteLength;
const perLead = (withLeads - empty) / leads;
const perEvent = (withEvents - withLeads) / events;
const GB10 = 10 * 1000 ** 3;
const out = {
  leads,
  events,
  bytesPerLead: Math.round(perLead),
  bytesPerEvent: Math.round(perEvent),
  archiveGzipBytesPerEvent: +(gz / day.length).toFixed(1),
  archiveDayEvents: day.length,
  leadsTo10GB: {
    keepingEveryEvent_5PerLead: Math.floor(GB10 / (perLead + 5 * perEvent)),
    eventsArchived: Math.floor(GB10 / perLead),
  },
};
console.log(JSON.stringify(out, null, 2));
