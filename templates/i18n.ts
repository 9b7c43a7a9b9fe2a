// Every string a prospect sees, in both locales.
import type { Locale } from "../src/db/schema";

const en = {
  email: "Work email",
  name: "Name",
  company: "Company",
  job_title: "Job title",
  phone: "Phone",
  company_size: "Company size",
  choose: "Choose…",
  optional: "optional",
  submit_whitepaper: "Get the whitepaper",
  submit_course: "Reserve my seat",
  outline: "What's inside",
  form_title: "Get instant access",
  errors_title: "Please check the highlighted fields.",
  turnstile_failed: "Please confirm you are human and try again",
  thanks_title: "Thank you!",
  thanks_whitepaper: "Your whitepaper is ready to download.",
  thanks_course: "Your seat is reserved.",
  download: "Download now",
  join_room: "Open the course room",
  link_expires: "This link works for 7 days.",
  session_at: "The session starts",
  add_calendar: "Add to calendar (.ics)",
  share_title: "Know someone who would find this useful?",
  share_text: "Share your personal link:",
  not_found_title: "Page not found",
  not_found_text: "This page does not exist or is no longer available.",
  expired_title: "This link has expired",
  expired_text: "Download links work for 7 days. Fill the form again to get a fresh one.",
  get_fresh: "Get a fresh link",
  invalid_link_title: "This link is not valid",
  invalid_link_text: "The link may have been mistyped or altered.",
  rate_limited: "Too many submissions from your network. Please wait a minute and try again.",
  unsubscribe_title: "Unsubscribe from our emails?",
  unsubscribe_text:
    "You will get no more emails from us. Anything you already requested stays available.",
  unsubscribe_button: "Unsubscribe",
  unsubscribed_title: "You are unsubscribed",
  unsubscribed_text: "We will not email you again.",
  optin_title: "Thanks, you are confirmed",
  optin_text: "We will send you the next pieces as they are ready.",
  optin_expired_text: "This confirmation link has expired. Fill the form again to get a new one.",
  withdrawn_title: "This content has been withdrawn",
  withdrawn_text: "The link is genuine, but what it pointed to is no longer offered.",
  body_too_large_title: "Too much to send",
  body_too_large_text:
    "What you sent is too large ({size} at most). Shorten what you typed and try again.",
} as const;

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  email: "工作邮箱",
  name: "姓名",
  company: "公司",
  job_title: "职位",
  phone: "手机号",
  company_size: "公司规模",
  choose: "请选择…",
  optional: "选填",
  submit_whitepaper: "免费获取白皮书",
  submit_course: "立即预约",
  outline: "内容概览",
  form_title: "填写信息，立即获取",
  errors_title: "请检查标出的字段。",
  turnstile_failed: "请完成人机验证后重试",
  thanks_title: "感谢您的关注！",
  thanks_whitepaper: "白皮书已准备好，可立即下载。",
  thanks_course: "您已成功预约。",
  download: "立即下载",
  join_room: "进入课程教室",
  link_expires: "下载链接 7 天内有效。",
  session_at: "开课时间",
  add_calendar: "添加到日历（.ics）",
  share_title: "觉得有用？分享给同事",
  share_text: "您的专属分享链接：",
  not_found_title: "页面不存在",
  not_found_text: "该页面不存在或已下线。",
  expired_title: "链接已过期",
  expired_text: "下载链接 7 天内有效，请重新填写表单获取新链接。",
  get_fresh: "获取新链接",
  invalid_link_title: "链接无效",
  invalid_link_text: "链接可能输入有误或已被修改。",
  rate_limited: "提交过于频繁，请稍候一分钟再试。",
  unsubscribe_title: "确认退订？",
  unsubscribe_text: "退订后您将不再收到我们的邮件，已获取的资料仍可使用。",
  unsubscribe_button: "确认退订",
  unsubscribed_title: "您已退订",
  unsubscribed_text: "我们不会再给您发送邮件。",
  optin_title: "确认成功",
  optin_text: "后续内容准备好后，我们会发送给您。",
  optin_expired_text: "确认链接已过期，请重新填写表单获取新链接。",
  withdrawn_title: "该内容已下线",
  withdrawn_text: "链接本身有效，但它指向的内容已不再提供。",
  body_too_large_title: "提交的内容过大",
  body_too_large_text: "提交的内容过大（上限 {size}），请精简填写的内容后重试。",
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

export function t(locale: Locale, key: MessageKey): string {
  return MESSAGES[locale][key];
}

export function isLocale(v: unknown): v is Locale {
  return v === "en" || v === "zh-CN";
}
