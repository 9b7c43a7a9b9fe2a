// Score rules as data, edited by marketers: validated per kind and field, applied at each lead's next scoring.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import {
  deleteRuleRow,
  findRule,
  insertRule,
  listRuleRows,
  updateRuleRow,
  type ScoreRuleRow,
} from "../../store/score-rules";
import { BEHAVIOUR_FIELDS, FIT_FIELDS } from "./rules";

export type RuleRecord = ScoreRuleRow;
export type RuleInput = {
  kind: "fit" | "behaviour";
  field: string;
  match: string[];
  points: number;
  cap?: number | null;
  halfLifeDays?: number | null;
  label: string;
  active?: boolean;
};

const bad = (field: string, message: string) =>
  new AppError("BAD_REQUEST", message, { details: { fields: { [field]: [message] } } });

/** What the zod schema cannot see: field per kind, match needs, decay only on behaviour. */
export function checkRule(r: RuleInput): void {
  const fields: readonly string[] = r.kind === "fit" ? FIT_FIELDS : BEHAVIOUR_FIELDS;
  if (!fields.includes(r.field))
    throw bad("field", `A ${r.kind} rule looks at one of: ${fields.join(", ")}`);
  const needsMatch = !["phone_given", "repeat_visit"].includes(r.field);
  if (needsMatch && r.match.length === 0) throw bad("match", "List what this rule matches");
  if (r.field === "event_url" && r.match.length < 2)
    throw bad(
      "match",
      'An event_url rule is [event type, URL part, …], e.g. ["link_clicked", "/pricing"]',
    );
  if (r.kind === "fit" && r.halfLifeDays)
    throw bad("half_life_days", "Only behaviour points decay");
}

/** One rule, or null. */
export async function listRules(db: Db): Promise<RuleRecord[]> {
  return listRuleRows(db);
}

export async function createRule(db: Db, input: RuleInput, now: number): Promise<RuleRecord> {
  checkRule(input);
  return insertRule(db, {
    kind: input.kind,
    field: input.field,
    match: input.match,
    points: input.points,
    cap: input.cap ?? null,
    halfLifeDays: input.halfLifeDays ?? null,
    label: input.label,
    active: input.active ?? true,
    createdAt: now,
  });
}

export async function updateRule(
  db: Db,
  id: number,
  patch: Partial<Omit<RuleInput, "kind">>,
): Promise<{ before: RuleRecord; after: RuleRecord }> {
  const current = await findRule(db, id);
  if (!current) throw new AppError("NOT_FOUND", "No score rule has this id");
  const next: RuleInput = {
    kind: current.kind,
    field: patch.field ?? current.field,
    match: patch.match ?? current.match,
    points: patch.points ?? current.points,
    cap: patch.cap === undefined ? current.cap : patch.cap,
    halfLifeDays: patch.halfLifeDays === undefined ? current.halfLifeDays : patch.halfLifeDays,
    label: patch.label ?? current.label,
    active: patch.active ?? current.active,
  };
  checkRule(next);
  const row = await updateRuleRow(db, id, {
    field: next.field,
    match: next.match,
    points: next.points,
    cap: next.cap ?? null,
    halfLifeDays: next.halfLifeDays ?? null,
    label: next.label,
    active: next.active,
  });
  return { before: current, after: row! };
}

/** Deletes a rule; each lead's points from it are taken back (a "rule" ledger row) at its next scoring. */
export async function deleteRule(db: Db, id: number): Promise<RuleRecord> {
  const row = await deleteRuleRow(db, id);
  if (!row) throw new AppError("NOT_FOUND", "No score rule has this id");
  return row;
}
