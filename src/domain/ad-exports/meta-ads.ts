// Meta Ads Manager exports: "Reporting starts/ends" per row, "Amount spent (USD)", an optional summary row.
import { type AdExportFormat, hasHeader } from "./format";

export const metaAds: AdExportFormat = {
  platform: "meta_ads",
  detect: (s) => hasHeader(s, "reporting starts", "amount spent"),
  // "Include summary row" adds a first row over the whole period with every name left empty.
  isSummary: (c) => c.campaign !== undefined && c.campaign.trim() === "",
};
