// A test send of one step: the preview, subject marked [Test], mailed to one address through Resend (the local sink
// under `npm start`). No ledger row, no tracking, no report counts it; a suppressed address is refused.
import type { Config, Db } from "../../env";
import { AppError, badRequest } from "../../errors";
import { suppressionSecret } from "../../env";
import { emailHashes, emailSchema } from "../../domain/email-address";
import { oneLineHeader } from "../../domain/header-value";
import { suppressionsAmong } from "../../store/suppressions";
import { actionsSince } from "../../store/audit-log";
import { MailConfigError, sendEmailBatch } from "./resend-client";
import { previewInput, previewStep, type StepPreview } from "./preview-step";

export const TEST_SEND_ACTION = "sequence.test_send";
/** Test sends across the workspace per window: enough to check a step, too few to mail a list by hand. */
export const TEST_SENDS_PER_WINDOW = 10;
const WINDOW_MS = 10 * 60_000;
const TEST_TAG = { name: "category", value: "test" } as const;

export const testSendInput = previewInput.extend({
  to: emailSchema,
});

export interface TestSend {
  to: string;
  subject: string;
  locale: StepPreview["locale"];
  resend_id: string;
}

/** The API's test send of step `position`: its stored copy (or the copy given), to `to`. */
export async function sendTestOfStep(
  db: Db,
  config: Config,
  assetId: number,
  position: number,
  raw: unknown,
  link: { origin: string; now: number },
): Promise<TestSend> {
  const parsed = testSendInput.safeParse(raw ?? {});
  if (!parsed.success) throw badRequest(parsed.error, "The test send is not valid");
  const { to, ...preview } = parsed.data;
  const email = await previewStep(db, assetId, position, preview, {
    ...link,
    secret: config.SIGNING_SECRET,
  });
  return sendTest(db, config, email, to, position, link.now);
}

/** Mails a rendered preview as a test: limited, never to a suppressed address, subject marked [Test]. */
export async function sendTest(
  db: Db,
  config: Config,
  email: StepPreview,
  to: string,
  position: number,
  now: number,
): Promise<TestSend> {
  // Checked after the preview, so a request that could never be sent spends nothing of the limit.
  const recent = await actionsSince(db, TEST_SEND_ACTION, now - WINDOW_MS);
  if (recent >= TEST_SENDS_PER_WINDOW)
    throw new AppError(
      "RATE_LIMITED",
      `At most ${TEST_SENDS_PER_WINDOW} test sends every ${WINDOW_MS / 60_000} minutes; try again shortly`,
      { retryAfter: 60 },
    );
  const hashes = await emailHashes(to, suppressionSecret(config));
  const suppressed = await suppressionsAmong(db, [hashes.keyed, hashes.legacy]);
  if (suppressed.results.length)
    throw new AppError(
      "CONFLICT",
      `This address is suppressed (${suppressed.results[0]!.reason}): Lodestone sends it nothing, tests included`,
      { details: { fields: { to: ["This address is suppressed"] } } },
    );

  const subject = oneLineHeader(`[Test] ${email.subject}`);
  try {
    const result = await sendEmailBatch(
      config,
      [
        {
          from: config.EMAIL_FROM,
          to,
          subject,
          html: email.html,
          text: email.text,
          headers: { "X-Lodestone-Test": "1" },
          tags: [TEST_TAG, { name: "step", value: String(position) }],
        },
      ],
      `lodestone/test/${crypto.randomUUID()}`,
      now,
    );
    if (result.kind === "accepted" && result.ids[0])
      return { to, subject, locale: email.locale, resend_id: result.ids[0] };
    const reason = result.kind === "accepted" ? result.errors.get(0) : result.message;
    if (result.kind === "retry")
      throw new AppError("RATE_LIMITED", `The mail service asked to wait: ${reason}`, {
        retryAfter: result.afterSeconds ?? 60,
      });
    throw new AppError("BAD_REQUEST", `The mail service refused the test: ${reason}`, {
      details: { fields: { to: [reason ?? "refused"] } },
    });
  } catch (err) {
    if (err instanceof MailConfigError) throw new AppError("CONFLICT", err.message);
    throw err;
  }
}
