// The lead a step's preview or test send borrows its values from, by id or by email (never an erased one).
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../env";
import { leads } from "../../db/schema";

export interface PreviewLead {
  id: number;
  email: string;
  name: string | null;
  company: string | null;
  locale: string;
  country: string | null;
  referralCode: string;
}

export async function leadForPreview(
  db: Db,
  by: { id: number } | { email: string },
): Promise<PreviewLead | undefined> {
  const [row] = await db
    .select({
      id: leads.id,
      email: leads.email,
      name: leads.name,
      company: leads.company,
      locale: leads.locale,
      country: leads.country,
      referralCode: leads.referralCode,
    })
    .from(leads)
    .where(
      and("id" in by ? eq(leads.id, by.id) : eq(leads.email, by.email), isNull(leads.erasedAt)),
    )
    .limit(1);
  return row;
}
