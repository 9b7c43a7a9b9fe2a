// The queue consumer: validates each message and hands it to the part of Lodestone that owns it.
import type { Bindings } from "../env";
import { getDb } from "../db/client";
import { jobMessage, type HandoffMessage, type JobMessage, type ViewMessage } from "../queue/messages";
import { recordViews } from "../services/reports/record-views";
import { consumeHandoffJobs } from "./handoff";
import type { DeliveryItem } from "../services/nurture/deliver";
import { consumeNurtureSends } from "./nurture";

export async function consumeJobs(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const db = getDb(env.DB);
  const views: { msg: Message<unknown>; body: ViewMessage }[] = [];
  const handoff: { msg: Message<unknown>; body: HandoffMessage }[] = [];
  const nurture: DeliveryItem[] = [];
  for (const msg of batch.messages) {
    const parsed = jobMessage.safeParse(msg.body);
    if (!parsed.success) {
      // A message no version of Lodestone can read: retrying will not help.
      console.error("lodestone: dropping unreadable queue message", msg.id, parsed.error.message);
      msg.ack();
      continue;
    }
    const body: JobMessage = parsed.data;
    switch (body.type) {
      case "view":
        views.push({ msg, body });
        break;
      case "score.event":
      case "score.decay":
      case "webhook.deliver":
        handoff.push({ msg, body });
        break;
      case "nurture.send":
        nurture.push({ msg, body });
        break;
    }
  }
  if (handoff.length) await consumeHandoffJobs(db, env, handoff);
  if (nurture.length) await consumeNurtureSends(env, batch.queue, nurture);
  if (views.length) {
    try {
      await recordViews(db, views.map((v) => v.body));
      views.forEach((v) => v.msg.ack());
    } catch (err) {
      console.error("lodestone: recording views failed, will retry", err);
      views.forEach((v) => v.msg.retry({ delaySeconds: 5 }));
    }
  }
}
