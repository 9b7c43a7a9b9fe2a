// Dashboard words for setup problems an operator must fix (shown as a banner), in English and Simplified Chinese.

export const setupEn = {
  sending_paused_title: "Emails are not being sent.",
  sending_paused_text:
    "PUBLIC_BASE_URL is not set, so Lodestone does not know the address the links in its emails should point at. Set it to the address this site is served from (under [vars] in wrangler.toml, or npx wrangler secret put PUBLIC_BASE_URL) and deploy: the waiting emails then go out within a minute.",
} as const;

export const setupZh: Record<keyof typeof setupEn, string> = {
  sending_paused_title: "邮件已暂停发送。",
  sending_paused_text:
    "尚未设置 PUBLIC_BASE_URL，Lodestone 无法确定邮件中的链接应指向哪个网址。请把它设为本站的访问地址（写在 wrangler.toml 的 [vars] 中，或运行 npx wrangler secret put PUBLIC_BASE_URL）并重新部署，等待中的邮件会在一分钟内发出。",
};
