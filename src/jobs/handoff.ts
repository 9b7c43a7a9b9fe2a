// Scoring jobs: score events per lead (several of one lead in a batch scored together) and decay ranges, each followed by qualification.
import type { Context } from "../platform/context";
import type { Bindings } from "../env";
import type { ScoreDecayMessage, ScoreEventMessage } from "../queue/messages";
import { decayAndQualify, scoreAndQualify } from "../services/qualification/score-and-qualify";
import { mqlThreshold } from "../services/settings/settings";
import { guarded } from "./settle";
import type { QueuedJob } from "./queued-job";

export async function runScoreEvents(
  ctx: Context,
  env: Bindings,
  items: QueuedJob<ScoreEventMessage>[],
): Promise<void> {
  // The workspace's threshold (Settings), else the deployment's MQL_THRESHOLD.
  const threshold = await mqlThreshold(ctx.db, ctx.config.MQL_THRESHOLD);
  const deps = { db: ctx.db, webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold };
  // Several events of one lead in a batch are scored together: one read, one write.
  const byLead = new Map<number, QueuedJob<ScoreEventMessage>[]>();
  for (const it of items) byLead.set(it.body.leadId, [...(byLead.get(it.body.leadId) ?? []), it]);
  for (const [leadId, group] of byLead) {
    await guarded(
      group.map((g) => g.msg),
      `scoring lead ${leadId}`,
      () =>
        scoreAndQualify(
          deps,
          leadId,
          group.map((g) => g.body.event),
          Date.now(),
        ),
    );
  }
}

export async function runDecayRanges(
  ctx: Context,
  env: Bindings,
  items: QueuedJob<ScoreDecayMessage>[],
): Promise<void> {
  // The workspace's threshold (Settings), else the deployment's MQL_THRESHOLD.
  const threshold = await mqlThreshold(ctx.db, ctx.config.MQL_THRESHOLD);
  const deps = { db: ctx.db, webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold };
  for (const { msg, body } of items)
    await guarded([msg], `decaying leads ${body.fromId}-${body.toId}`, () =>
      decayAndQualify(deps, body.fromId, body.toId, body.now),
    );
}
