// Sales webhook endpoints, the deliveries made to them, and every attempt.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { id, idNeverReused, createdAt, updatedAt } from "./columns";
import { DELIVERY_STATUSES } from "../../domain/vocabulary";

export { DELIVERY_STATUSES };

export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: idNeverReused(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  /**
   * After a rotation the old secret keeps signing beside the new one until previous_secret_expires_at, so a
   * receiver can switch without dropping a delivery (Standard Webhooks allows several signatures).
   */
  previousSecret: text("previous_secret"),
  previousSecretExpiresAt: integer("previous_secret_expires_at"),
  eventTypes: text("event_types", { mode: "json" }).$type<string[]>().notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Set when Lodestone disabled the endpoint (410, or failing for the whole retry schedule): the marketer's flag. */
  disabledReason: text("disabled_reason"),
  disabledAt: integer("disabled_at"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  /** Start of the current run of failed attempts (NULL while healthy): what "failed while it was off" counts from. */
  failingSince: integer("failing_since"),
  /** Deliveries that failed for good (410, or the whole schedule) since the endpoint last succeeded. */
  failedDeliveries: integer("failed_deliveries").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    messageId: text("message_id").notNull(),
    endpointId: integer("endpoint_id").notNull(),
    /** The lead the event is about: erasure scrubs these payloads. */
    leadId: integer("lead_id"),
    eventType: text("event_type").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    /** When the next attempt is due while pending; the cron re-enqueues deliveries whose message went missing. */
    nextAttemptAt: integer("next_attempt_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("webhook_deliveries_endpoint").on(t.endpointId, t.id),
    index("webhook_deliveries_lead").on(t.leadId),
    index("webhook_deliveries_due").on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: integer("delivery_id").notNull(),
    at: integer("at").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId)],
);
