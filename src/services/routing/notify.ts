// Mail after a placement: the new owner gets the lead (summary, why this score, deadline); marketing hears of a lapse.
import type { Config, Db } from "../../env";
import { linkOrigin } from "../../env";
import type { Outcome } from "../../errors";
import type { Locale } from "../../db/schema";
import type { RoutedMessage } from "../../queue/messages";
import { routingOfLead } from "../../store/leads";
import { loadLeadSummary } from "../leads/lead-summary";
import type { LeadSummary } from "../handoff/schemas";
import { sendTeamMail } from "../access/team-mail";
import { lapseEmail, ownerEmail } from "../../../templates/emails/routing";
import { loadRoster, workspaceTimeZone, type Roster } from "./team";
import { log } from "../../platform/logger";

/** The lead as one line for a teammate: who, what role, where. */
export function leadLine(s: Pick<LeadSummary, "name" | "email" | "job_title" | "company">): string {
  return [s.name ?? s.email, s.job_title, s.company].filter(Boolean).join(" · ");
}

function deadlineText(ms: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(new Date(ms));
}

const who = (roster: Roster, id: number | null) => {
  const p = id === null ? undefined : roster.byId.get(id);
  return p ? (p.name ?? p.email) : "—";
};

/**
 * Sends the mail a placement calls for, once: a message about a placement the lead has since moved on from
 * is dropped, and every mail carries an idempotency key of the lead, the placement time and the recipient,
 * so a retried message sends nothing twice.
 */
export async function notifyRouted(
  deps: { db: Db; config: Config },
  m: RoutedMessage,
): Promise<Outcome> {
  const { db, config } = deps;
  const routing = await routingOfLead(db, m.leadId);
  const current =
    routing &&
    routing.erasedAt === null &&
    routing.ownerId === m.ownerId &&
    (m.ownerId === null ? routing.routingFlaggedAt : routing.ownerAssignedAt) === m.at;
  if (!current) return { ok: true, value: undefined };
  const links = linkOrigin(config);
  if (!links.ok) return { ok: false, retryable: false, message: links.problem };
  const summary = await loadLeadSummary(db, m.leadId);
  if (!summary) return { ok: true, value: undefined };
  const [roster, timeZone] = await Promise.all([loadRoster(db), workspaceTimeZone(db)]);
  const leadUrl = `${links.origin}/admin/leads/${m.leadId}`;
  const lead = leadLine(summary);
  const key = (to: number) => `lead-routed:${m.leadId}:${m.at}:${to}`;
  let failed = 0;

  const owner = m.ownerId === null ? undefined : roster.byId.get(m.ownerId);
  if (owner && routing.acceptBy !== null) {
    const content = ownerEmail(owner.locale, {
      ownerName: owner.name,
      lead,
      score: summary.score.total,
      reasons: summary.score.top_reasons.map(
        (r) => `${r.label} (${r.points > 0 ? "+" : ""}${r.points})`,
      ),
      acceptBy: deadlineText(routing.acceptBy, owner.locale, timeZone),
      leadUrl,
      handedOn: m.previousOwnerId !== null,
    });
    const to = { to: owner.email, locale: owner.locale, kind: "lead_routed" as const, content };
    if (!(await sendTeamMail(config, to, key(owner.id), Date.now()))) failed++;
  }
  // Marketing hears when a lead was handed on, and when nobody could take it.
  if (m.previousOwnerId !== null || m.ownerId === null) {
    for (const p of roster.marketing) {
      const content = lapseEmail(p.locale, {
        name: p.name,
        lead,
        from: m.previousOwnerId === null ? "—" : who(roster, m.previousOwnerId),
        to: owner ? who(roster, owner.id) : null,
        leadUrl,
      });
      const to = { to: p.email, locale: p.locale, kind: "lead_lapsed" as const, content };
      if (!(await sendTeamMail(config, to, key(p.id), Date.now()))) failed++;
    }
  }
  if (!failed) return { ok: true, value: undefined };
  log.warn("routing mail not accepted; will retry", { lead_id: m.leadId, failed });
  return {
    ok: false,
    retryable: true,
    message: `${failed} routing mail(s) not accepted`,
    retryAfterSeconds: 60,
  };
}
