// Every kind of job: its handler, what happens when its messages run out of retries, and its queue.
import type { Bindings } from "../env";
import type { Context } from "../platform/context";
import type { JobMessage } from "../queue/messages";
import { QUEUE, type QueueName } from "../queue/names";
import type { QueuedJob } from "./queued-job";
import { runDecayRanges, runScoreEvents } from "./handoff";
import { failNurtureSends, runNurtureSends } from "./nurture";
import { runViews } from "./views";
import { runDeliveries } from "./webhooks";
import { runSessionChanges, runSessionNotices } from "./sessions";
import { runRoutedMail, runRoutingLapses } from "./routing";

export type JobKind = JobMessage["type"];
export type { QueuedJob };
type Handler<K extends JobKind> = (
  ctx: Context,
  env: Bindings,
  items: QueuedJob<Extract<JobMessage, { type: K }>>[],
) => Promise<void>;

interface JobPolicy<K extends JobKind> {
  /** The queue its producer sends to (the consumer still runs a message of this kind wherever it arrives). */
  queue: QueueName;
  /** Runs a batch's messages of this kind and acks or retries each one itself. */
  run: Handler<K>;
  /**
   * Messages that used up their retries (max_retries in wrangler.toml) reach the dead-letter queue. Sends are
   * marked failed there (retrying mail after a day would break Resend's idempotency window); other kinds get
   * one last run, and a webhook delivery still pending in D1 is also queued again by the cron's sweep.
   */
  deadLetter: Handler<K>;
  /** Seconds before a retry when the handler threw instead of settling its messages. */
  retryAfterThrowSeconds: number;
}

export const JOBS: { [K in JobKind]: JobPolicy<K> } = {
  "score.event": {
    queue: QUEUE.jobs,
    run: runScoreEvents,
    deadLetter: runScoreEvents,
    retryAfterThrowSeconds: 10,
  },
  "score.decay": {
    queue: QUEUE.jobs,
    run: runDecayRanges,
    deadLetter: runDecayRanges,
    retryAfterThrowSeconds: 10,
  },
  "nurture.send": {
    queue: QUEUE.jobs,
    run: runNurtureSends,
    deadLetter: failNurtureSends,
    retryAfterThrowSeconds: 30,
  },
  "session.changed": {
    queue: QUEUE.jobs,
    run: runSessionChanges,
    deadLetter: runSessionChanges,
    retryAfterThrowSeconds: 10,
  },
  // A calendar update out of retries gets one last try; its Idempotency-Key keeps a late repeat from doubling it.
  "session.notify": {
    queue: QUEUE.jobs,
    run: runSessionNotices,
    deadLetter: runSessionNotices,
    retryAfterThrowSeconds: 30,
  },
  "lead.routed": {
    queue: QUEUE.jobs,
    run: runRoutedMail,
    // Mail after a day would break Resend's idempotency window; a stuck placement stays visible on the lead.
    deadLetter: async (_ctx, _env, items) => {
      for (const { msg } of items) msg.ack();
    },
    retryAfterThrowSeconds: 30,
  },
  "routing.lapse": {
    queue: QUEUE.jobs,
    run: runRoutingLapses,
    deadLetter: runRoutingLapses,
    retryAfterThrowSeconds: 10,
  },
  view: {
    queue: QUEUE.jobs,
    run: (ctx, _env, items) => runViews(ctx, items),
    deadLetter: (ctx, _env, items) => runViews(ctx, items),
    retryAfterThrowSeconds: 5,
  },
  "webhook.deliver": {
    queue: QUEUE.webhooks,
    run: (ctx, _env, items) => runDeliveries(ctx, items),
    deadLetter: (ctx, _env, items) => runDeliveries(ctx, items),
    retryAfterThrowSeconds: 10,
  },
};

/** The order kinds run in within one batch: scoring first (it can enqueue webhooks), views last. */
export const RUN_ORDER: JobKind[] = [
  "score.event",
  "score.decay",
  "webhook.deliver",
  "routing.lapse",
  "lead.routed",
  "nurture.send",
  "session.changed",
  "session.notify",
  "view",
];
