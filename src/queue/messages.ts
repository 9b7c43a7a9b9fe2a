// Every message on the work queue, validated with zod on the way in.
import { z } from "zod";

export const viewMessage = z.object({
  type: z.literal("view"),
  assetId: z.number().int().positive(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  channel: z.string().min(1).max(32),
  campaign: z.string().max(200),
});
export type ViewMessage = z.infer<typeof viewMessage>;

/** Score a lead for an event (see src/scoring/apply-event.ts enqueueScoreEvent). */
export const scoreEventMessage = z.object({
  type: z.literal("score.event"),
  leadId: z.number().int().positive(),
  event: z.object({
    type: z.string().min(1).max(64),
    at: z.number().int(),
    data: z.record(z.string(), z.unknown()).nullable(),
  }),
});
export type ScoreEventMessage = z.infer<typeof scoreEventMessage>;

/** Decay the behaviour points of leads fromId..toId to their value at `now` (the daily pass). */
export const scoreDecayMessage = z.object({
  type: z.literal("score.decay"),
  fromId: z.number().int().positive(),
  toId: z.number().int().positive(),
  now: z.number().int(),
});
export type ScoreDecayMessage = z.infer<typeof scoreDecayMessage>;

/** Attempt one webhook delivery to a sales endpoint. */
export const webhookDeliverMessage = z.object({
  type: z.literal("webhook.deliver"),
  deliveryId: z.number().int().positive(),
});
export type WebhookDeliverMessage = z.infer<typeof webhookDeliverMessage>;

/** Send one Resend request's worth of nurture emails: the ledger rows queued under one Idempotency-Key. */
export const nurtureSendMessage = z.object({
  type: z.literal("nurture.send"),
  key: z.string().min(1).max(256),
  sendIds: z.array(z.number().int().positive()).min(1).max(100),
});
export type NurtureSendMessage = z.infer<typeof nurtureSendMessage>;

/**
 * A session moved or was cancelled: walk its registrants from `afterLeadId` in chunks, moving their reminders and
 * queueing their calendar updates. `sequence` is the session's calendar SEQUENCE the change made.
 */
export const sessionChangedMessage = z.object({
  type: z.literal("session.changed"),
  sessionId: z.number().int().positive(),
  sequence: z.number().int().min(0),
  afterLeadId: z.number().int().min(0),
});
export type SessionChangedMessage = z.infer<typeof sessionChangedMessage>;

/** One registrant's calendar update (iTIP REQUEST or CANCEL as an .ics attachment), sent alone. */
export const sessionNotifyMessage = z.object({
  type: z.literal("session.notify"),
  sessionId: z.number().int().positive(),
  leadId: z.number().int().positive(),
  sequence: z.number().int().min(0),
});
export type SessionNotifyMessage = z.infer<typeof sessionNotifyMessage>;

/**
 * Tell the people concerned that a lead was placed (routing): its owner, and marketing when it was handed on
 * from `previousOwnerId` or nobody could take it. `at` is the placement's time: the mail's idempotency key,
 * and stale once the lead has moved on.
 */
export const routedMessage = z.object({
  type: z.literal("lead.routed"),
  leadId: z.number().int().positive(),
  at: z.number().int(),
  ownerId: z.number().int().positive().nullable(),
  previousOwnerId: z.number().int().positive().nullable(),
});
export type RoutedMessage = z.infer<typeof routedMessage>;

/** A lead whose owner did not accept it by `acceptBy`: hand it to the next person (once per deadline). */
export const routingLapseMessage = z.object({
  type: z.literal("routing.lapse"),
  leadId: z.number().int().positive(),
  acceptBy: z.number().int(),
});
export type RoutingLapseMessage = z.infer<typeof routingLapseMessage>;

export const jobMessage = z.discriminatedUnion("type", [
  routedMessage,
  routingLapseMessage,
  viewMessage,
  scoreEventMessage,
  scoreDecayMessage,
  webhookDeliverMessage,
  nurtureSendMessage,
  sessionChangedMessage,
  sessionNotifyMessage,
]);
export type JobMessage = z.infer<typeof jobMessage>;
