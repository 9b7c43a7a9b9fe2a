// Attribution models as pure functions: how one conversion's credit is shared among a lead's touches.
import type { AttributionModel } from "./vocabulary";

interface CreditTouch {
  id: number;
  assetId: number;
  channel: string;
  campaign: string;
}
interface Credit extends Omit<CreditTouch, "id"> {
  share: number;
}

/**
 * first_touch: all credit to the earliest touch; last_touch: all to the latest touch before the
 * conversion; linear: equal shares to every touch. Shares to the same asset × channel × campaign are
 * merged, and always add up to exactly 1 when there is at least one touch.
 */
export function creditShares(touches: CreditTouch[], model: AttributionModel): Credit[] {
  if (!touches.length) return [];
  const ordered = [...touches].sort((a, b) => a.id - b.id);
  const picked =
    model === "first_touch" ? [ordered[0]!] : model === "last_touch" ? [ordered.at(-1)!] : ordered;
  const merged = new Map<string, Credit>();
  for (const t of picked) {
    const key = `${t.assetId}\u0000${t.channel}\u0000${t.campaign}`;
    const c = merged.get(key) ?? {
      assetId: t.assetId,
      channel: t.channel,
      campaign: t.campaign,
      share: 0,
    };
    c.share += 1 / picked.length;
    merged.set(key, c);
  }
  return [...merged.values()];
}
