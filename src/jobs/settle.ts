// The retry policy every job shares: ack what is done or cannot be helped by trying again, retry the rest.
import type { Outcome } from "../errors";
import { errorFields, log } from "../platform/logger";

type Settleable = Pick<Message<unknown>, "ack" | "retry">;

/** Acks on success and on failures retrying cannot fix; otherwise retries after the delay the work asked for. */
function settle(
  msgs: Settleable[],
  outcome: Outcome<unknown>,
  what: string,
  defaultDelaySeconds = 5,
): void {
  if (!outcome.ok && !outcome.retryable) log.warn(`${what}: gave up`, { reason: outcome.message });
  for (const m of msgs) {
    if (outcome.ok || !outcome.retryable) m.ack();
    else m.retry({ delaySeconds: outcome.retryAfterSeconds ?? defaultDelaySeconds });
  }
}

/** Runs one unit of work and settles its messages; a throw is retried after `throwDelaySeconds`. */
export async function guarded(
  msgs: Settleable[],
  what: string,
  work: () => Promise<Outcome<unknown>>,
  throwDelaySeconds = 10,
): Promise<void> {
  try {
    settle(msgs, await work(), what);
  } catch (err) {
    log.error(`${what} threw; will retry`, errorFields(err));
    for (const m of msgs) m.retry({ delaySeconds: throwDelaySeconds });
  }
}

/** Runs `work` over `items` with at most `limit` at a time (Workers allow six open connections per invocation). */
export async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
