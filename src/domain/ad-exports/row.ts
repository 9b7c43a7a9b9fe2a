// One data row of an export → a spend row (amount in minor units, its currency, its days) or its errors.
import { isCurrencyCode, parseAmount } from "../money";
import type { ImportField } from "./columns";
import { parseCount, parseDay } from "./values";

export interface AdExportRow {
  /** 1-based line of the file the row starts on. */
  line: number;
  dayFrom: string;
  dayTo: string;
  campaign: string | null;
  account: string | null;
  costMinor: number;
  currency: string;
  impressions: number | null;
  clicks: number | null;
}

export interface RowError {
  line: number;
  field: string | null;
  reason: string;
}

export interface RowContext {
  mdy: boolean;
  /** Currency of a row whose file has no currency column (or an empty cell). */
  currency: string;
  /** Days of every row when the file has no day column (from its title lines). */
  range: { from: string; to: string } | null;
  account: string | null;
}

const clip = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Reads the mapped cells of one row; every problem is reported, with the field it is in. */
export function readRow(
  line: number,
  cell: Partial<Record<ImportField, string>>,
  ctx: RowContext,
): { row: AdExportRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const bad = (field: ImportField, reason: string) => errors.push({ line, field, reason });

  let dayFrom = ctx.range?.from ?? null;
  let dayTo = ctx.range?.to ?? null;
  if (cell.day !== undefined) {
    dayFrom = parseDay(cell.day, ctx.mdy);
    dayTo = dayFrom;
    if (!dayFrom)
      bad(
        "day",
        `"${clip(cell.day.trim())}" is not a date (use YYYY-MM-DD${ctx.mdy ? " or M/D/YYYY" : ""})`,
      );
  }
  if (cell.day_to !== undefined && cell.day_to.trim() !== "") {
    dayTo = parseDay(cell.day_to, ctx.mdy);
    if (!dayTo) bad("day_to", `"${clip(cell.day_to.trim())}" is not a date (use YYYY-MM-DD)`);
    else if (dayFrom && dayTo < dayFrom)
      bad("day_to", `The row ends (${dayTo}) before it starts (${dayFrom})`);
  }

  const campaign = (cell.campaign ?? "").trim();
  if (campaign.length > 200) bad("campaign", "campaign is longer than 200 characters");
  const account = (cell.account ?? "").trim() || ctx.account;

  const currency = (cell.currency ?? "").trim().toUpperCase() || ctx.currency;
  const costText = (cell.cost ?? "").trim();
  let costMinor: number | null = null;
  if (!costText) bad("cost", "cost is empty");
  else if (!isCurrencyCode(currency))
    bad("currency", `"${clip(currency, 10)}" is not an ISO 4217 currency code`);
  else {
    costMinor = parseAmount(costText, currency);
    if (costMinor === null) bad("cost", `"${clip(costText)}" is not an amount in ${currency}`);
  }

  const impressions = parseCount(cell.impressions ?? "");
  if (impressions === undefined) bad("impressions", "must be a whole number");
  const clicks = parseCount(cell.clicks ?? "");
  if (clicks === undefined) bad("clicks", "must be a whole number");

  if (errors.length || !dayFrom || !dayTo || costMinor === null) return { errors };
  return {
    row: {
      line,
      dayFrom,
      dayTo,
      campaign: campaign || null,
      account: account ? clip(account, 200) : null,
      costMinor,
      currency,
      impressions: impressions ?? null,
      clicks: clicks ?? null,
    },
  };
}
