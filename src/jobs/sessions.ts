// Course session jobs: a move or cancellation walked over its registrants, and each registrant's calendar update.
import type { Bindings } from "../env";
import type { Context } from "../platform/context";
import type { SessionChangedMessage, SessionNotifyMessage } from "../queue/messages";
import { walkSessionChange } from "../services/sessions/fan-out";
import { sendSessionNotice } from "../services/sessions/notify";
import { guarded } from "./settle";
import type { QueuedJob } from "./queued-job";

export async function runSessionChanges(
  ctx: Context,
  env: Bindings,
  items: QueuedJob<SessionChangedMessage>[],
): Promise<void> {
  for (const { msg, body } of items)
    await guarded([msg], `session ${body.sessionId} change after lead ${body.afterLeadId}`, () =>
      walkSessionChange(env, ctx.db, body, Date.now()),
    );
}

/** One by one: each carries an attachment, which Resend's batch endpoint does not take. */
export async function runSessionNotices(
  ctx: Context,
  _env: Bindings,
  items: QueuedJob<SessionNotifyMessage>[],
): Promise<void> {
  for (const { msg, body } of items)
    await guarded(
      [msg],
      `session ${body.sessionId} update to lead ${body.leadId}`,
      () => sendSessionNotice(ctx.config, ctx.db, body),
      30,
    );
}
