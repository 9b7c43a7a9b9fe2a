// `{{first_name}}`: the given name taken from the one `name` a lead typed, or the whole name where that cannot be told.

/** Han, kana and Hangul: names written in them put the family name first and have no space to split on. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
/** Words before a given name that are not one. */
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"]);

/**
 * "Ada Lovelace" → "Ada"; "Lovelace, Ada" → "Ada"; "Dr. Ada Lovelace" → "Ada"; "王小明" → "王小明";
 * "Ada" → "Ada"; null or blank → "". A CJK name, or one left with a single honorific, is kept whole.
 */
export function givenName(name: string | null | undefined): string {
  const whole = (name ?? "").replace(/\s+/g, " ").trim();
  if (!whole) return "";
  if (CJK.test(whole)) return whole;
  const comma = whole.indexOf(",");
  if (comma > 0) {
    const after = whole.slice(comma + 1).trim();
    if (after) return givenName(after);
  }
  const words = whole.split(" ");
  while (words.length > 1 && HONORIFICS.has(words[0]!.toLowerCase().replace(/\.$/, ""))) {
    words.shift();
  }
  return words[0] ?? whole;
}
