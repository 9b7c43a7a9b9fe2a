// Dashboard words for the spend pages and the CSV import, in English and Simplified Chinese.

export const spendEn = {
  spend_title: "Spend",
  spend_new: "Record spend",
  spend_import: "Import a cost report (CSV)",
  spend_import_help:
    "Upload the cost report as your ad platform downloads it — Google Ads, Microsoft Advertising, Meta, LinkedIn, 百度营销, 巨量引擎, 腾讯广告 — or any CSV with columns like Day, Campaign, Cost. Title lines and total rows are skipped. You will see a preview first, with the leads each campaign will meet. Spend is kept per campaign and day: importing the same days again replaces them, never adds to them.",
  spend_empty:
    "No spend recorded yet. Record it by hand or import your ad platform's cost report to see cost per lead.",
  csv_file: "CSV file",
  csv_paste: "…or paste the CSV",
  preview: "Preview",
  import_confirm: "Import {n} days of spend",
  import_confirm_one: "Import 1 day of spend",
  import_replace: "{d} of them replace what was imported before.",
  import_done: "Imported {n} new day(s) of spend; {d} replaced what was imported before.",
  import_nothing:
    "Nothing new: all {d} day(s) were imported before and are now replaced by this file.",
  campaigns_title: "Campaigns in this file",
  campaigns_help:
    "Spend meets the leads whose utm_campaign matches (case and spaces do not matter). A campaign named differently in the ad platform can be pointed at the leads' campaign here; the choice is kept for the next import.",
  meets_leads: "{n}",
  meets_none: "Meets no lead",
  map_to: "Meets the leads of",
  map_own: "its own name",
  mapping_saved: "saved",
  apply_mapping: "Preview with these campaigns",
  rates_missing:
    "No exchange rate for {c} yet: the import keeps the amounts, and reports name them without converting until you set a rate below.",
  rates_title: "Exchange rates",
  rates_table_help:
    "How many {r} one unit of a currency was worth on a day. A day uses the latest rate on or before it, so weekends need none. Paste lines of day,currency,rate.",
  rates_save: "Save rates",
  rates_saved: "Saved {n} rate(s).",
  rates_none: "No rates yet.",
  rates_latest: "Latest rate",
  tied_to: "Tied to",
  unconverted_note:
    "Left out of every figure: {a} in a currency with no exchange rate on or before its days. Set a rate:",
  import_errors:
    "{n} rows have problems. Fix them in the file and preview again; nothing was imported.",
  mapping_title: "Match the columns",
  mapping_help: "We could not recognise some columns. Tell us which column holds each value.",
  not_in_file: "(not in the file)",
  line: "Line",
  rates_help: "Rates for other currencies, one per line, e.g. EUR=1.08",
  tie_to: "Tie every row to",
} as const;

export const spendZh: Record<keyof typeof spendEn, string> = {
  spend_title: "投放花费",
  spend_new: "记录花费",
  spend_import: "导入花费报表（CSV）",
  spend_import_help:
    "直接上传广告平台下载的花费报表（Google Ads、Microsoft Advertising、Meta、领英、百度营销、巨量引擎、腾讯广告），或任何含日期、计划、花费等列的 CSV。标题行和合计行会自动跳过。导入前会先预览，并显示每个推广计划将匹配的线索。花费按计划和日期保存：重复导入同一日期会替换原数据，不会重复计入。",
  spend_empty: "还没有花费记录。手动记录或导入广告平台的花费报表，即可查看单条线索成本。",
  csv_file: "CSV 文件",
  csv_paste: "……或粘贴 CSV 内容",
  preview: "预览",
  import_confirm: "导入 {n} 天的花费",
  import_confirm_one: "导入 1 天的花费",
  import_replace: "其中 {d} 天将替换此前导入的数据。",
  import_done: "已导入 {n} 天的新花费；{d} 天替换了此前导入的数据。",
  import_nothing: "没有新数据：{d} 天此前均已导入，现已由本文件替换。",
  campaigns_title: "文件中的推广计划",
  campaigns_help:
    "花费会匹配 utm_campaign 相同的线索（不区分大小写和空格）。广告平台中名称不同的计划，可在此指定对应的线索活动；选择会保留到下次导入。",
  meets_leads: "{n}",
  meets_none: "未匹配到线索",
  map_to: "对应线索活动",
  map_own: "使用原名称",
  mapping_saved: "已保存",
  apply_mapping: "按所选活动重新预览",
  rates_missing:
    "尚无 {c} 的汇率：导入会保留原币金额，报表会单独列出且不做换算，直到您在下方设置汇率。",
  rates_title: "汇率",
  rates_table_help:
    "某日 1 单位外币折合多少 {r}。每天使用当天或之前最近的汇率，周末无需单独设置。每行粘贴：日期,币种,汇率。",
  rates_save: "保存汇率",
  rates_saved: "已保存 {n} 条汇率。",
  rates_none: "尚未设置汇率。",
  rates_latest: "最新汇率",
  tied_to: "归属",
  unconverted_note: "以下金额未计入任何指标：{a}，其币种在相应日期及之前没有汇率。请设置：",
  import_errors: "{n} 行有问题。请在文件中修正后重新预览；本次未导入任何数据。",
  mapping_title: "匹配列",
  mapping_help: "部分列无法自动识别，请指定每项数据对应的列。",
  not_in_file: "（文件中没有）",
  line: "行号",
  rates_help: "其他币种的汇率，每行一个，例如 EUR=1.08",
  tie_to: "每行归属于",
};
