// Which platform wrote a file, from its title lines, header and footer; a plain CSV when none claims it.
import { baidu } from "./baidu";
import type { AdExportFormat, Signals } from "./format";
import { googleAds } from "./google-ads";
import { linkedinAds } from "./linkedin-ads";
import { metaAds } from "./meta-ads";
import { microsoftAds } from "./microsoft-ads";
import { oceanEngine } from "./ocean-engine";
import { tencentAds } from "./tencent-ads";

/** Most specific first: Microsoft's title block beats Google's shared column names. */
const FORMATS: AdExportFormat[] = [
  microsoftAds,
  metaAds,
  linkedinAds,
  googleAds,
  baidu,
  oceanEngine,
  tencentAds,
];

export const plainCsv: AdExportFormat = { platform: "csv", detect: () => true };

export function detectFormat(s: Signals): AdExportFormat {
  return FORMATS.find((f) => f.detect(s)) ?? plainCsv;
}
