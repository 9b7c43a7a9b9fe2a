// Sending a batch through the resend SDK, and what its answer means for the ledger: sent, failed, or retry.
import { Resend } from "resend";
import type { Config } from "../../env";
import { retryAfterSeconds } from "../../domain/http-time";
import { mailSinkKey } from "./mail-sink";

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
}

/** One email with files (a calendar update's invite.ics): Resend's batch endpoint takes no attachments. */
export interface OutgoingEmailWithFiles extends OutgoingEmail {
  attachments: { filename: string; content: string; contentType: string }[];
}

export type RequestResult =
  /** Resend created the emails it could; `errors` holds the ones it refused as invalid, by index. */
  | { kind: "accepted"; ids: (string | null)[]; errors: Map<number, string> }
  /** The whole request was refused as invalid: sending it again as it is cannot help. */
  | { kind: "invalid"; message: string }
  /** The key was already used for a different payload: Resend accepted this request before. */
  | { kind: "already_sent"; message: string }
  | { kind: "retry"; message: string; afterSeconds: number | null };

export class MailConfigError extends Error {}

/** A client per call, from config: never at module load. The local sink gets its key, not an API key. */
async function resendClient(config: Config): Promise<Resend> {
  if (config.RESEND_API_KEY)
    return new Resend(config.RESEND_API_KEY, {
      baseUrl: config.RESEND_BASE_URL ?? "https://api.resend.com",
    });
  if (config.RESEND_BASE_URL)
    return new Resend(await mailSinkKey(config), { baseUrl: config.RESEND_BASE_URL });
  throw new MailConfigError(
    "RESEND_API_KEY is not set and RESEND_BASE_URL does not point at a local sink: nothing can be sent",
  );
}

interface ResendError {
  statusCode?: number | null;
  name?: string;
  message?: string;
}

/** Which Resend answers are worth trying again (see resend.com/docs/api-reference/errors). */
function classifyFailure(
  error: ResendError,
  headers: Record<string, string> | null,
  now: number,
): RequestResult {
  const status = error.statusCode ?? null;
  const message = `${status ?? "network"} ${error.name ?? "error"}: ${error.message ?? ""}`.trim();
  if (status === 429)
    return {
      kind: "retry",
      message,
      afterSeconds: retryAfterSeconds(headers?.["retry-after"], now),
    };
  if (status === 409 && error.name === "invalid_idempotent_request")
    return { kind: "already_sent", message };
  if (status === 409) return { kind: "retry", message, afterSeconds: 2 };
  if (status === 400 || status === 422) return { kind: "invalid", message };
  // 401/403 (key), 404/405 (base URL), 5xx and network errors may be fixed by time or by an operator.
  return { kind: "retry", message, afterSeconds: null };
}

export async function sendEmailBatch(
  config: Config,
  emails: OutgoingEmail[],
  key: string,
  now = Date.now(),
): Promise<RequestResult> {
  if (!emails.length || emails.length > 100)
    throw new Error("A Resend batch carries 1 to 100 emails");
  const { data, error, headers } = await (await resendClient(config)).batch.send(emails, {
    idempotencyKey: key,
    batchValidation: "permissive",
  });
  if (error || !data) return classifyFailure((error ?? {}) as ResendError, headers, now);
  const errors = new Map<number, string>(
    ((data as { errors?: { index: number; message: string }[] }).errors ?? []).map((e) => [
      e.index,
      e.message,
    ]),
  );
  // Resend lists the created emails in request order, leaving out the refused ones.
  const created = [...data.data];
  const ids = emails.map((_, i) => (errors.has(i) ? null : (created.shift()?.id ?? null)));
  return { kind: "accepted", ids, errors };
}

/** Sends one email (POST /emails) under an Idempotency-Key; the answer in the same terms as a batch of one. */
export async function sendOneEmail(
  config: Config,
  email: OutgoingEmailWithFiles,
  key: string,
  now = Date.now(),
): Promise<RequestResult> {
  const { data, error, headers } = await (await resendClient(config)).emails.send(email, {
    idempotencyKey: key,
  });
  if (error || !data) return classifyFailure((error ?? {}) as ResendError, headers, now);
  return { kind: "accepted", ids: [data.id], errors: new Map() };
}
