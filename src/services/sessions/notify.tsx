/** @jsxImportSource hono/jsx */
// One registrant's calendar update: an email with an iTIP REQUEST (moved) or CANCEL (cancelled) .ics attached.
import type { Config, Db } from "../../env";
import { linkOrigin, suppressionSecret } from "../../env";
import type { Outcome } from "../../errors";
import type { SessionNotifyMessage } from "../../queue/messages";
import { assetById } from "../../store/assets";
import { sessionById } from "../../store/course-sessions";
import { registrantsAfter } from "../../store/session-registrations";
import { suppressionsAmong } from "../../store/suppressions";
import { emailHashes } from "../../domain/email-address";
import { oneLineHeader } from "../../domain/header-value";
import { organizerOf, sessionIcs } from "../../domain/session-calendar";
import { isLocale } from "../../../templates/i18n";
import { EmailHtml, emailText } from "../../../templates/emails/layout";
import { sessionUpdateEmail } from "../../../templates/emails/session-update";
import { formatSessionTime } from "../../../templates/pages/format";
import { sendOneEmail } from "../nurture/resend-client";
import { unsubscribeUrl } from "../nurture/links";
import { registrantLinks } from "../../domain/registrant-links";

const base64 = (text: string) => {
  let s = "";
  for (const b of new TextEncoder().encode(text)) s += String.fromCharCode(b);
  return btoa(s);
};

export async function sendSessionNotice(
  config: Config,
  db: Db,
  msg: SessionNotifyMessage,
): Promise<Outcome<"sent" | "skipped">> {
  const session = await sessionById(db, msg.sessionId);
  // A newer change is on its way with its own notices: this one would only say something already untrue.
  if (!session || session.calendarSequence !== msg.sequence) return { ok: true, value: "skipped" };
  const [who] = await registrantsAfter(db, session.id, msg.leadId - 1, 1);
  const asset = await assetById(db, session.assetId);
  if (!who || who.leadId !== msg.leadId || who.erased || !asset)
    return { ok: true, value: "skipped" };
  const hashes = await emailHashes(who.email, suppressionSecret(config));
  const suppressed = await suppressionsAmong(db, [hashes.keyed, hashes.legacy]);
  if (suppressed.results.length) return { ok: true, value: "skipped" };
  const links = linkOrigin(config);
  if (!links.ok)
    return { ok: false, retryable: true, message: links.problem, retryAfterSeconds: 600 };
  const origin = links.origin;

  const locale = isLocale(who.locale) ? who.locale : asset.locale;
  const cancelled = session.status === "cancelled";
  const mine = await registrantLinks(origin, config.SIGNING_SECRET, asset, session, who.leadId);
  const ics = sessionIcs(mine.event, {
    origin,
    // The session's last change, not the send time: a retried message carries the same bytes.
    now: session.updatedAt || session.createdAt,
    method: cancelled ? "CANCEL" : "REQUEST",
    organizer: organizerOf(config.EMAIL_FROM),
    attendee: { name: who.name, email: who.email },
  });
  const content = sessionUpdateEmail(locale, cancelled ? "cancelled" : "moved", {
    name: who.name,
    asset_title: asset.title,
    session_time: formatSessionTime(session.startsAt, session.timezone, locale),
    join_url: mine.event.joinUrl,
  });
  const unsubscribe = await unsubscribeUrl(origin, config.SIGNING_SECRET, { l: who.leadId, s: 0 });
  const shell = {
    locale,
    subject: content.subject,
    preheader: content.preheader,
    blocks: content.blocks,
    unsubscribeUrl: unsubscribe,
    openPixelUrl: null,
    calendar: cancelled ? null : mine.calendar,
  };
  const method = cancelled ? "CANCEL" : "REQUEST";
  const result = await sendOneEmail(
    config,
    {
      from: config.EMAIL_FROM,
      to: who.email,
      subject: oneLineHeader(content.subject),
      html: `<!doctype html>${await (<EmailHtml {...shell} />).toString()}`,
      text: emailText(shell),
      headers: { "List-Unsubscribe": `<${unsubscribe}>` },
      tags: [
        { name: "asset", value: asset.slug.replace(/[^A-Za-z0-9_-]/g, "_") },
        { name: "category", value: "session_update" },
      ],
      attachments: [
        {
          filename: cancelled ? "cancel.ics" : "invite.ics",
          content: base64(ics),
          contentType: `text/calendar; method=${method}; charset=utf-8`,
        },
      ],
    },
    // One key per registrant per change: a message delivered twice is one email.
    `session-${session.id}-lead-${who.leadId}-seq-${session.calendarSequence}`,
  );
  if (result.kind === "accepted" || result.kind === "already_sent")
    return { ok: true, value: "sent" };
  if (result.kind === "invalid") return { ok: false, retryable: false, message: result.message };
  return {
    ok: false,
    retryable: true,
    message: result.message,
    retryAfterSeconds: result.afterSeconds ?? 60,
  };
}
