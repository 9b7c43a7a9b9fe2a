// The double opt-in confirmation: the drip starts only after the lead clicks it.
import { defineEmail, greeting } from "./types";

export const OPTIN_TEMPLATE_ID = "optin-confirm";

export const optinConfirm = defineEmail({
  id: OPTIN_TEMPLATE_ID,
  requires: ["asset_title", "optin_url"],
  content: {
    en: (v) => ({
      subject: "Please confirm your email",
      preheader: `One click and we will send you more like “${v.asset_title}”.`,
      blocks: [
        { p: greeting("en", v.name) },
        {
          p: `Thanks for your interest in “${v.asset_title}”. Please confirm you would like to hear from us.`,
        },
        { button: { label: "Yes, keep me posted", href: v.optin_url } },
        { p: "If you did not ask for this, ignore this email and we will not write again." },
      ],
    }),
    "zh-CN": (v) => ({
      subject: "请确认您的邮箱",
      preheader: `确认后我们会继续发送与《${v.asset_title}》相关的内容。`,
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `感谢您关注《${v.asset_title}》。请确认您愿意接收我们的后续内容。` },
        { button: { label: "确认订阅", href: v.optin_url } },
        { p: "如非本人操作，请忽略本邮件，我们不会再打扰您。" },
      ],
    }),
  },
});
