// 腾讯广告 exports: UTF-8 with BOM, 花费/曝光次数/点击次数, a 合计 row; billed in CNY.
import { type AdExportFormat, hasHeader } from "./format";

export const tencentAds: AdExportFormat = {
  platform: "tencent_ads",
  detect: (s) =>
    (hasHeader(s, "花费") && hasHeader(s, "曝光次数", "曝光量", "曝光")) ||
    s.title.some((l) => /腾讯广告|广点通/.test(l)),
  billingCurrency: "CNY",
};
