// The local Resend-compatible sink: accepts what the SDK would send to Resend and keeps it in D1, answering like Resend.
import { z } from "zod";
import type { Db } from "../../env";
import type { CapturedEmail } from "../../db/schema";
import {
  capturedByRequestKey,
  capturedEmailById,
  capturedEmailsNewestFirst,
  insertCapturedEmails,
  type CapturedEmailSummary,
} from "../../store/captured-emails";
import { emailSchema } from "../../domain/email-address";
import { hmacSha256Hex, sha256Hex } from "../../domain/encoding";
import type { Config } from "../../env";

/**
 * The bearer the sink requires, which Lodestone's resend client sends in its place of an API key:
 * MAIL_SINK_KEY when set, else derived from SIGNING_SECRET (so it is secret without any setup).
 */
export async function mailSinkKey(
  config: Pick<Config, "MAIL_SINK_KEY" | "SIGNING_SECRET">,
): Promise<string> {
  if (config.MAIL_SINK_KEY) return config.MAIL_SINK_KEY;
  return `re_sink_${(await hmacSha256Hex(config.SIGNING_SECRET, "lodestone/mail-sink/v1")).slice(0, 40)}`;
}

/** Resend's limit for one email, attachments included (after base64): resend.com/docs/api-reference/emails/send-email. */
export const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

const recipient = z
  .string()
  .max(320)
  .pipe(
    z
      .string()
      .refine(
        (v) => emailSchema.safeParse(v.replace(/^.*<([^>]+)>\s*$/, "$1")).success,
        "Invalid `to` field",
      ),
  );
const sinkEmail = z
  .object({
    from: z.string().min(3).max(320),
    to: z.union([recipient, z.array(recipient).min(1).max(50)]),
    subject: z.string().min(1).max(998),
    html: z.string().max(1_000_000).optional(),
    text: z.string().max(1_000_000).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    tags: z
      .array(
        z.object({
          name: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
          value: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
        }),
      )
      .optional(),
    attachments: z
      .array(
        z.object({
          filename: z.string().min(1).max(255),
          content: z.string().max(MAX_MESSAGE_BYTES),
          contentType: z.string().max(255).optional(),
          content_type: z.string().max(255).optional(),
        }),
      )
      .max(20)
      .optional(),
  })
  .refine((e) => e.html || e.text, "Provide `html` or `text`");

interface SinkAnswer {
  status: number;
  body: unknown;
}

const ENVELOPE_CODE: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  409: "CONFLICT",
  422: "BAD_REQUEST",
};

/**
 * A refusal as Resend words it (statusCode, name, message: what the resend SDK reads), with Lodestone's
 * error envelope beside it for anyone else reading the answer.
 */
export const sinkRefusal = (status: number, name: string, message: string): SinkAnswer => ({
  status,
  body: {
    statusCode: status,
    name,
    message,
    error: { code: ENVELOPE_CODE[status] ?? "BAD_REQUEST", message },
  },
});
const resendError = sinkRefusal;

/**
 * Keeps a request's emails as Resend would create them: permissive batches keep the valid ones and
 * list the rest by index; the same Idempotency-Key with the same body answers the same ids again.
 */
export async function acceptEmails(
  db: Db,
  rawBody: string,
  opts: { batch: boolean; key: string | null; permissive: boolean; now: number },
): Promise<SinkAnswer> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return resendError(400, "validation_error", "The body is not valid JSON");
  }
  const list = opts.batch ? parsed : [parsed];
  if (!Array.isArray(list) || !list.length || list.length > 100)
    return resendError(422, "validation_error", "A batch carries 1 to 100 emails");
  const checked = list.map((e) => sinkEmail.safeParse(e));
  const errors = checked.flatMap((r, index) =>
    r.success ? [] : [{ index, message: r.error.issues[0]!.message }],
  );
  if (errors.length && (!opts.batch || !opts.permissive))
    return resendError(422, "validation_error", errors[0]!.message);

  const hash = await sha256Hex(rawBody);
  const answer = (ids: string[]): SinkAnswer => ({
    status: 200,
    body: opts.batch
      ? { data: ids.map((id) => ({ id })), ...(opts.permissive ? { errors } : {}) }
      : { id: ids[0] },
  });
  if (opts.key) {
    const prior = await capturedByRequestKey(db, opts.key);
    if (prior.length) {
      if (prior[0]!.requestHash !== hash)
        return resendError(
          409,
          "invalid_idempotent_request",
          "This idempotency key was used with a different payload",
        );
      return answer(prior.map((p) => p.id));
    }
  }
  const rows = checked.flatMap((r, position) =>
    r.success
      ? [
          {
            id: crypto.randomUUID(),
            requestKey: opts.key,
            requestHash: hash,
            position,
            from: r.data.from,
            to: [r.data.to].flat(),
            subject: r.data.subject,
            html: r.data.html ?? null,
            text: r.data.text ?? null,
            headers: r.data.headers ?? {},
            tags: r.data.tags ?? [],
            attachments: (r.data.attachments ?? []).map((a) => ({
              filename: a.filename,
              contentType: a.contentType ?? a.content_type ?? null,
              content: a.content,
            })),
            createdAt: opts.now,
          },
        ]
      : [],
  );
  await insertCapturedEmails(db, rows);
  return answer(rows.map((r) => r.id));
}

export type { CapturedEmailSummary };

/** Mail to teammates (invitations, sign-in links) is tagged so: a sign-in link is a key to an account. */
export const TEAM_MAIL_TAG = { name: "category", value: "team" } as const;

/**
 * Newest first; `before` (a created_at) pages back. For the dashboard and the admin JSON route. Without
 * `withTeamMail` (only admins may), teammates' mail is left out.
 */
export async function listCapturedMail(
  db: Db,
  opts: { limit: number; before?: number; to?: string; withTeamMail?: boolean },
): Promise<CapturedEmailSummary[]> {
  const rows = await capturedEmailsNewestFirst(db, {
    limit: opts.to ? opts.limit * 10 : opts.limit,
    before: opts.before,
    withoutTag: opts.withTeamMail ? undefined : TEAM_MAIL_TAG,
  });
  return (opts.to ? rows.filter((r) => r.to.includes(opts.to!)) : rows).slice(0, opts.limit);
}

export async function getCapturedMail(
  db: Db,
  id: string,
  opts: { withTeamMail?: boolean } = {},
): Promise<CapturedEmail | null> {
  return (await capturedEmailById(db, id, opts.withTeamMail ? undefined : TEAM_MAIL_TAG)) ?? null;
}
