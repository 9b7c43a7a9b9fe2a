/** @jsxImportSource hono/jsx */
// What happened to the lead, newest first and in words: events and score changes in one list; then
// why it scores what it does, its stage history and what sales reported.
import type { Locale } from "../../../src/db/schema";
import { at, type AdminKey } from "../messages";
import { dateTime, money } from "../format";
import {
  eventWords,
  ledgerWhy,
  ledgerWords,
  outcomeName,
  pointsText,
  stageName,
  stageReasonWords,
  type LeadDetail,
} from "./lead-words";

/** The timeline shows this many entries at most (events are already the latest 200). */
const TIMELINE_ENTRIES = 300;

/** `machine`: why a machine (Apple's mail proxy, a scanner) made this open or click; it did not score. */
type Entry = { at: number; order: number; kind: string; words: string; machine?: string | null };

function entries(L: Locale, d: LeadDetail): Entry[] {
  const leadLocale: Locale = d.locale === "zh-CN" ? "zh-CN" : "en";
  // At the same moment a score change follows the event that caused it, and a stage change (an MQL)
  // follows the score that caused it: newest first, that is stage, score, event.
  const events = d.timeline.map((e) => ({
    at: Date.parse(e.at),
    order: e.id + (e.type === "stage_changed" ? 2e12 : 0),
    kind: e.type,
    words: eventWords(L, e, leadLocale),
    machine: e.machine,
  }));
  const scores = d.score_ledger.map((l) => ({
    at: Date.parse(l.at),
    order: l.id + 1e12,
    kind: "score",
    words: ledgerWords(L, l),
  }));
  return [...events, ...scores]
    .sort((a, b) => b.at - a.at || b.order - a.order)
    .slice(0, TIMELINE_ENTRIES);
}

export function LeadTimeline(p: { L: Locale; lead: LeadDetail }) {
  const { L } = p;
  return (
    <div class="card">
      <h2>{at(L, "timeline")}</h2>
      <table class="timeline stack">
        <tbody>
          {entries(L, p.lead).map((e) => (
            <tr data-kind={e.kind} data-machine={e.machine ?? undefined}>
              <td class="when">{dateTime(e.at, L)}</td>
              <td class="what">
                {e.words}
                {e.machine ? (
                  <>
                    {" "}
                    <span class="pill" title={at(L, `machine_${e.machine}` as AdminKey)}>
                      {at(L, "machine_event")}
                    </span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LeadScoreReasons(p: { L: Locale; lead: LeadDetail }) {
  const { L } = p;
  const ledger = p.lead.score_ledger;
  return (
    <div class="card">
      <h2>{at(L, "why_score")}</h2>
      {ledger.length ? (
        <table class="stack">
          <thead>
            <tr>
              <th>{at(L, "at")}</th>
              <th>{at(L, "reason")}</th>
              <th class="n">{at(L, "points")}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.map((l) => (
              <tr>
                <td>{dateTime(l.at, L)}</td>
                <td class="what">{ledgerWhy(L, l, true)}</td>
                <td class="n">{pointsText(l.points)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{at(L, "why_score_empty")}</p>
      )}
    </div>
  );
}

export function LeadStagesAndOutcomes(p: { L: Locale; lead: LeadDetail }) {
  const { L, lead: d } = p;
  return (
    <div class="card">
      <h2>{at(L, "stages")}</h2>
      {d.stage_history.length ? (
        <table class="stack">
          <tbody>
            {d.stage_history.map((s) => (
              <tr data-stage={s.to}>
                <td>{dateTime(s.at, L)}</td>
                <td class="nowrap">{`${s.from ? stageName(L, s.from) : "—"} → ${stageName(L, s.to)}`}</td>
                <td class="what">{s.reason_parts ? stageReasonWords(L, s.reason_parts) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{at(L, "stages_empty")}</p>
      )}
      <h2 style="margin-top:16px">{at(L, "outcomes")}</h2>
      {d.outcomes.length ? (
        <table class="stack">
          <tbody>
            {d.outcomes.map((o) => (
              <tr>
                <td>{dateTime(o.at, L)}</td>
                <td>{outcomeName(L, o.stage)}</td>
                <td class="n">
                  {o.amount_minor !== null && o.currency
                    ? money(o.amount_minor, o.currency, L)
                    : ""}
                </td>
                <td class="what">{o.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{at(L, "outcomes_empty")}</p>
      )}
    </div>
  );
}
