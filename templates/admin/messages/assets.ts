// Dashboard words for the assets pages, in English and Simplified Chinese.

export const assetsEn = {
  assets_title: "Assets",
  assets_new: "New asset",
  assets_empty:
    "No assets yet. Create your first whitepaper or course, upload its file, and publish it.",
  sequence: "Nurture sequence",
  form_settings: "Form fields",
  consent_text: "Consent text (leave empty for none)",
  file_current: "Current file",
  file_none: "No file uploaded yet.",
  file_upload: "Upload a file (replaces the current one)",
  publish: "Publish",
  unpublish: "Back to draft",
  set_status: "Change status",
  status_help:
    "Published: landing page and gate are live. Unlisted: no page, but links already handed out still download. Draft and archived: links already handed out answer that the content was withdrawn.",
  edit: "Edit",
  view_page: "Landing page",
  funnel: "Funnel (last 90 days)",
  channels_table: "Channels (last 90 days)",
  email_steps: "Email steps",
  email_steps_empty:
    "No emails sent for this asset yet. Pick a sequence so new leads are nurtured.",
  opened: "Opened",
  clicked: "Clicked",
  not_found: "Not found.",
} as const;

export const assetsZh: Record<keyof typeof assetsEn, string> = {
  assets_title: "内容资产",
  assets_new: "新建资产",
  assets_empty: "还没有资产。创建第一份白皮书或课程，上传文件并发布。",
  sequence: "培育序列",
  form_settings: "表单字段",
  consent_text: "同意条款文字（留空则不显示）",
  file_current: "当前文件",
  file_none: "尚未上传文件。",
  file_upload: "上传文件（替换当前文件）",
  publish: "发布",
  unpublish: "改回草稿",
  set_status: "更改状态",
  status_help:
    "已发布：落地页和表单上线。不公开：没有落地页，但已发出的链接仍可下载。草稿和已归档：已发出的链接会提示内容已下线。",
  edit: "编辑",
  view_page: "落地页",
  funnel: "转化漏斗（近 90 天）",
  channels_table: "渠道（近 90 天）",
  email_steps: "邮件步骤",
  email_steps_empty: "该资产还没有发送过邮件。选择一个培育序列来培育新线索。",
  opened: "已打开",
  clicked: "已点击",
  not_found: "未找到。",
};
