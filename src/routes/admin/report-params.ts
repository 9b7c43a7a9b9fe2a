// Report parameters from a dashboard URL: validated like the API's, with the last 30 days as the default.
import { reportQuery, type ReportQuery } from "../../services/reports/query";
import { addDays, msToDay } from "../../domain/report-days";
import { fieldErrors } from "../../errors";

function defaultRange(now: number, days = 30): { from: string; to: string } {
  const to = msToDay(now);
  return { from: addDays(to, -(days - 1)), to };
}

export function reportParams(
  query: Record<string, string>,
  now: number,
): { q: ReportQuery; error?: string } {
  const input = {
    ...defaultRange(now),
    ...Object.fromEntries(Object.entries(query).filter(([, v]) => v !== "")),
  };
  const parsed = reportQuery.safeParse(input);
  if (parsed.success) return { q: parsed.data };
  const fallback = reportQuery.parse(defaultRange(now));
  const problems = Object.entries(fieldErrors(parsed.error))
    .map(([k, v]) => `${k}: ${v.join(", ")}`)
    .join("; ");
  return { q: fallback, error: problems };
}

export function exportQuery(q: ReportQuery): string {
  const p = new URLSearchParams({
    from: q.from,
    to: q.to,
    grain: q.grain,
    model: q.model,
    by: q.by.join(","),
  });
  if (q.asset_id) p.set("asset_id", String(q.asset_id));
  return p.toString();
}
