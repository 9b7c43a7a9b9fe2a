// Reading the scoring page's rule form: the same fields as the API's, typed by hand in a browser.
import type { RuleChange } from "../../services/scoring/rule-preview";
import type { RuleInput } from "../../services/scoring/rules-store";
import { RULE_KINDS } from "../../db/schema";

type Read<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string[]> };

/** Keywords, sizes or countries: one per line or comma-separated, blanks dropped. */
export const matchList = (s: string | undefined): string[] =>
  (s ?? "")
    .split(/[\n,，]/)
    .map((x) => x.trim())
    .filter(Boolean);

function intOf(
  raw: string | undefined,
  field: string,
  errors: Record<string, string[]>,
  o: { min: number; max: number; blank: "null" | "error" },
): number | null {
  const s = (raw ?? "").trim();
  if (!s) {
    if (o.blank === "error") errors[field] = [`Enter a whole number from ${o.min} to ${o.max}`];
    return null;
  }
  const n = Number(s);
  if (
    !Number.isFinite(n) ||
    (field !== "half_life_days" && !Number.isInteger(n)) ||
    n < o.min ||
    n > o.max
  ) {
    errors[field] = [
      `Enter a ${field === "half_life_days" ? "number" : "whole number"} from ${o.min} to ${o.max}`,
    ];
    return null;
  }
  return n;
}

/** The rule as the form states it (every field: the form always shows them all). */
export function ruleFromForm(
  f: Record<string, string>,
): Read<Omit<RuleInput, "kind"> & { kind?: RuleInput["kind"] }> {
  const errors: Record<string, string[]> = {};
  const label = (f.label ?? "").trim();
  if (!label || label.length > 120) errors.label = ["Name the rule (up to 120 characters)"];
  const points = intOf(f.points, "points", errors, { min: -1000, max: 1000, blank: "error" });
  const cap = intOf(f.cap, "cap", errors, { min: 0, max: 100_000, blank: "null" });
  const halfLifeDays = intOf(f.half_life_days, "half_life_days", errors, {
    min: 0.1,
    max: 3650,
    blank: "null",
  });
  const kind = (RULE_KINDS as readonly string[]).includes(f.kind ?? "")
    ? (f.kind as RuleInput["kind"])
    : undefined;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind,
      field: (f.field ?? "").trim(),
      match: matchList(f.match),
      points: points!,
      cap,
      halfLifeDays,
      label,
      active: f.active === "1",
    },
  };
}

/** What the preview button tries: the rule being edited or added, or the one about to be deleted. */
export function changeFromForm(f: Record<string, string>): Read<RuleChange | null> {
  const id = Number(f.rule_id) || null;
  if (f.change === "delete" && id) return { ok: true, value: { kind: "delete", id } };
  if (f.change !== "edit" && f.change !== "add") return { ok: true, value: null };
  const rule = ruleFromForm(f);
  if (!rule.ok) return rule;
  if (f.change === "edit" && id) {
    const { kind: _, ...patch } = rule.value;
    return { ok: true, value: { kind: "edit", id, patch } };
  }
  if (!rule.value.kind) return { ok: false, errors: { kind: ["Choose fit or behaviour"] } };
  return { ok: true, value: { kind: "add", rule: { ...rule.value, kind: rule.value.kind } } };
}
