// Queue work of scoring and the sales handoff: score events per lead, decay ranges, webhook attempts.
import type { Bindings, Db } from "../env";
import { loadConfig } from "../env";
import type { Outcome } from "../errors";
import type { HandoffMessage, ScoreEventMessage } from "../queue/messages";
import { decayAndQualify, scoreAndQualify } from "../services/qualification/score-and-qualify";
import { attemptDelivery } from "../services/handoff/deliver";

type Item = { msg: Message<unknown>; body: HandoffMessage };

/** Acks on success and on failures retrying cannot fix; otherwise retries after the delay the work asked for. */
function settle(msgs: Message<unknown>[], outcome: Outcome<unknown>, what: string) {
  if (outcome.ok) return msgs.forEach((m) => m.ack());
  if (!outcome.retryable) {
    console.warn(`lodestone: ${what}: ${outcome.message}`);
    return msgs.forEach((m) => m.ack());
  }
  msgs.forEach((m) => m.retry({ delaySeconds: outcome.retryAfterSeconds ?? 5 }));
}

async function guarded(msgs: Message<unknown>[], what: string, work: () => Promise<Outcome<unknown>>) {
  try {
    settle(msgs, await work(), what);
  } catch (err) {
    console.error(`lodestone: ${what} threw; will retry`, err);
    msgs.forEach((m) => m.retry({ delaySeconds: 10 }));
  }
}

export async function consumeHandoffJobs(db: Db, env: Bindings, items: Item[]): Promise<void> {
  const deps = { db, jobs: env.JOBS, threshold: loadConfig(env).MQL_THRESHOLD };

  // Several events of one lead in a batch are scored together: one read, one write.
  const byLead = new Map<number, { msg: Message<unknown>; body: ScoreEventMessage }[]>();
  for (const it of items) if (it.body.type === "score.event") byLead.set(it.body.leadId, [...(byLead.get(it.body.leadId) ?? []), { msg: it.msg, body: it.body }]);
  for (const [leadId, group] of byLead) {
    await guarded(group.map((g) => g.msg), `scoring lead ${leadId}`, () => scoreAndQualify(deps, leadId, group.map((g) => g.body.event), Date.now()));
  }

  for (const { msg, body } of items) {
    if (body.type === "score.decay") await guarded([msg], `decaying leads ${body.fromId}-${body.toId}`, () => decayAndQualify(deps, body.fromId, body.toId, body.now));
    if (body.type === "webhook.deliver") await guarded([msg], `webhook delivery ${body.deliveryId}`, () => attemptDelivery(db, body.deliveryId, Date.now()));
  }
}
