// Page-view jobs: a batch of views becomes one upsert per asset × day × channel × campaign.
import type { Context } from "../platform/context";
import type { ViewMessage } from "../queue/messages";
import { recordViews } from "../services/reports/record-views";
import { errorFields, log } from "../platform/logger";
import type { QueuedJob } from "./queued-job";

export async function runViews(ctx: Context, items: QueuedJob<ViewMessage>[]): Promise<void> {
  try {
    await recordViews(
      ctx.db,
      items.map((v) => v.body),
    );
    for (const v of items) v.msg.ack();
  } catch (err) {
    log.error("recording views failed, will retry", errorFields(err));
    for (const v of items) v.msg.retry({ delaySeconds: 5 });
  }
}
