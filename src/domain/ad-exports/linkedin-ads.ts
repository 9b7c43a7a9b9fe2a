// LinkedIn Campaign Manager exports: a title block ("… Report (in UTC)", Report Start/End), US dates.
import { type AdExportFormat, hasHeader } from "./format";

export const linkedinAds: AdExportFormat = {
  platform: "linkedin_ads",
  detect: (s) =>
    hasHeader(s, "total spent", "campaign group name") ||
    s.title.some((l) => /report \(in utc\)/i.test(l)),
  mdy: true,
};
