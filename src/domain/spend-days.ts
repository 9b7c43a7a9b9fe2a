// A spend file's rows as the days they pay for: one row per campaign and day, keyed by where it came from.
import { apportion } from "./apportion";
import { eachDay } from "./report-days";
import { matchKey } from "./utm";

/** One row of a spend file after reading: what a platform billed a campaign over some days. */
export interface SpendFileRow {
  line: number;
  dayFrom: string;
  dayTo: string;
  campaign: string | null;
  /** The ad account the row belongs to, where the file says (Customer ID, Account name, 账户…). */
  account: string | null;
  costMinor: number;
  currency: string;
  impressions: number | null;
  clicks: number | null;
}

/** What one campaign cost on one day, and the file lines it came from. */
export interface SpendDay {
  key: string;
  campaign: string | null;
  account: string | null;
  day: string;
  costMinor: number;
  currency: string;
  impressions: number | null;
  clicks: number | null;
  lines: number[];
}

/**
 * The key a day of a campaign's spend is stored under: platform, account, campaign (as spend and leads
 * meet it) and day — never the tie chosen for it. Importing the same days again replaces them, whatever
 * tie was chosen, and a weekly export after a daily one replaces those days rather than doubling them.
 * Readable JSON, so a migration can write the same key for rows stored before it.
 */
export function spendDayKey(
  platform: string | null,
  account: string | null,
  campaign: string | null,
  day: string,
): string {
  return `imp:${JSON.stringify([platform ?? "", account ?? "", matchKey(campaign), day])}`;
}

const spread = (total: number | null, n: number) =>
  total === null
    ? Array<null>(n).fill(null)
    : (apportion(total, Array(n).fill(1)) ?? Array(n).fill(0));

const add = (a: number | null, b: number | null) =>
  a === null && b === null ? null : (a ?? 0) + (b ?? 0);

/**
 * Spreads each row evenly over its days (largest remainder: the days add up to the row exactly) and sums
 * rows of the same campaign and day (exports split by ad group, device or network repeat them). A campaign
 * billed in two currencies on one day cannot be one stored day: those lines are returned as conflicts.
 */
export function spendDays(
  rows: SpendFileRow[],
  platform: string | null,
): { days: SpendDay[]; conflicts: { line: number; reason: string }[] } {
  const out = new Map<string, SpendDay>();
  const conflicts: { line: number; reason: string }[] = [];
  for (const r of rows) {
    const days = eachDay(r.dayFrom, r.dayTo);
    const cost = spread(r.costMinor, days.length);
    const impressions = spread(r.impressions, days.length);
    const clicks = spread(r.clicks, days.length);
    days.forEach((day, i) => {
      const key = spendDayKey(platform, r.account, r.campaign, day);
      const seen = out.get(key);
      if (!seen) {
        out.set(key, {
          key,
          campaign: r.campaign,
          account: r.account,
          day,
          costMinor: cost[i]!,
          currency: r.currency,
          impressions: impressions[i]!,
          clicks: clicks[i]!,
          lines: [r.line],
        });
        return;
      }
      if (seen.currency !== r.currency) {
        conflicts.push({
          line: r.line,
          reason: `${r.campaign ?? "(no campaign)"} on ${day} is in ${r.currency} here and ${seen.currency} on line ${seen.lines[0]}`,
        });
        return;
      }
      seen.costMinor += cost[i]!;
      seen.impressions = add(seen.impressions, impressions[i]!);
      seen.clicks = add(seen.clicks, clicks[i]!);
      if (!seen.lines.includes(r.line)) seen.lines.push(r.line);
    });
  }
  return { days: [...out.values()], conflicts };
}
