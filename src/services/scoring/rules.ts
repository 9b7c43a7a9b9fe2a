// What a scoring rule looks at, and whether a profile or an event matches it. Pure: no I/O.

/** Fit rules read the lead's profile; behaviour rules read events. */
export const FIT_FIELDS = [
  "job_title_keyword",
  "company_size",
  "country",
  "free_mail",
  "phone_given",
] as const;
export const BEHAVIOUR_FIELDS = ["event", "event_url", "repeat_visit"] as const;

export interface RuleDef {
  id: number;
  kind: "fit" | "behaviour";
  field: string;
  match: string[];
  points: number;
  cap: number | null;
  halfLifeDays: number | null;
  label: string;
  active: boolean;
}

export interface Profile {
  email: string;
  jobTitle: string | null;
  companySize: string | null;
  country: string | null;
  phone: string | null;
}

export interface ScoringEvent {
  type: string;
  at: number;
  data?: Record<string, unknown> | null;
}

const HAN = /\p{Script=Han}/u;
/**
 * A title's tokens: Han runs and runs of other letters or digits apart, so "销售VP" is ["销售", "vp"].
 * Spaces between Chinese words mean nothing ("市场 总监" is "市场总监"); NFKC makes "ＶＰ" "vp".
 */
function tokens(s: string): string[] {
  const runs =
    s
      .normalize("NFKC")
      .toLowerCase()
      .match(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu) ?? [];
  const out: string[] = [];
  for (const r of runs)
    if (out.length && HAN.test(r) && HAN.test(out[out.length - 1]!)) out[out.length - 1] += r;
    else out.push(r);
  return out;
}

/**
 * Does title token `t` stand for keyword token `k` at position `j` of a `n`-token keyword? Latin words
 * match whole. Chinese has no spaces between words, so a Han token matches inside a title's Han run
 * ("总监" in "市场总监"); in a keyword of several tokens it must end the run (first token), start it
 * (last token) or be all of it (in between), so the keyword's tokens still touch in the title.
 */
function tokenMatches(t: string, k: string, j: number, n: number): boolean {
  if (!HAN.test(k)) return t === k;
  if (n === 1) return t.includes(k);
  if (j === 0) return t.endsWith(k);
  if (j === n - 1) return t.startsWith(k);
  return t === k;
}

/**
 * A keyword matches whole words in order ("vp sales" matches "VP, Sales EMEA"; "cto" does not match
 * "director"), and Chinese keywords match within the title's Chinese ("经理" matches "销售经理").
 */
function titleHas(title: string, keyword: string): boolean {
  const t = tokens(title);
  const k = tokens(keyword);
  if (!k.length) return false;
  for (let i = 0; i + k.length <= t.length; i++)
    if (k.every((w, j) => tokenMatches(t[i + j]!, w, j, k.length))) return true;
  return false;
}

/** Does the profile satisfy this fit rule? Unknown fields are simply not matched. */
export function fitMatches(rule: Pick<RuleDef, "field" | "match">, p: Profile): boolean {
  switch (rule.field) {
    case "job_title_keyword":
      return !!p.jobTitle && rule.match.some((k) => titleHas(p.jobTitle!, k));
    case "company_size":
      return !!p.companySize && rule.match.includes(p.companySize);
    case "country":
      return !!p.country && rule.match.some((c) => c.toUpperCase() === p.country!.toUpperCase());
    case "free_mail": {
      const domain = p.email.split("@")[1]?.toLowerCase();
      return !!domain && rule.match.some((d) => d.toLowerCase() === domain);
    }
    case "phone_given":
      return !!p.phone && p.phone.trim() !== "";
    default:
      return false;
  }
}

function isRepeat(data: ScoringEvent["data"]): boolean {
  const v = data?.new;
  return v === false || v === 0;
}

/** Does the event count for this behaviour rule? */
export function eventMatches(rule: Pick<RuleDef, "field" | "match">, e: ScoringEvent): boolean {
  switch (rule.field) {
    case "event":
      return rule.match.includes(e.type);
    case "event_url": {
      const [type, ...patterns] = rule.match;
      const url = typeof e.data?.url === "string" ? e.data.url.toLowerCase() : "";
      return e.type === type && !!url && patterns.some((p) => url.includes(p.toLowerCase()));
    }
    case "repeat_visit":
      return e.type === "gate_submitted" && isRepeat(e.data);
    default:
      return false;
  }
}
