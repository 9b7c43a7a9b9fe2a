// Leads (one person each, by email): the one writer of the leads table, and its reads by the part of Lodestone that makes them.
export { capturedLeadFrom } from "../captured-lead";
export * from "./capture";
export * from "./dashboard";
export * from "./sales";
export * from "./scoring";
export * from "./consent";
export * from "./conversions";
export * from "./score-preview";
export * from "./preview";
export * from "./routing";
export * from "./import";
