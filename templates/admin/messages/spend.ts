// Dashboard words for the spend pages and the CSV import, in English and Simplified Chinese.

export const spendEn = {
  spend_title: "Spend",
  spend_new: "Record spend",
  spend_import: "Import a cost report (CSV)",
  spend_import_help:
    "Upload the cost report as your ad platform downloads it — Google Ads, Microsoft Advertising, Meta, LinkedIn, 百度营销, 巨量引擎, 腾讯广告 — or any CSV with columns like Day, Campaign, Cost. Title lines and total rows are skipped. You will see a preview first. Importing the same file again adds nothing.",
  spend_empty:
    "No spend recorded yet. Record it by hand or import your ad platform's cost report to see cost per lead.",
  csv_file: "CSV file",
  csv_paste: "…or paste the CSV",
  preview: "Preview",
  import_confirm: "Import {n} rows",
  import_confirm_one: "Import 1 row",
  import_done: "Imported {n} row(s); {d} already imported before.",
  import_nothing: "Nothing new: all {d} row(s) were already imported.",
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
    "直接上传广告平台下载的花费报表（Google Ads、Microsoft Advertising、Meta、领英、百度营销、巨量引擎、腾讯广告），或任何含日期、计划、花费等列的 CSV。标题行和合计行会自动跳过。导入前会先预览；重复导入同一文件不会重复计入。",
  spend_empty: "还没有花费记录。手动记录或导入广告平台的花费报表，即可查看单条线索成本。",
  csv_file: "CSV 文件",
  csv_paste: "……或粘贴 CSV 内容",
  preview: "预览",
  import_confirm: "导入 {n} 行",
  import_confirm_one: "导入 1 行",
  import_done: "已导入 {n} 行；{d} 行此前已导入。",
  import_nothing: "没有新数据：{d} 行均已导入过。",
  import_errors: "{n} 行有问题。请在文件中修正后重新预览；本次未导入任何数据。",
  mapping_title: "匹配列",
  mapping_help: "部分列无法自动识别，请指定每项数据对应的列。",
  not_in_file: "（文件中没有）",
  line: "行号",
  rates_help: "其他币种的汇率，每行一个，例如 EUR=1.08",
  tie_to: "每行归属于",
};
