// Why a lead changed stage, as stored (English text, which the API and webhooks carry) and as parts a
// page can put in the reader's language. The writers use the builders, so the reader always matches.
import type { OUTCOME_STAGES } from "./vocabulary";

type OutcomeStage = (typeof OUTCOME_STAGES)[number];

export type StageReason =
  | { kind: "mql_threshold"; score: number; threshold: number }
  | { kind: "sales_outcome"; outcome: OutcomeStage; note: string | null }
  | { kind: "text"; text: string };

/** "Score 55 reached the MQL threshold of 50" */
export function mqlThresholdReason(score: number, threshold: number): string {
  return `Score ${score} reached the MQL threshold of ${threshold}`;
}

/** "Sales reported lost: went with a competitor" (the note is kept short). */
export function salesOutcomeReason(outcome: OutcomeStage, note?: string | null): string {
  return `Sales reported ${outcome}${note ? `: ${note.slice(0, 200)}` : ""}`;
}

const MQL = /^Score (-?\d+) reached the MQL threshold of (\d+)$/;
const SALES = /^Sales reported (accepted|won|lost)(?:: ([\s\S]*))?$/;

/** The parts of a stored reason; anything else (an older or hand-written reason) stays text. */
export function readStageReason(text: string): StageReason {
  const mql = MQL.exec(text);
  if (mql) return { kind: "mql_threshold", score: Number(mql[1]), threshold: Number(mql[2]) };
  const sales = SALES.exec(text);
  if (sales)
    return { kind: "sales_outcome", outcome: sales[1] as OutcomeStage, note: sales[2] ?? null };
  return { kind: "text", text };
}
