// What happened to a lead, in the marketer's words: stages, channels, timeline entries, score reasons.
import type { Locale } from "../../../src/db/schema";
import type { loadLeadDetail } from "../../../src/services/leads/lead-detail";
import type { StageReason } from "../../../src/domain/stage-reasons";
import { findEmailTemplate } from "../../emails";
import { OPTIN_TEMPLATE_ID } from "../../emails/optin";
import { at, type AdminKey } from "../messages";
import { channelName, outcomeName, stageName } from "../words";

export { channelName, outcomeName, stageName };
import { DEFAULT_RULE_LABELS_ZH } from "../messages/lead-words";

export type LeadDetail = Awaited<ReturnType<typeof loadLeadDetail>>;
type TimelineEvent = LeadDetail["timeline"][number];
type LedgerRow = LeadDetail["score_ledger"][number];

/** A rule's label; the labels Lodestone wrote are translated, the marketer's own are kept. */
export function ruleLabel(L: Locale, label: string): string {
  return L === "zh-CN" ? (DEFAULT_RULE_LABELS_ZH[label] ?? label) : label;
}

const HAN = /\p{Script=Han}/u;
/** A title in quotes: 《…》 in Chinese (and for a Chinese title on the English page), “…” otherwise. */
export function quoteTitle(L: Locale, title: string | null): string {
  if (title === null) return at(L, "unknown_asset");
  return L === "zh-CN" || HAN.test(title) ? `《${title}》` : `“${title}”`;
}

/** The subject of the email an event is about, as the lead saw it (in the lead's language). */
function emailSubject(e: TimelineEvent, leadLocale: Locale): string | null {
  if (!e.email) return null;
  const template = findEmailTemplate(
    e.email.step_id === 0 ? OPTIN_TEMPLATE_ID : (e.email.template ?? ""),
  );
  if (!template) return null;
  // Subjects read the asset's title at most; every other variable is blank here.
  const vars = new Proxy({} as Record<string, string | null>, {
    get: (_, k) => (k === "asset_title" ? (e.asset_title ?? "") : k === "name" ? null : ""),
  });
  return template.content[leadLocale](vars as never).subject;
}

export function stageReasonWords(L: Locale, r: StageReason): string {
  switch (r.kind) {
    case "mql_threshold":
      return at(L, "reason_mql_threshold", { score: r.score, threshold: r.threshold });
    case "sales_outcome":
      return r.note
        ? at(L, "reason_sales_outcome_note", { outcome: outcomeName(L, r.outcome), note: r.note })
        : at(L, "reason_sales_outcome", { outcome: outcomeName(L, r.outcome) });
    default:
      return r.text;
  }
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

/**
 * A clicked link in words: our own download and share links by what they are (their tokens say
 * nothing), any other link without its query and short ("example.com/pricing").
 */
export function linkWords(L: Locale, raw: string): string {
  let short = raw;
  try {
    const u = new URL(raw);
    if (u.pathname.startsWith("/d/")) return at(L, "link_download");
    if (u.pathname.startsWith("/r/")) return at(L, "link_share");
    short = `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    /* not a URL: shown as it is, shortened */
  }
  return at(L, "link_url", { url: short.length > 48 ? `${short.slice(0, 47)}…` : short });
}

/** One event as a sentence: "Downloaded “…”", "Opened email “…”", "Stage Lead → MQL: …". */
export function eventWords(L: Locale, e: TimelineEvent, leadLocale: Locale): string {
  const d = e.data ?? {};
  const asset = quoteTitle(L, e.asset_title);
  const subject = emailSubject(e, leadLocale) ?? at(L, "unknown_subject");
  switch (e.type) {
    case "gate_submitted":
      return at(
        L,
        d.new === false || d.new === 0 ? "ev_gate_submitted_again" : "ev_gate_submitted",
        {
          asset,
          channel: channelName(L, text(d.channel) || "direct"),
        },
      );
    case "downloaded":
    case "session_joined":
    case "session_attended":
    case "referral_visit":
      return at(L, `ev_${e.type}` as AdminKey, { asset });
    case "email_clicked":
      return at(L, "ev_email_clicked", { subject, link: linkWords(L, text(d.url)) });
    case "email_sent":
    case "email_delivered":
    case "email_opened":
    case "email_bounced":
    case "email_complained":
    case "email_delayed":
    case "email_failed":
      return at(L, `ev_${e.type}` as AdminKey, { subject });
    case "link_clicked":
      return at(L, "ev_link_clicked", { link: linkWords(L, text(d.url)) });
    case "stage_changed": {
      const stages = { from: stageName(L, text(d.from)), to: stageName(L, text(d.to)) };
      return e.reason_parts
        ? at(L, "ev_stage_changed_because", {
            ...stages,
            reason: stageReasonWords(L, e.reason_parts),
          })
        : at(L, "ev_stage_changed", stages);
    }
    case "outcome_reported":
      return at(L, "ev_outcome_reported", { outcome: outcomeName(L, text(d.stage)) });
    case "imported":
      return text(d.basis)
        ? at(L, "ev_imported_basis", { source: text(d.source), basis: text(d.basis) })
        : at(L, "ev_imported", { source: text(d.source) });
    case "unsubscribed":
    case "optin_confirmed":
    case "score_changed":
    case "erased":
      return at(L, `ev_${e.type}` as AdminKey);
    default:
      return e.type;
  }
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "0");

/**
 * Why a score row moved the score: the rule, and how (matched, no longer matches, fades, capped).
 * `bare`: a plain match is just the rule's label (a column headed "Reason" needs no "rule").
 */
export function ledgerWhy(L: Locale, l: LedgerRow, bare = false): string {
  const label = l.label === null ? null : ruleLabel(L, l.label);
  if (l.kind === "rule" || label === null)
    return at(L, "why_rule_removed", { id: l.rule_id ?? "?" });
  if (l.kind === "decay") return at(L, "why_decay", { label });
  if (l.kind === "cap") return at(L, "why_cap", { label });
  // Scoring writes this ending when a profile stops matching a fit rule (services/scoring/reconcile.ts).
  if (l.kind === "fit" && l.reason.endsWith(": no longer matches"))
    return at(L, "why_rule_gone", { label });
  return bare ? label : at(L, "why_rule", { label });
}

/** "Score +10 (rule Requested gated content)". */
export function ledgerWords(L: Locale, l: LedgerRow): string {
  return at(L, "ev_score", { points: signed(l.points), why: ledgerWhy(L, l) });
}

export const pointsText = signed;
