// Ad platforms' click ids carried on a landing URL (gclid, msclkid, fbclid, 百度 bd_vid …): which, their bounds, and reading them.

/**
 * The parameters an ad platform appends to the landing URL. Bounds are the platforms' documented or observed
 * shapes with room to spare: msclkid is 32 hex digits, li_fat_id a UUID; the rest are URL-safe tokens.
 */
export const CLICK_ID_RULES = {
  gclid: { max: 512, pattern: /^[A-Za-z0-9_-]+$/ },
  gbraid: { max: 512, pattern: /^[A-Za-z0-9_-]+$/ },
  wbraid: { max: 512, pattern: /^[A-Za-z0-9_-]+$/ },
  msclkid: { max: 32, pattern: /^[0-9a-fA-F]{32}$/ },
  fbclid: { max: 512, pattern: /^[A-Za-z0-9_-]+$/ },
  li_fat_id: {
    max: 36,
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  },
  ttclid: { max: 512, pattern: /^[A-Za-z0-9._~-]+$/ },
  bd_vid: { max: 512, pattern: /^[A-Za-z0-9._~-]+$/ },
  clickid: { max: 512, pattern: /^[A-Za-z0-9._~-]+$/ },
  gdt_vid: { max: 512, pattern: /^[A-Za-z0-9._~-]+$/ },
} as const;
export type ClickIdParam = keyof typeof CLICK_ID_RULES;
export const CLICK_ID_PARAMS = Object.keys(CLICK_ID_RULES) as ClickIdParam[];

/** The ids the offline exports read get a column each; the others travel together as one JSON object. */
export const EXPORTED_CLICK_IDS = ["gclid", "msclkid", "fbclid"] as const;
export type OtherClickIdParam = Exclude<ClickIdParam, (typeof EXPORTED_CLICK_IDS)[number]>;

/** Meta's `_fbc` cookie: `fb.<subdomain index>.<creation time, ms>.<fbclid>`. */
const FBC = /^fb\.[0-2]\.\d{13}\.[A-Za-z0-9_-]{1,512}$/;

export type ClickIds = Partial<Record<ClickIdParam, string>> & { fbc?: string };

/** A click id as a platform would have sent it, or null: wrong charset or length is dropped, never refused. */
export function validClickId(param: ClickIdParam, value: unknown): string | null {
  if (typeof value !== "string") return null;
  const v = value.trim();
  const rule = CLICK_ID_RULES[param];
  return v.length > 0 && v.length <= rule.max && rule.pattern.test(v) ? v : null;
}

export function validFbc(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const v = value.trim();
  return FBC.test(v) ? v : null;
}

/** One cookie's value from a Cookie header (first match), or null. */
function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function queryOf(url: string | null): URLSearchParams | null {
  if (!url) return null;
  try {
    return new URL(url).searchParams;
  } catch {
    return null;
  }
}

/**
 * The click ids of one gate submission: the form's hidden fields (or a JSON client's fields) first, then the
 * landing URL's query, then Meta's `_fbc` cookie. Each is validated on its own; a bad one is left out.
 */
export function readClickIds(input: {
  fields: Record<string, unknown>;
  landingUrl: string | null;
  cookieHeader: string | null;
}): ClickIds {
  const query = queryOf(input.landingUrl);
  const out: ClickIds = {};
  for (const param of CLICK_ID_PARAMS) {
    const v = validClickId(param, input.fields[param]) ?? validClickId(param, query?.get(param));
    if (v) out[param] = v;
  }
  const fbc = validFbc(input.fields.fbc) ?? validFbc(cookieValue(input.cookieHeader, "_fbc"));
  if (fbc) out.fbc = fbc;
  return out;
}

/** The click ids on a landing URL, for the form's hidden fields (already validated). */
export function clickIdsOfUrl(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const param of CLICK_ID_PARAMS) {
    const v = validClickId(param, url.searchParams.get(param));
    if (v) out[param] = v;
  }
  return out;
}

/** The touch's columns: one per exported id, the rest as a JSON object (null when none). */
export function clickIdColumns(ids: ClickIds): {
  gclid: string | null;
  msclkid: string | null;
  fbclid: string | null;
  fbc: string | null;
  clickIds: string | null;
} {
  const others: Partial<Record<OtherClickIdParam, string>> = {};
  for (const param of CLICK_ID_PARAMS)
    if (!(EXPORTED_CLICK_IDS as readonly string[]).includes(param) && ids[param])
      others[param as OtherClickIdParam] = ids[param];
  return {
    gclid: ids.gclid ?? null,
    msclkid: ids.msclkid ?? null,
    fbclid: ids.fbclid ?? null,
    fbc: ids.fbc ?? null,
    clickIds: Object.keys(others).length ? JSON.stringify(others) : null,
  };
}

/** The touch's stored columns back as one object of the ids present (for the lead page and API). */
export function clickIdsOfColumns(row: {
  gclid: string | null;
  msclkid: string | null;
  fbclid: string | null;
  fbc: string | null;
  clickIds: string | null;
}): ClickIds {
  let others: Record<string, unknown> = {};
  try {
    others = row.clickIds ? (JSON.parse(row.clickIds) as Record<string, unknown>) : {};
  } catch {
    others = {};
  }
  const out: ClickIds = {};
  for (const param of CLICK_ID_PARAMS) {
    const v =
      param === "gclid" || param === "msclkid" || param === "fbclid" ? row[param] : others[param];
    if (typeof v === "string" && v) out[param] = v;
  }
  if (row.fbc) out.fbc = row.fbc;
  return out;
}
