// The queue consumer: routes a batch by its queue (work, webhooks, dead letters), then each message by its kind.
import type { Bindings } from "../env";
import { createContext } from "../platform/context";
import { errorFields, log, withLogScope } from "../platform/logger";
import { jobMessage } from "../queue/messages";
import { QUEUE } from "../queue/names";
import { JOBS, RUN_ORDER, type JobKind, type QueuedJob } from "./registry";

const LIVE: string[] = [QUEUE.jobs, QUEUE.webhooks];

export async function consumeJobs(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const dead = batch.queue === QUEUE.dead;
  const id = `${batch.queue}:${batch.messages[0]?.id ?? "empty"}`;
  await withLogScope(
    { job_batch: id, queue: batch.queue, messages: batch.messages.length },
    async () => {
      if (!dead && !LIVE.includes(batch.queue)) {
        // wrangler.toml names a queue this code does not know: keep the messages until a deploy that does.
        log.error("batch from an unknown queue; retrying it", { known: [...LIVE, QUEUE.dead] });
        batch.retryAll({ delaySeconds: 60 });
        return;
      }
      const started = Date.now();
      const ctx = createContext(env, id);
      const byKind = new Map<JobKind, QueuedJob<never>[]>();
      for (const msg of batch.messages) {
        const parsed = jobMessage.safeParse(msg.body);
        if (!parsed.success) {
          // A message no version of Lodestone can read: retrying will not help.
          log.error("dropping unreadable queue message", {
            message_id: msg.id,
            problem: parsed.error.message,
          });
          msg.ack();
          continue;
        }
        const kind = parsed.data.type;
        byKind.set(kind, [...(byKind.get(kind) ?? []), { msg, body: parsed.data as never }]);
      }
      for (const kind of RUN_ORDER) {
        const items = byKind.get(kind);
        if (!items?.length) continue;
        const policy = JOBS[kind];
        const handler = (dead ? policy.deadLetter : policy.run) as (
          c: typeof ctx,
          e: Bindings,
          i: QueuedJob<never>[],
        ) => Promise<void>;
        await withLogScope({ job: kind }, async () => {
          try {
            await handler(ctx, env, items);
          } catch (err) {
            log.error("job handler threw; retrying its messages", {
              ...errorFields(err),
              count: items.length,
            });
            for (const i of items) i.msg.retry({ delaySeconds: policy.retryAfterThrowSeconds });
          }
        });
      }
      log.info("job batch", {
        kinds: Object.fromEntries([...byKind].map(([k, v]) => [k, v.length])),
        duration_ms: Date.now() - started,
      });
    },
  );
}
