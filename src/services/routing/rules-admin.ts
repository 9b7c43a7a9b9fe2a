// Editing routing rules: checks that a rule can be evaluated and that its team can own leads, then writes it.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import type { RoutingMatch } from "../../db/schema";
import {
  deleteRoutingRule,
  findRoutingRule,
  insertRoutingRule,
  listRoutingRules,
  updateRoutingRule,
  type RoutingRule,
} from "../../store/routing-rules";
import { loadRoster } from "./team";

export type { RoutingRule };
export interface RoutingRuleInput {
  name: string;
  position: number;
  match: RoutingMatch;
  values: string[];
  team: number[];
}

function invalid(fields: Record<string, string[]>): AppError {
  return new AppError("BAD_REQUEST", "Some fields are invalid", { details: { fields } });
}

/** A rule that could never match, or a team nobody in it can serve, is refused with the field at fault. */
async function check(db: Db, r: RoutingRuleInput): Promise<RoutingRuleInput> {
  const fields: Record<string, string[]> = {};
  const values = [...new Set(r.values.map((v) => v.trim()).filter(Boolean))];
  if (r.match === "default" && values.length)
    fields.values = ["A default rule matches every lead: leave values empty"];
  if (r.match !== "default" && !values.length) fields.values = ["Give at least one value to match"];
  if (r.match === "asset" && values.some((v) => !/^[1-9][0-9]{0,9}$/.test(v)))
    fields.values = ["Asset rules match asset ids, such as 12"];
  const team = [...new Set(r.team)];
  const roster = await loadRoster(db);
  const cannot = team.filter((id) => !roster.owners.has(id));
  if (!team.length) fields.team = ["Add at least one teammate"];
  else if (cannot.length)
    fields.team = [`Not a current teammate with the sales or admin role: ${cannot.join(", ")}`];
  if (Object.keys(fields).length) throw invalid(fields);
  const norm = r.match === "country" ? values.map((v) => v.toUpperCase()) : values;
  return { ...r, values: norm, team };
}

export async function routingRules(db: Db): Promise<RoutingRule[]> {
  return listRoutingRules(db);
}

export async function createRoutingRule(
  db: Db,
  input: RoutingRuleInput,
  now: number,
): Promise<RoutingRule> {
  const r = await check(db, input);
  return insertRoutingRule(db, { ...r, createdAt: now, updatedAt: now });
}

export async function editRoutingRule(
  db: Db,
  id: number,
  change: Partial<RoutingRuleInput>,
  now: number,
): Promise<{ before: RoutingRule; after: RoutingRule }> {
  const before = await findRoutingRule(db, id);
  if (!before) throw new AppError("NOT_FOUND", "No such routing rule");
  const merged = await check(db, { ...before, ...change });
  // The turn counter stays: a rule's team keeps its rotation when a member joins or leaves.
  const after = await updateRoutingRule(db, id, merged, now);
  if (!after) throw new AppError("NOT_FOUND", "No such routing rule");
  return { before, after };
}

/** Leads it placed keep their owner; new MQLs fall through to the next matching rule. */
export async function removeRoutingRule(db: Db, id: number): Promise<RoutingRule> {
  const before = await deleteRoutingRule(db, id);
  if (!before) throw new AppError("NOT_FOUND", "No such routing rule");
  return before;
}
