// Dashboard words for the captured-mail pages, in English and Simplified Chinese.

export const mailEn = {
  mail_title: "Captured mail",
  mail_help: "In local development, emails go to this built-in sink instead of Resend.",
  mail_empty: "No emails captured. Submit a gate form locally to see the nurture emails here.",
  recipient: "To",
} as const;

export const mailZh: Record<keyof typeof mailEn, string> = {
  mail_title: "本地邮件",
  mail_help: "本地开发时，邮件发送到内置收件箱而不是 Resend。",
  mail_empty: "还没有邮件。在本地提交一次表单即可在此看到培育邮件。",
  recipient: "收件人",
};
