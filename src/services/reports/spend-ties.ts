// What a stored spend row is tied to, as the allocation matches it: the same keys touches are rolled up by.
import type { ReportSpendRow } from "../../store/spend";
import { deriveChannel } from "../../domain/channel";
import { matchKey } from "../../domain/utm";
import type { SpendRecord } from "./spend-allocation";

const keyOrNull = (v: string | null) => (matchKey(v) === "" ? null : matchKey(v));

/**
 * Ties become match keys. A channel is a tie only where the marketer chose one; a UTM source/medium
 * meets the touches with that source/medium, whatever channel those touches were given (spend tied by
 * utm_source=google meets the google/cpc leads, which are `paid`). The label is what an unmatched row
 * shows: its chosen channel, else the one deriveChannel gives a touch with the same UTMs.
 */
export function spendRecordOf(r: ReportSpendRow): SpendRecord {
  const source = keyOrNull(r.utmSource);
  const medium = keyOrNull(r.utmMedium);
  const channel = r.channel || null;
  const shownChannel =
    channel ??
    (source || medium
      ? deriveChannel({ utmSource: source, utmMedium: medium, referrerHost: null, referred: false })
      : "");
  return {
    id: r.id,
    assetId: r.assetId,
    channel,
    source,
    medium,
    campaign: keyOrNull(r.utmCampaign),
    label: { channel: shownChannel, campaign: (r.utmCampaign ?? "").trim() },
    dayFrom: r.dayFrom,
    dayTo: r.dayTo,
    reportingMinor: r.reportingMinor ?? 0,
  };
}
