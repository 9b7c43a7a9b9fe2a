// 百度营销 (搜索推广) reports: GBK-encoded, 推广计划/展现/点击/消费, a 合计 row; billed in CNY.
import { type AdExportFormat, hasHeader } from "./format";

export const baidu: AdExportFormat = {
  platform: "baidu",
  detect: (s) =>
    (hasHeader(s, "消费") && hasHeader(s, "展现", "展现量")) ||
    s.title.some((l) => /百度|推广计划报告/.test(l)),
  billingCurrency: "CNY",
};
