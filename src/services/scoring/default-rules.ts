// The rules a new deployment starts with; the seed script calls ensureDefaultRules, marketers edit them through the API.
import type { Db } from "../../env";
import { countRules, insertRules, type NewScoreRule } from "../../store/score-rules";

type NewRule = Omit<NewScoreRule, "createdAt">;

const FREE_MAIL = [
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "icloud.com",
  "aol.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "proton.me",
  "protonmail.com",
  "mail.ru",
  "yandex.ru",
  "qq.com",
];

export const DEFAULT_RULES: NewRule[] = [
  {
    kind: "fit",
    field: "job_title_keyword",
    match: [
      "ceo",
      "cto",
      "cfo",
      "coo",
      "cmo",
      "chief",
      "founder",
      "co-founder",
      "owner",
      "president",
      "vp",
      "vice president",
      "head",
      "director",
    ],
    points: 15,
    label: "Senior job title",
  },
  {
    kind: "fit",
    field: "job_title_keyword",
    match: ["manager", "lead", "principal"],
    points: 5,
    label: "Manager-level job title",
  },
  {
    kind: "fit",
    field: "company_size",
    match: ["51-200", "201-500", "501-1000"],
    points: 10,
    label: "Mid-size company",
  },
  {
    kind: "fit",
    field: "company_size",
    match: ["1001-5000", "5000+"],
    points: 15,
    label: "Large company",
  },
  { kind: "fit", field: "free_mail", match: FREE_MAIL, points: -10, label: "Free-mail address" },
  { kind: "fit", field: "phone_given", match: [], points: 5, label: "Phone number given" },
  {
    kind: "behaviour",
    field: "event",
    match: ["gate_submitted"],
    points: 10,
    cap: 30,
    halfLifeDays: 30,
    label: "Requested gated content",
  },
  {
    kind: "behaviour",
    field: "repeat_visit",
    match: [],
    points: 5,
    cap: 15,
    halfLifeDays: 30,
    label: "Came back for more content",
  },
  {
    kind: "behaviour",
    field: "event",
    match: ["downloaded"],
    points: 5,
    cap: 15,
    halfLifeDays: 30,
    label: "Downloaded content",
  },
  {
    kind: "behaviour",
    field: "event",
    match: ["email_clicked"],
    points: 5,
    cap: 20,
    halfLifeDays: 14,
    label: "Clicked a nurture email",
  },
  {
    kind: "behaviour",
    field: "event",
    match: ["email_opened"],
    points: 1,
    cap: 5,
    halfLifeDays: 7,
    label: "Opened a nurture email",
  },
  {
    kind: "behaviour",
    field: "event",
    match: ["session_joined"],
    points: 15,
    cap: 30,
    halfLifeDays: 45,
    label: "Joined a course session",
  },
  {
    kind: "behaviour",
    field: "event_url",
    match: ["link_clicked", "/pricing", "/demo"],
    points: 20,
    cap: 40,
    halfLifeDays: 14,
    label: "Visited pricing or demo",
  },
];

/** Inserts the default rules when there are no rules at all; safe to call on every start. Returns how many it added. */
export async function ensureDefaultRules(db: Db, now = Date.now()): Promise<number> {
  if ((await countRules(db)) > 0) return 0;
  await insertRules(
    db,
    DEFAULT_RULES.map((r) => ({ ...r, createdAt: now })),
  );
  return DEFAULT_RULES.length;
}
