/** @jsxImportSource hono/jsx */
// Mail to teammates through the same Resend path as every other mail (the local sink under `npm start`):
// untracked, no unsubscribe, tagged `category=team` so the captured-mail pages show it to admins only.
import type { Config } from "../../env";
import type { Locale } from "../../db/schema";
import type { EmailContent } from "../../../templates/emails/types";
import { EmailHtml, emailText } from "../../../templates/emails/layout";
import { MailConfigError, sendEmailBatch } from "../nurture/resend-client";
import { TEAM_MAIL_TAG } from "../nurture/mail-sink";
import { errorFields, log } from "../../platform/logger";

/** Sends one mail; true when Resend (or the sink) accepted it. Failures are logged with their reason. */
export async function sendTeamMail(
  config: Config,
  mail: {
    to: string;
    locale: Locale;
    kind: "invitation" | "sign_in" | "lead_routed" | "lead_lapsed";
    content: EmailContent;
  },
  idempotencyKey: string,
  now: number,
): Promise<boolean> {
  // The subject names the inviter (a person's or a token's name): no line break may reach the header.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this folds
  const subject = mail.content.subject.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, " ");
  const shell = {
    locale: mail.locale,
    subject,
    preheader: mail.content.preheader,
    blocks: mail.content.blocks,
    unsubscribeUrl: null,
    openPixelUrl: null,
  };
  const html = `<!doctype html>${await (<EmailHtml {...shell} />).toString()}`;
  try {
    const result = await sendEmailBatch(
      config,
      [
        {
          from: config.EMAIL_FROM,
          to: mail.to,
          subject,
          html,
          text: emailText(shell),
          headers: {},
          tags: [TEAM_MAIL_TAG, { name: "kind", value: mail.kind }],
        },
      ],
      idempotencyKey,
      now,
    );
    if (result.kind === "accepted" && result.ids[0]) return true;
    log.error("team mail was not accepted", {
      kind: mail.kind,
      result: result.kind,
      reason: result.kind === "accepted" ? result.errors.get(0) : result.message,
    });
    return false;
  } catch (err) {
    if (!(err instanceof MailConfigError)) throw err;
    log.error("team mail cannot be sent", { kind: mail.kind, ...errorFields(err) });
    return false;
  }
}
