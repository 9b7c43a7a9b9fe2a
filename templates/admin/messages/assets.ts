// Dashboard words for the assets pages, in English and Simplified Chinese.

export const assetsEn = {
  assets_title: "Assets",
  assets_new: "New asset",
  assets_empty:
    "No assets yet. Create your first whitepaper or course, upload its file, and publish it.",
  sequence: "Nurture sequence",
  form_settings: "Form fields",
  file_current: "Current file",
  file_none: "No file uploaded yet.",
  file_upload: "Upload a file (replaces the current one)",
  publish: "Publish",
  unpublish: "Back to draft",
  set_status: "Change status",
  status_help:
    "Published: landing page and gate are live. Unlisted: no page, but links already handed out still download. Draft and archived: links already handed out answer that the content was withdrawn. Archived is for good.",
  edit: "Edit",
  view_page: "Landing page",
  funnel: "Funnel (last 90 days)",
  channels_table: "Channels (last 90 days)",
  email_steps: "Email steps",
  email_steps_empty:
    "No emails sent for this asset yet. Pick a sequence so new leads are nurtured.",
  opened: "Opened",
  clicked: "Clicked",
  by_people: "People",
  by_machines: "Machines",
  machine_note:
    "Machines are Apple Mail Privacy Protection, which loads every image when a message arrives, and mail security scanners, which follow links before the reader does. Their opens and clicks are kept apart: they add no score and confirm nothing.",
  not_found: "Not found.",
} as const;

export const assetsZh: Record<keyof typeof assetsEn, string> = {
  assets_title: "内容资产",
  assets_new: "新建资产",
  assets_empty: "还没有资产。创建第一份白皮书或课程，上传文件并发布。",
  sequence: "培育序列",
  form_settings: "表单字段",
  file_current: "当前文件",
  file_none: "尚未上传文件。",
  file_upload: "上传文件（替换当前文件）",
  publish: "发布",
  unpublish: "改回草稿",
  set_status: "更改状态",
  status_help:
    "已发布：落地页和表单上线。不公开：没有落地页，但已发出的链接仍可下载。草稿和已归档：已发出的链接会提示内容已下线。归档后不可恢复。",
  edit: "编辑",
  view_page: "落地页",
  funnel: "转化漏斗（近 90 天）",
  channels_table: "渠道（近 90 天）",
  email_steps: "邮件步骤",
  email_steps_empty: "该资产还没有发送过邮件。选择一个培育序列来培育新线索。",
  opened: "已打开",
  clicked: "已点击",
  by_people: "真人",
  by_machines: "机器",
  machine_note:
    "机器指 Apple 邮件隐私保护（邮件到达时自动加载所有图片）和邮件安全网关（在收件人之前自动访问链接）。它们的打开和点击单独统计，不加分，也不会确认任何操作。",
  not_found: "未找到。",
};
