// Mail to teammates: the invitation (who invited you, your role, where to sign in) and the one-time sign-in link.
import type { Locale, Role } from "../../src/db/schema";
import type { EmailContent } from "./types";
import { greeting } from "./types";

const ROLE_WORDS: Record<Locale, Record<Role, string>> = {
  en: {
    admin: "Admin (everything, including people, tokens and erasure)",
    marketer: "Marketer (assets, sequences, spend, reports, leads)",
    sales: "Sales (leads, outcomes, webhooks)",
    viewer: "Viewer (read only)",
  },
  "zh-CN": {
    admin: "管理员（全部权限，包括成员、令牌与数据删除）",
    marketer: "市场（内容资产、培育序列、投放花费、报表、线索）",
    sales: "销售（线索、销售结果、Webhook）",
    viewer: "只读（仅查看）",
  },
};

export function invitationEmail(
  locale: Locale,
  v: { name: string | null; inviter: string; role: Role; signInUrl: string },
): EmailContent {
  const role = ROLE_WORDS[locale][v.role];
  if (locale === "zh-CN")
    return {
      subject: `${v.inviter} 邀请您加入 Lodestone`,
      preheader: `您的角色：${role}`,
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `${v.inviter} 邀请您加入团队的 Lodestone 控制台，角色为：${role}。` },
        { p: "打开登录页面，输入本邮箱地址，我们会发送一个一次性登录链接，无需设置密码。" },
        { button: { label: "前往登录", href: v.signInUrl } },
        { p: "如果您不认识邀请人，请忽略本邮件。" },
      ],
    };
  return {
    subject: `${v.inviter} invited you to Lodestone`,
    preheader: `Your role: ${role}`,
    blocks: [
      { p: greeting("en", v.name) },
      { p: `${v.inviter} invited you to your team's Lodestone dashboard as ${role}.` },
      {
        p: "Open the sign-in page and enter this address: we will mail you a one-time sign-in link. There is no password to set.",
      },
      { button: { label: "Go to sign-in", href: v.signInUrl } },
      { p: "If you do not know who invited you, ignore this email." },
    ],
  };
}

export function signInEmail(
  locale: Locale,
  v: { name: string | null; url: string; minutes: number },
): EmailContent {
  if (locale === "zh-CN")
    return {
      subject: "您的 Lodestone 登录链接",
      preheader: `${v.minutes} 分钟内有效，仅可使用一次。`,
      blocks: [
        { p: greeting("zh-CN", v.name) },
        { p: `点击下方按钮登录 Lodestone 控制台。链接 ${v.minutes} 分钟内有效，仅可使用一次。` },
        { button: { label: "登录 Lodestone", href: v.url } },
        { p: "如果不是您本人请求登录，请忽略本邮件，您的账户不会有任何变化。" },
      ],
    };
  return {
    subject: "Your Lodestone sign-in link",
    preheader: `Valid for ${v.minutes} minutes, once.`,
    blocks: [
      { p: greeting("en", v.name) },
      {
        p: `Use the button to sign in to the Lodestone dashboard. The link works once, within ${v.minutes} minutes.`,
      },
      { button: { label: "Sign in to Lodestone", href: v.url } },
      { p: "If you did not ask to sign in, ignore this email: nothing changes." },
    ],
  };
}
