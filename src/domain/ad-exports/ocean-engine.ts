// 巨量引擎 (巨量广告) exports: UTF-8 with BOM, 消耗/展示数/点击数, 项目 or 广告计划, a 总计 row; CNY.
import { type AdExportFormat, hasHeader } from "./format";

export const oceanEngine: AdExportFormat = {
  platform: "ocean_engine",
  detect: (s) =>
    (hasHeader(s, "消耗") && hasHeader(s, "展示数", "展示", "项目名称", "广告计划")) ||
    s.title.some((l) => /巨量/.test(l)),
  billingCurrency: "CNY",
};
