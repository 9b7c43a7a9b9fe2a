// Sales webhooks: the endpoints sales systems registered, each event's deliveries to them, and every attempt.
export type { AttemptRecord, DeliveryRecord, EndpointRecord } from "./shared";
export * from "./endpoints";
export * from "./deliveries";
export * from "./attempts";
