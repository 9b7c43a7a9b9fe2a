// Lead import columns: the fields a list can fill, and the guess of which header is which (English and Chinese).

export const IMPORT_FIELDS = [
  "email",
  "name",
  "company",
  "job_title",
  "phone",
  "company_size",
  "country",
  "locale",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** A header's role: a field, or "ignore" (the column is not read). */
export type ColumnRole = ImportField | "ignore";
/** Header text as in the file → its role. */
export type ImportMapping = Record<string, ColumnRole>;

/** Header words per field, compared after lower-casing and dropping spaces, dashes, underscores and colons. */
const WORDS: Record<ImportField, string[]> = {
  email: [
    "email",
    "e-mail",
    "emailaddress",
    "mail",
    "邮箱",
    "电子邮箱",
    "邮件",
    "邮件地址",
    "电子邮件",
    "邮箱地址",
    "email地址",
  ],
  name: ["name", "fullname", "contactname", "contact", "姓名", "名字", "联系人", "客户姓名"],
  company: [
    "company",
    "companyname",
    "organisation",
    "organization",
    "account",
    "公司",
    "公司名称",
    "单位",
    "企业",
    "企业名称",
    "机构",
  ],
  job_title: ["jobtitle", "title", "position", "role", "职位", "职务", "岗位", "头衔"],
  phone: [
    "phone",
    "mobile",
    "phonenumber",
    "mobilephone",
    "tel",
    "telephone",
    "手机",
    "手机号",
    "手机号码",
    "电话",
    "联系电话",
  ],
  company_size: [
    "companysize",
    "employees",
    "size",
    "headcount",
    "公司规模",
    "企业规模",
    "人数",
    "员工人数",
    "规模",
  ],
  country: ["country", "countrycode", "region", "国家", "国家地区", "国家/地区", "地区"],
  locale: ["locale", "language", "lang", "语言"],
};

const squash = (h: string) =>
  h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_:：()（）]/g, "");

/** The role a header most likely has; "ignore" when it names nothing Lodestone keeps. */
export function guessRole(header: string): ColumnRole {
  const h = squash(header);
  if (!h) return "ignore";
  for (const f of IMPORT_FIELDS) if (WORDS[f].some((w) => squash(w) === h)) return f;
  return "ignore";
}

/**
 * The mapping for these headers: what the marketer chose where they chose, the guess elsewhere. A field
 * is filled from one column only: the first header given (or guessed) for it.
 */
export function mappingFor(headers: string[], chosen: ImportMapping = {}): ImportMapping {
  const out: ImportMapping = {};
  const taken = new Set<ImportField>();
  for (const h of headers) {
    const role = chosen[h] ?? guessRole(h);
    if (role !== "ignore" && taken.has(role)) out[h] = "ignore";
    else {
      out[h] = role;
      if (role !== "ignore") taken.add(role);
    }
  }
  return out;
}
