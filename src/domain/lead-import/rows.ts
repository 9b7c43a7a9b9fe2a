// Lead import rows: each line read into a lead's fields, checked, and sorted into valid, duplicate or invalid.
import { emailSchema } from "../email-address";
import type { CsvRecord } from "../csv";
import type { Locale } from "../vocabulary";
import type { ImportField, ImportMapping } from "./columns";

/** Lines one file may hold (its body limit allows them with room to spare). */
export const MAX_IMPORT_ROWS = 5000;

export interface ImportedLead {
  line: number;
  email: string;
  name: string | null;
  company: string | null;
  jobTitle: string | null;
  phone: string | null;
  companySize: string | null;
  country: string | null;
  locale: Locale | null;
}

export interface InvalidRow {
  line: number;
  reasons: string[];
}

export interface ReadRows {
  leads: ImportedLead[];
  /** A later line with an address an earlier line had: not imported (the earlier line wins). */
  duplicates: { line: number; firstLine: number }[];
  invalid: InvalidRow[];
}

const LIMITS: Record<Exclude<ImportField, "email" | "locale" | "country">, number> = {
  name: 200,
  company: 200,
  job_title: 200,
  phone: 40,
  company_size: 40,
};

/** en, zh-CN, and the ways lists write them (zh, zh_CN, 中文, English, 英文). */
export function readLocale(v: string): Locale | null | "bad" {
  const s = v.trim().toLowerCase().replace("_", "-");
  if (!s) return null;
  if (["en", "en-us", "en-gb", "english", "英文", "英语"].includes(s)) return "en";
  if (["zh", "zh-cn", "zh-hans", "chinese", "中文", "简体中文", "汉语"].includes(s)) return "zh-CN";
  return "bad";
}

/** Reads the records after the header with the mapping; at most MAX_IMPORT_ROWS lines are read. */
export function readImportRows(
  headers: string[],
  records: CsvRecord[],
  mapping: ImportMapping,
): ReadRows {
  const column = new Map<ImportField, number>();
  headers.forEach((h, i) => {
    const role = mapping[h];
    if (role && role !== "ignore" && !column.has(role)) column.set(role, i);
  });
  const out: ReadRows = { leads: [], duplicates: [], invalid: [] };
  const seen = new Map<string, number>();
  for (const r of records) {
    const cell = (f: ImportField) => {
      const i = column.get(f);
      const v = i === undefined ? "" : (r.cells[i] ?? "").trim();
      return v === "" ? null : v;
    };
    if (r.cells.every((c) => c.trim() === "")) continue;
    const reasons: string[] = [];
    const rawEmail = cell("email");
    const email = rawEmail === null ? null : emailSchema.safeParse(rawEmail);
    if (!email) reasons.push("email: missing");
    else if (!email.success) reasons.push(`email: not an address (${rawEmail!.slice(0, 80)})`);
    for (const [f, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
      const v = cell(f);
      if (v && v.length > max) reasons.push(`${f}: longer than ${max} characters`);
    }
    const country = cell("country");
    if (country && !/^[A-Za-z]{2}$/.test(country))
      reasons.push("country: use a two-letter code such as CN or US");
    const locale = readLocale(cell("locale") ?? "");
    if (locale === "bad") reasons.push("locale: use en or zh-CN");
    if (reasons.length || !email?.success) {
      out.invalid.push({ line: r.line, reasons });
      continue;
    }
    const first = seen.get(email.data);
    if (first !== undefined) {
      out.duplicates.push({ line: r.line, firstLine: first });
      continue;
    }
    seen.set(email.data, r.line);
    out.leads.push({
      line: r.line,
      email: email.data,
      name: cell("name"),
      company: cell("company"),
      jobTitle: cell("job_title"),
      phone: cell("phone"),
      companySize: cell("company_size"),
      country: country?.toUpperCase() ?? null,
      locale: locale === "bad" ? null : locale,
    });
  }
  return out;
}
