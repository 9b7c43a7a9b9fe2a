/** @jsxImportSource hono/jsx */
// The lead's profile card: who they are, how to reach them, where they stand, and who referred them.
import type { Locale } from "../../../src/db/schema";
import { at } from "../messages";
import { dateTime, num } from "../format";
import { stageName, type LeadDetail } from "./lead-words";

function ReferredBy(p: { L: Locale; referrer: LeadDetail["referred_by"] }) {
  const r = p.referrer;
  if (!r) return <>—</>;
  if (r.erased)
    return (
      <span class="muted" data-referrer="erased">
        {at(p.L, "referrer_erased")}
      </span>
    );
  return (
    <a href={`/admin/leads/${r.id}`} data-referrer={String(r.id)}>
      {r.name ? `${r.name} (${r.email ?? ""})` : (r.email ?? `#${r.id}`)}
    </a>
  );
}

export function LeadProfile(p: { L: Locale; lead: LeadDetail }) {
  const { L, lead: d } = p;
  const rows: [key: string, label: string, value: string | null][] = [
    ["email", at(L, "email"), d.email],
    ["phone", at(L, "phone"), d.phone],
    ["company", at(L, "company"), d.company],
    ["company_size", at(L, "company_size"), d.company_size],
    ["job_title", at(L, "job_title"), d.job_title],
    ["country", at(L, "country"), d.country],
    ["stage", at(L, "stage"), stageName(L, d.stage)],
    [
      "score",
      at(L, "score"),
      at(L, "score_parts", {
        total: num(d.score.total, L),
        fit: num(d.score.fit, L),
        behaviour: num(d.score.behaviour, L),
      }),
    ],
    ["created", at(L, "created"), dateTime(d.created_at, L)],
  ];
  return (
    <div class="card">
      <table class="facts">
        <tbody>
          {rows.map(([key, label, value]) => (
            <tr data-field={key}>
              <th scope="row">{label}</th>
              <td>{value ?? "—"}</td>
            </tr>
          ))}
          <tr data-field="referred_by">
            <th scope="row">{at(L, "referred_by")}</th>
            <td>
              <ReferredBy L={L} referrer={d.referred_by} />
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
