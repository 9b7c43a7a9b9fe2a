// The send ledger: one row per (enrolment, step), from queued to delivered, opened, clicked (by a person or a machine) or failed. Its one writer.
export * from "./delivery";
export * from "./plan";
export * from "./sweep";
export * from "./tracking";
