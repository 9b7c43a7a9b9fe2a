// Sales routing jobs: mail about a placement, and handing on a lead whose owner did not accept it in time.
import type { Context } from "../platform/context";
import type { Bindings } from "../env";
import type { RoutedMessage, RoutingLapseMessage } from "../queue/messages";
import { notifyRouted } from "../services/routing/notify";
import { handOnLapsed } from "../services/routing/lapse";
import { guarded } from "./settle";
import type { QueuedJob } from "./queued-job";

export async function runRoutedMail(
  ctx: Context,
  _env: Bindings,
  items: QueuedJob<RoutedMessage>[],
): Promise<void> {
  for (const { msg, body } of items)
    await guarded([msg], `routing mail for lead ${body.leadId}`, () =>
      notifyRouted({ db: ctx.db, config: ctx.config }, body),
    );
}

export async function runRoutingLapses(
  ctx: Context,
  env: Bindings,
  items: QueuedJob<RoutingLapseMessage>[],
): Promise<void> {
  for (const { msg, body } of items)
    await guarded([msg], `handing on lead ${body.leadId}`, () =>
      handOnLapsed({ db: ctx.db, jobs: env.JOBS }, body, Date.now()),
    );
}
