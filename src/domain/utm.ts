// UTM hygiene and the one key spend and leads are matched on: trimmed, spaces collapsed, case folded.

export const UTM_KEYS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type Utm = Record<UtmKey, string | null>;

const MAX_UTM = 200;

/**
 * The form spend and leads meet on: trimmed, every run of white space one space, ASCII letters lower-cased.
 * Only ASCII is folded because SQLite's lower() folds only ASCII, and the rollups fold in SQL: both sides
 * must agree ("Spring Launch" = "spring  launch"; 春季发布 has no case).
 */
export function matchKey(value: string | null | undefined): string {
  return (value ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** One UTM value as stored: trimmed, spaces collapsed, at most 200 characters; blank is null. */
function tidy(value: string | null | undefined): string | null {
  const v = (value ?? "").trim().replace(/\s+/g, " ").slice(0, MAX_UTM).trim();
  return v ? v : null;
}

/**
 * UTMs as a capture stores them: every value tidied, and source and medium case-folded too, since
 * "Google"/"google" and "CPC"/"cpc" are the same source and medium to every ad platform and report.
 * Campaign, term and content keep their case for display; reports and spend match them by `matchKey`.
 */
export function cleanUtm(raw: Partial<Record<UtmKey, string | null | undefined>>): Utm {
  const source = tidy(raw.utm_source);
  const medium = tidy(raw.utm_medium);
  return {
    utm_source: source && matchKey(source),
    utm_medium: medium && matchKey(medium),
    utm_campaign: tidy(raw.utm_campaign),
    utm_term: tidy(raw.utm_term),
    utm_content: tidy(raw.utm_content),
  };
}
