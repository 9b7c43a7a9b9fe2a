// Attribution models as pure functions: how one conversion's credit is shared among a lead's touches.
import type { AttributionModel } from "./vocabulary";

interface CreditTouch {
  id: number;
  assetId: number;
  channel: string;
  campaign: string;
  /** When the touch happened (epoch ms); only time_decay and w_shaped read it. */
  at?: number;
}
interface Credit extends Omit<CreditTouch, "id" | "at"> {
  share: number;
}

/** What some models need besides the touches. */
export interface CreditContext {
  /** The moment being credited (time_decay's reference); defaults to the latest touch's time. */
  at?: number;
  /** When the lead became an MQL (w_shaped's second milestone); null or absent: not yet. */
  mqlAt?: number | null;
  /** When sales first accepted the lead (w_shaped's third milestone); null or absent: not yet. */
  acceptedAt?: number | null;
  /** data_driven: each channel's weight (its share of the removal effects); a missing channel weighs 0. */
  weights?: Readonly<Record<string, number>>;
}

/** time_decay's half-life: a touch a week older than the moment credited counts half as much. */
export const HALF_LIFE_MS = 7 * 86_400_000;

/**
 * Each touch's share of one conversion, in touch order (by id), adding up to 1.
 * - first_touch / last_touch: all to the earliest / latest touch; linear: equal shares.
 * - position_based: 40 % first, 40 % last, 20 % spread over the middle; one touch 100 %, two 50/50.
 * - time_decay: weight 2^(−age / 7 days), age measured back from `ctx.at`, normalised.
 * - w_shaped: 30 % each to the first touch, the last touch at or before the MQL and the last touch
 *   at or before sales accepted; a milestone not reached yet counts as the last touch so far. The
 *   other touches share 10 %; when no touch is left over, the three slots share everything (⅓ each).
 * - data_driven: proportional to the channel weights; all weights 0 (or none): linear.
 */
export function touchShares(
  touches: CreditTouch[],
  model: AttributionModel,
  ctx: CreditContext = {},
): number[] {
  const n = touches.length;
  if (!n) return [];
  const one = (i: number) => touches.map((_, j) => (j === i ? 1 : 0));
  switch (model) {
    case "first_touch":
      return one(0);
    case "last_touch":
      return one(n - 1);
    case "linear":
      return touches.map(() => 1 / n);
    case "position_based":
      if (n <= 2) return touches.map(() => 1 / n);
      return touches.map((_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
    case "time_decay": {
      const ref = ctx.at ?? Math.max(...touches.map((t) => t.at ?? 0));
      const w = touches.map((t) => 2 ** (-Math.max(0, ref - (t.at ?? ref)) / HALF_LIFE_MS));
      const sum = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / sum);
    }
    case "w_shaped": {
      const lastBy = (when: number | null | undefined) => {
        if (when === null || when === undefined) return n - 1;
        const i = touches.findLastIndex((t) => (t.at ?? 0) <= when);
        return i < 0 ? n - 1 : i;
      };
      const slots = [0, lastBy(ctx.mqlAt), lastBy(ctx.acceptedAt)];
      const held = touches.map((_, i) => slots.filter((s) => s === i).length);
      const rest = held.filter((h) => h === 0).length;
      return held.map((h) => (rest === 0 ? h / 3 : h ? 0.3 * h : 0.1 / rest));
    }
    case "data_driven": {
      const w = touches.map((t) => ctx.weights?.[t.channel] ?? 0);
      const sum = w.reduce((a, b) => a + b, 0);
      return sum > 0 ? w.map((x) => x / sum) : touches.map(() => 1 / n);
    }
  }
}

/**
 * The shares of `touchShares`, merged per asset × channel × campaign (in order of first appearance);
 * they always add up to 1 when there is at least one touch.
 */
export function creditShares(
  touches: CreditTouch[],
  model: AttributionModel,
  ctx: CreditContext = {},
): Credit[] {
  const ordered = [...touches].sort((a, b) => a.id - b.id);
  const shares = touchShares(ordered, model, ctx);
  const merged = new Map<string, Credit>();
  ordered.forEach((t, i) => {
    const share = shares[i]!;
    const key = `${t.assetId}\u0000${t.channel}\u0000${t.campaign}`;
    const c = merged.get(key);
    if (c) c.share += share;
    else if (share > 0)
      merged.set(key, { assetId: t.assetId, channel: t.channel, campaign: t.campaign, share });
  });
  return [...merged.values()];
}
