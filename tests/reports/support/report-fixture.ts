// A hand-computed world for report tests: two assets, six leads, campaign and asset spend, one MQL, one won deal.
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { batch } from "../../../src/store/batch";
import { creditConversion } from "../../../src/services/reports/credit";
import { recordViews } from "../../../src/services/reports/record-views";
import { utcDay } from "../../../src/domain/calendar-day";
import { db, makeAsset } from "../../support/fixtures";
import { postJson } from "../../support/http";

export const ADMIN = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

export async function gate(slug: string, fields: Record<string, string>): Promise<number> {
  const res = await postJson(`/p/${slug}`, { name: "Test Person", ...fields });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return ((await res.json()) as { lead_id: number }).lead_id;
}

const paidSpring = { utm_source: "linkedin", utm_medium: "cpc", utm_campaign: "spring" };

/**
 * Touches, in order:
 *   L1: A paid/spring, then B paid/spring      L2: A paid/spring
 *   L3: B email                                L4: B paid/spring, then A organic
 *   L5: A direct                               L6: A referred by L2
 * Spend: campaign "spring" 90.00 (no asset), asset B 10.00.
 * Conversions: L1 becomes MQL two hours after capture; L4 is won for 500.00.
 */
export async function buildWorld() {
  const a = await makeAsset({ title: "Asset A" });
  const b = await makeAsset({ title: "Asset B" });
  const L1 = await gate(a.slug, { email: "l1@acme.test", ...paidSpring });
  await gate(b.slug, { email: "l1@acme.test", ...paidSpring });
  const L2 = await gate(a.slug, { email: "l2@acme.test", ...paidSpring });
  const L3 = await gate(b.slug, {
    email: "l3@acme.test",
    utm_source: "newsletter",
    utm_medium: "email",
  });
  const L4 = await gate(b.slug, { email: "l4@acme.test", ...paidSpring });
  await gate(a.slug, { email: "l4@acme.test", utm_source: "google", utm_medium: "organic" });
  const L5 = await gate(a.slug, { email: "l5@acme.test" });
  const { referral_code } = (await env.DB.prepare("SELECT referral_code FROM leads WHERE id = ?")
    .bind(L2)
    .first<{ referral_code: string }>())!;
  const L6 = await gate(a.slug, { email: "l6@acme.test", ref: referral_code });

  const today = utcDay(Date.now());
  await recordViews(db(), [
    ...Array.from({ length: 10 }, () => ({
      type: "view" as const,
      assetId: a.id,
      day: today,
      channel: "paid",
      campaign: "spring",
    })),
    ...Array.from({ length: 4 }, () => ({
      type: "view" as const,
      assetId: b.id,
      day: today,
      channel: "email",
      campaign: "",
    })),
  ]);
  const created = (await env.DB.prepare("SELECT created_at FROM leads WHERE id = ?")
    .bind(L1)
    .first<{ created_at: number }>())!.created_at;
  await batch(db(), [
    ...creditConversion(L1, "mqls", 1, created + 2 * 3_600_000),
    ...creditConversion(L4, "won", 1, created),
    ...creditConversion(L4, "revenue_minor", 50_000, created),
  ]);
  return { a, b, leads: { L1, L2, L3, L4, L5, L6 }, today };
}

export async function addSpend(today: string, assetB: number) {
  for (const body of [
    {
      utm_campaign: "spring",
      utm_source: "linkedin",
      utm_medium: "cpc",
      day_from: today,
      amount_minor: 9000,
      currency: "USD",
    },
    { asset_id: assetB, day_from: today, amount_minor: 1000, currency: "USD" },
  ]) {
    const res = await postJson("/api/v1/spend", body, { headers: ADMIN });
    expect(res.status, await res.clone().text()).toBe(201);
  }
}
