// Spend records: create, list and delete one, converted to the reporting currency and tied to a channel.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { assetIdExists } from "../../store/assets";
import { deleteSpendById, insertSpend, spendPage, type Spend } from "../../store/spend";
import { cleanUtm } from "../../domain/utm";
import { convertMinor, parseRate } from "../../domain/money";
import type { SpendInput } from "./spend-input";

export type SpendRow = Spend;

/**
 * The amount in the reporting currency when it is known now: the reporting currency itself, or a foreign
 * one with a rate of its own (`fx_rate`, or the import's rates). Otherwise null: reports convert it day by
 * day from exchange_rates, and name it while no rate covers its days.
 */
export function toReporting(
  amountMinor: number,
  currency: string,
  reporting: string,
  rates: Record<string, string | undefined>,
): number | null {
  if (currency === reporting) return amountMinor;
  const rateText = rates[currency];
  const rate = rateText ? parseRate(rateText) : null;
  return rate === null ? null : convertMinor(amountMinor, currency, reporting, rate);
}

export async function assertAssetExists(db: Db, assetId: number | undefined) {
  if (assetId === undefined) return;
  if (!(await assetIdExists(db, assetId)))
    throw new AppError("BAD_REQUEST", "Some fields are invalid", {
      details: { fields: { asset_id: ["No asset has this id"] } },
    });
}

/**
 * What a spend row is tied to, stored as touches store UTMs (cleanUtm: source and medium case-folded,
 * everything trimmed). The channel is stored only when the marketer chose one: UTMs meet the leads with
 * those UTMs, not a channel derived from them (src/services/reports/spend-ties.ts).
 */
export function spendTies(input: {
  channel?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string | null;
}) {
  const utm = cleanUtm(input);
  return {
    channel: input.channel ?? null,
    utmSource: utm.utm_source,
    utmMedium: utm.utm_medium,
    utmCampaign: utm.utm_campaign,
  };
}

export async function createSpend(
  db: Db,
  input: SpendInput,
  ctx: { now: number; reportingCurrency: string },
): Promise<SpendRow> {
  await assertAssetExists(db, input.asset_id);
  const reportingMinor = toReporting(input.amount_minor, input.currency, ctx.reportingCurrency, {
    [input.currency]: input.fx_rate,
  });
  return insertSpend(db, {
    assetId: input.asset_id ?? null,
    ...spendTies(input),
    dayFrom: input.day_from,
    dayTo: input.day_to ?? input.day_from,
    amountMinor: input.amount_minor,
    currency: input.currency,
    reportingMinor,
    impressions: input.impressions ?? null,
    clicks: input.clicks ?? null,
    createdAt: ctx.now,
  });
}

export async function listSpend(
  db: Db,
  opts: { limit: number; before?: number; assetId?: number },
): Promise<{ rows: SpendRow[]; nextCursor: number | null }> {
  const rows = await spendPage(db, opts);
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  return { rows: page, nextCursor: more ? page.at(-1)!.id : null };
}

/** One spend record, or null. */
/** Deletes a spend record; returns it as it was (for the audit log). */
export async function deleteSpend(db: Db, id: number): Promise<SpendRow> {
  const row = await deleteSpendById(db, id);
  if (!row) throw new AppError("NOT_FOUND", "No spend record has this id");
  return row;
}
