// The variables one send hands its template: built from the ledger row, with links signed at queue time.
import type { Locale } from "../../db/schema";
import type { SendRow } from "../../store/sends";
import { isLocale } from "../../../templates/i18n";
import type { EmailVars } from "../../../templates/emails/types";
import { downloadUrl, shareUrl } from "../../domain/lead-links";
import { sessionTimeFor } from "./session-time";
import { optinUrl } from "./links";
import { registrantLinks } from "../../domain/registrant-links";

/** A course send's session links (room, .ics, Google Calendar), or null for a send without a session. */
export async function sessionLinks(row: SendRow, origin: string, secret: string) {
  if (row.session_id === null || row.session_starts_at === null) return null;
  return registrantLinks(
    origin,
    secret,
    { id: row.asset_id, slug: row.slug, title: row.title, summary: row.summary },
    {
      id: row.session_id,
      startsAt: row.session_starts_at,
      durationMinutes: row.session_duration ?? 60,
      calendarSequence: row.session_sequence ?? 0,
      status: row.session_status ?? "scheduled",
    },
    row.lead_id,
  );
}

/** One queued send with everything needed to write its email, as the consumer reads it (store/sends.ts). */
export type { SendRow };

export const localeOf = (row: Pick<SendRow, "locale">): Locale =>
  isLocale(row.locale) ? row.locale : "en";

export type SessionLinks = Awaited<ReturnType<typeof sessionLinks>>;

/**
 * Links are signed as of the moment the send was queued (created_at), so a retried request renders
 * byte for byte the same email and Resend's idempotency key recognises it. `links` are the registrant's
 * session links (sessionLinks), signed once by the caller, which also shows their calendar links.
 */
export async function emailVariables(
  row: SendRow,
  origin: string,
  secret: string,
  unsubscribe: string,
  links: SessionLinks,
): Promise<EmailVars> {
  const locale = localeOf(row);
  const vars: EmailVars = {
    name: row.name,
    asset_title: row.title,
    download_url: await downloadUrl(
      origin,
      secret,
      { l: row.lead_id, a: row.asset_id },
      row.created_at,
    ),
    share_url: shareUrl(origin, row.referral_code, row.slug),
    unsubscribe_url: unsubscribe,
  };
  if (row.session_starts_at !== null) {
    vars.session_time = sessionTimeFor(
      row.session_starts_at,
      row.session_tz ?? row.asset_tz,
      row.country,
      locale,
    );
    // The course room is reached through the signed download link, which records the join; a registrant's names their
    // session and lives until it ends (plus the replay's grace).
    vars.join_url = links?.event.joinUrl ?? vars.download_url;
    vars.download_url = vars.join_url;
  }
  if (row.step_id === 0)
    vars.optin_url = await optinUrl(origin, secret, { e: row.enrolment_id }, row.created_at);
  return vars;
}
