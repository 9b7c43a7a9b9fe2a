// Google Ads report downloads: a title and a date-range line above the header, "Total: …" rows under it.
import { type AdExportFormat, hasHeader } from "./format";

export const googleAds: AdExportFormat = {
  platform: "google_ads",
  // "Impr.", "Currency code", "Customer ID" and "Avg. CPC" are Google's own column names.
  detect: (s) =>
    hasHeader(s, "impr.", "customer id", "avg. cpc", "currency code") &&
    !s.title.some((l) => /^report (name|time):/i.test(l)),
};
