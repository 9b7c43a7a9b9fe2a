/** @jsxImportSource hono/jsx */
// One lead in full: profile, touches, timeline, and why it scores what it does.
import type { Locale } from "../../../src/db/schema";
import type { loadLeadDetail } from "../../../src/services/leads/lead-detail";
import { AdminLayout, type AdminChrome } from "../layout";
import { at } from "../messages";
import { dateTime, money } from "../format";
import { LeadConsent } from "../components/lead-consent";
import { LeadNurture } from "../components/lead-nurture";

type Detail = Awaited<ReturnType<typeof loadLeadDetail>>;

export function LeadDetailPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  lead: Detail;
}) {
  const L = p.locale;
  const d = p.lead;
  const profile: [string, string | null][] = [
    [at(L, "email"), d.email],
    [at(L, "company"), d.company],
    [at(L, "job_title"), d.job_title],
    [at(L, "country"), d.country],
    [at(L, "stage"), d.stage],
    [at(L, "score"), `${d.score.total} (fit ${d.score.fit}, behaviour ${d.score.behaviour})`],
    [at(L, "created"), dateTime(d.created_at, L)],
  ];
  return (
    <AdminLayout
      locale={L}
      title={d.name || d.email}
      path="/admin/leads"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1 class="lead-name">{d.name || d.email}</h1>
      <div class="cols">
        <div class="card">
          <table>
            <tbody>
              {profile.map(([k, v]) => (
                <tr>
                  <th>{k}</th>
                  <td>{v ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="card">
          <h2>{at(L, "why_score")}</h2>
          {d.score_ledger.length ? (
            <table>
              <thead>
                <tr>
                  <th>{at(L, "at")}</th>
                  <th>{at(L, "reason")}</th>
                  <th class="n">{at(L, "points")}</th>
                </tr>
              </thead>
              <tbody>
                {d.score_ledger.map((l) => (
                  <tr>
                    <td>{dateTime(l.at, L)}</td>
                    <td>{l.reason}</td>
                    <td class="n">{l.points > 0 ? `+${l.points}` : String(l.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="empty">{at(L, "why_score_empty")}</p>
          )}
        </div>
      </div>
      <div class="cols">
        <LeadConsent locale={L} consent={d.consent} />
        <LeadNurture locale={L} nurture={d.nurture} />
      </div>
      <div class="card">
        <h2>{at(L, "touches")}</h2>
        <table>
          <thead>
            <tr>
              <th>{at(L, "at")}</th>
              <th>{at(L, "asset")}</th>
              <th>{at(L, "channel")}</th>
              <th>{at(L, "utm_source")}</th>
              <th>{at(L, "utm_medium")}</th>
              <th>{at(L, "utm_campaign")}</th>
            </tr>
          </thead>
          <tbody>
            {d.touches.map((t) => (
              <tr>
                <td>{dateTime(t.at, L)}</td>
                <td>
                  <a href={`/admin/assets/${t.asset.id}`}>{t.asset.title}</a>
                </td>
                <td>{t.channel}</td>
                <td>{t.utm_source ?? ""}</td>
                <td>{t.utm_medium ?? ""}</td>
                <td>{t.utm_campaign ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="cols">
        <div class="card">
          <h2>{at(L, "timeline")}</h2>
          <table>
            <tbody>
              {d.timeline.map((e) => (
                <tr>
                  <td>{dateTime(e.at, L)}</td>
                  <td>
                    {e.type}{" "}
                    {e.machine ? (
                      <span class="pill" title={at(L, `machine_${e.machine}`)}>
                        {at(L, "machine_event")}
                      </span>
                    ) : null}
                  </td>
                  <td class="muted">{e.data ? JSON.stringify(e.data).slice(0, 160) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="card">
          <h2>{at(L, "stages")}</h2>
          <table>
            <tbody>
              {d.stage_history.map((s) => (
                <tr>
                  <td>{dateTime(s.at, L)}</td>
                  <td>{`${s.from ?? "—"} → ${s.to}`}</td>
                  <td>{s.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 style="margin-top:16px">{at(L, "outcomes")}</h2>
          <table>
            <tbody>
              {d.outcomes.map((o) => (
                <tr>
                  <td>{dateTime(o.at, L)}</td>
                  <td>{o.stage}</td>
                  <td>
                    {o.amount_minor !== null && o.currency
                      ? money(o.amount_minor, o.currency, L)
                      : ""}
                  </td>
                  <td>{o.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </AdminLayout>
  );
}
