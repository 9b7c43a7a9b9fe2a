// Microsoft Advertising downloads: a "Report Name:/Report Time:/Time Zone:…" block, a © footer, US dates.
import { type AdExportFormat, hasHeader } from "./format";

export const microsoftAds: AdExportFormat = {
  platform: "microsoft_ads",
  detect: (s) =>
    s.title.some((l) => /^report (name|time|aggregation|filter):/i.test(l)) ||
    s.tail.some((l) => /microsoft corporation/i.test(l)) ||
    hasHeader(s, "account number"),
  mdy: true,
};
