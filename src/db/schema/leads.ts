// A lead is one person, keyed by normalised email. First and latest touch are derived (min/max touch id).
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { id, createdAt, updatedAt } from "./columns";

export const STAGES = ["lead", "mql", "sql", "customer", "disqualified"] as const;
export type Stage = (typeof STAGES)[number];

export const leads = sqliteTable("leads", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name"),
  company: text("company"),
  jobTitle: text("job_title"),
  phone: text("phone"),
  companySize: text("company_size"),
  country: text("country"),
  locale: text("locale").notNull().default("en"),
  referralCode: text("referral_code").notNull().unique(),
  referredByLeadId: integer("referred_by_lead_id"),
  consentAt: integer("consent_at"),
  consentIp: text("consent_ip"),
  consentVersion: text("consent_version"),
  touchCount: integer("touch_count").notNull().default(0),
  fitScore: integer("fit_score").notNull().default(0),
  behaviourScore: integer("behaviour_score").notNull().default(0),
  score: integer("score").notNull().default(0),
  stage: text("stage", { enum: STAGES }).notNull().default("lead"),
  stageChangedAt: integer("stage_changed_at"),
  mqlAt: integer("mql_at"),
  erasedAt: integer("erased_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export type Lead = typeof leads.$inferSelect;
