// Dashboard words for what the spend import detected in a file: platform, encoding, lines it skipped.

export const adExportsEn = {
  platform_google_ads: "Google Ads",
  platform_microsoft_ads: "Microsoft Advertising",
  platform_meta_ads: "Meta Ads Manager",
  platform_linkedin_ads: "LinkedIn Campaign Manager",
  platform_baidu: "百度营销 (Baidu)",
  platform_ocean_engine: "巨量引擎 (Ocean Engine)",
  platform_tencent_ads: "腾讯广告 (Tencent Ads)",
  platform_csv: "a plain CSV (no ad platform recognised)",
  export_detected: "Read as {platform}, {encoding}.",
  export_account: "Account: {account}.",
  export_skipped: "Skipped, not imported:",
  skip_title: "{n} title line(s) above the table",
  skip_blank: "{n} blank line(s)",
  skip_total: "{n} total row(s)",
  skip_note: "{n} note line(s) under the table",
  skip_item: "{what} (lines {lines})",
  skip_item_one: "{what} (line {lines})",
  currency_if_none: "Currency, if the file names none",
  currency_if_none_help:
    "Files from 百度, 巨量 and 腾讯 are read as CNY, and a column or a header such as “Amount spent (USD)” always wins.",
} as const;

export const adExportsZh: Record<keyof typeof adExportsEn, string> = {
  platform_google_ads: "Google Ads",
  platform_microsoft_ads: "Microsoft Advertising（必应广告）",
  platform_meta_ads: "Meta 广告管理工具",
  platform_linkedin_ads: "领英广告（LinkedIn Campaign Manager）",
  platform_baidu: "百度营销",
  platform_ocean_engine: "巨量引擎",
  platform_tencent_ads: "腾讯广告",
  platform_csv: "通用 CSV（未识别出广告平台）",
  export_detected: "识别为{platform}，编码 {encoding}。",
  export_account: "账户：{account}。",
  export_skipped: "已跳过（不导入）：",
  skip_title: "表格上方的标题行 {n} 行",
  skip_blank: "空行 {n} 行",
  skip_total: "合计行 {n} 行",
  skip_note: "表格下方的说明行 {n} 行",
  skip_item: "{what}（第 {lines} 行）",
  skip_item_one: "{what}（第 {lines} 行）",
  currency_if_none: "币种（文件未注明时）",
  currency_if_none_help:
    "百度、巨量、腾讯的文件按人民币（CNY）读取；文件中的币种列或“Amount spent (USD)”这类表头始终优先。",
};
