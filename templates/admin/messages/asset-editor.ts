// Dashboard words for the asset editor's new parts (kinds, link, cover, live preview), in English and Chinese.

export const editorEn = {
  kind_report: "Report",
  kind_ebook: "Ebook",
  kind_link: "Gated link",
  link_url: "Link (https) a link asset opens",
  cover: "Cover image",
  cover_current: "Current cover",
  cover_none: "No cover yet.",
  cover_upload: "Upload a cover (PNG, JPEG or WebP, at most 2 MB)",
  file_types:
    "PDF, EPUB, DOCX, PPTX, XLSX or ZIP, at most 25 MB (checked by its content). For a video, make a gated link.",
  preview: "Preview",
  preview_refresh: "Refresh preview",
  preview_title: "Landing page preview",
  preview_help:
    "The page as a visitor will see it, updated as you type. Its form cannot be submitted here.",
  archive: "Archive",
} as const;

export const editorZh: Record<keyof typeof editorEn, string> = {
  kind_report: "行业报告",
  kind_ebook: "电子书",
  kind_link: "受限链接",
  link_url: "受限链接打开的网址（https）",
  cover: "封面图",
  cover_current: "当前封面",
  cover_none: "尚未上传封面。",
  cover_upload: "上传封面（PNG、JPEG 或 WebP，不超过 2 MB）",
  file_types:
    "PDF、EPUB、DOCX、PPTX、XLSX 或 ZIP，不超过 25 MB（按文件内容校验）。视频请使用受限链接。",
  preview: "预览",
  preview_refresh: "刷新预览",
  preview_title: "落地页预览",
  preview_help: "访客将看到的页面，随输入实时更新。此处的表单无法提交。",
  archive: "归档",
};
