import { type webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../db/schema";

export type EndpointRecord = typeof webhookEndpoints.$inferSelect;
export type DeliveryRecord = typeof webhookDeliveries.$inferSelect;
export type AttemptRecord = typeof webhookAttempts.$inferSelect;
export type DeliveryStatus = DeliveryRecord["status"];

export const e = webhookEndpoints;
export const d = webhookDeliveries;

// ── Endpoints ─────────────────────────────────────────────────────────────────
