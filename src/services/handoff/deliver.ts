// One delivery attempt: sign per Standard Webhooks, POST with a 5 s timeout, log it, decide what happens next.
import { Webhook } from "standardwebhooks";
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import { batch } from "../../store/batch";
import {
  attemptInsert,
  deliveryAttempted,
  endpointDisabled,
  endpointFailed,
  endpointSucceeded,
  parkDelivery,
  deliveryParked,
  readDeliveryAttempt,
} from "../../store/webhooks";
import { retryAfterSeconds } from "../../domain/http-time";
import { checkWebhookTarget, type TargetRules } from "../../domain/webhook-target";

/**
 * Seconds to wait before each attempt, after the previous one (the Standard Webhooks schedule):
 * immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — about 28 hours in all.
 */
const RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const;
const ATTEMPT_TIMEOUT_MS = 5_000;
/** Queues delay a message by at most 12 hours. */
const MAX_DELAY_SECONDS = 43_200;

type AttemptResult = { delivered: boolean; statusCode: number | null };

/** The secrets that sign now: the current one, and the one it replaced while its grace period lasts. */
export function signingSecrets(
  endpoint: {
    secret: string;
    previousSecret: string | null;
    previousSecretExpiresAt: number | null;
  },
  now: number,
): string[] {
  const previous =
    endpoint.previousSecret && (endpoint.previousSecretExpiresAt ?? 0) > now
      ? [endpoint.previousSecret]
      : [];
  return [endpoint.secret, ...previous];
}

/**
 * Signs exactly the bytes that are sent: webhook-id, webhook-timestamp and a v1 HMAC-SHA256 signature per
 * secret, space-separated as Standard Webhooks allows, so a receiver holding either secret verifies it.
 */
function signedHeaders(
  secrets: string[],
  messageId: string,
  now: number,
  payload: string,
): Record<string, string> {
  const at = new Date(now);
  return {
    "content-type": "application/json",
    "user-agent": "Lodestone-Webhooks/1.0",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(now / 1000)),
    "webhook-signature": secrets.map((s) => new Webhook(s).sign(messageId, at, payload)).join(" "),
  };
}

async function excerpt(res: Response): Promise<string> {
  try {
    return (await res.text()).slice(0, 500);
  } catch {
    return "";
  }
}

/**
 * Attempts delivery `deliveryId` at `now`. Success and final failures return ok / not retryable; a failure
 * with attempts left returns retryable with the delay the schedule (or the receiver's Retry-After) asks for.
 * A 410 disables the endpoint; so does a delivery that failed for the whole schedule. Every attempt is logged.
 * An endpoint whose URL is not an allowed target (stored before the check, or the rules changed) is never
 * called: it is switched off with the reason, and the delivery parked until the URL is fixed.
 */
export async function attemptDelivery(
  db: Db,
  deliveryId: number,
  now: number,
  rules: TargetRules,
  fetchFn: typeof fetch = fetch,
): Promise<Outcome<AttemptResult | null>> {
  const { delivery, endpoint } = await readDeliveryAttempt(db, deliveryId);
  if (delivery?.status !== "pending") return { ok: true, value: null }; // done already, or a duplicate message
  if (!endpoint?.active) {
    // Parked, not lost: turning the endpoint back on queues it again.
    await parkDelivery(db, deliveryId, now);
    return { ok: true, value: null };
  }
  const target = checkWebhookTarget(endpoint.url, rules);
  if (!target.ok) {
    await batch(db, [
      endpointDisabled(
        db,
        endpoint.id,
        `Its URL is not an allowed target: ${target.reason}. Change the URL, then switch it on.`,
        now,
      ),
      deliveryParked(db, deliveryId, now),
    ]);
    return { ok: true, value: null };
  }

  const attempt = delivery.attempts + 1;
  const started = Date.now();
  let statusCode: number | null = null;
  let responseText: string | null = null;
  let error: string | null = null;
  let retryAfter: number | null = null;
  try {
    // Never follow a redirect: a receiver could point it anywhere. A 3xx is a failed attempt.
    const res = await fetchFn(target.url.href, {
      method: "POST",
      body: delivery.payload,
      headers: signedHeaders(
        signingSecrets(endpoint, now),
        delivery.messageId,
        now,
        delivery.payload,
      ),
      redirect: "manual",
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    statusCode = res.status;
    responseText = await excerpt(res);
    if (res.status === 429) retryAfter = retryAfterSeconds(res.headers.get("retry-after"), now);
  } catch (err) {
    const e = err as Error;
    error =
      e?.name === "TimeoutError"
        ? `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`
        : String(e?.message ?? err).slice(0, 500);
  }
  const durationMs = Math.max(0, Date.now() - started);
  const delivered = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const gone = statusCode === 410;
  const exhausted = !delivered && attempt >= RETRY_SCHEDULE_SECONDS.length;
  const delay = Math.min(
    MAX_DELAY_SECONDS,
    Math.max(
      retryAfter ?? 0,
      RETRY_SCHEDULE_SECONDS[Math.min(attempt, RETRY_SCHEDULE_SECONDS.length - 1)]!,
    ),
  );
  const status = delivered ? "delivered" : gone || exhausted ? "failed" : "pending";
  const nextAt = status === "pending" ? now + delay * 1000 : null;
  const what = statusCode === null ? error : `HTTP ${statusCode}`;

  const endpointUpdate = delivered
    ? endpointSucceeded(db, endpoint.id, now)
    : gone || exhausted
      ? endpointDisabled(
          db,
          endpoint.id,
          gone
            ? "The receiver answered 410 Gone"
            : `Delivery ${deliveryId} failed for the whole retry schedule (${attempt} attempts, last: ${what})`,
          now,
        )
      : endpointFailed(db, endpoint.id, now);
  await batch(db, [
    attemptInsert({
      deliveryId,
      at: now,
      statusCode,
      durationMs,
      responseExcerpt: responseText,
      error,
    }),
    deliveryAttempted(
      db,
      deliveryId,
      { status, attempts: attempt, lastStatusCode: statusCode, nextAttemptAt: nextAt },
      now,
    ),
    endpointUpdate,
  ]);
  if (delivered) return { ok: true, value: { delivered: true, statusCode } };
  if (status === "failed")
    return {
      ok: false,
      retryable: false,
      message: `delivery ${deliveryId} failed for good: ${what}`,
    };
  return {
    ok: false,
    retryable: true,
    message: `delivery ${deliveryId} attempt ${attempt} failed: ${what}`,
    retryAfterSeconds: delay,
  };
}
