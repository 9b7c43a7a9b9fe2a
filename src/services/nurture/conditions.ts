// Step conditions: whether a due step is skipped for this lead, and why (recorded on the ledger).
import type { StepConditions } from "../../db/schema";

interface LeadFacts {
  downloaded: boolean;
  clickedEarlierStep: boolean;
  qualified: boolean;
  /** The lead's mark from the session's attendance import; null before one. */
  attendance?: "attended" | "no_show" | null;
}

type SkipReason =
  | "already_downloaded"
  | "already_clicked"
  | "already_qualified"
  | "attended_session"
  | "missed_session";

export function skipReason(conditions: StepConditions, facts: LeadFacts): SkipReason | null {
  if (conditions.skipIfDownloaded && facts.downloaded) return "already_downloaded";
  if (conditions.skipIfClicked && facts.clickedEarlierStep) return "already_clicked";
  if (conditions.skipIfQualified && facts.qualified) return "already_qualified";
  if (conditions.skipIfAttended && facts.attendance === "attended") return "attended_session";
  if (conditions.skipIfNoShow && facts.attendance !== "attended") return "missed_session";
  return null;
}

/** Stages at or past qualification. */
const QUALIFIED_STAGES = ["mql", "sql", "customer"] as const;
export const isQualified = (stage: string) =>
  (QUALIFIED_STAGES as readonly string[]).includes(stage);
