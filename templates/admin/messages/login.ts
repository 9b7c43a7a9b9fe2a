// Dashboard words for the sign-in pages, in English and Simplified Chinese.

export const loginEn = {
  login_title: "Sign in to the dashboard",
  login_email_help:
    "Enter the email address you were invited with. We will mail you a sign-in link that works once, within 15 minutes.",
  login_email: "Work email",
  login_email_submit: "Email me a sign-in link",
  login_with_token: "Sign in with a token",
  login_help:
    "For the bootstrap ADMIN_TOKEN and scripts: paste an API token. It is exchanged for a session that lasts 8 hours and acts with the token's scopes; the token itself is not stored in your browser.",
  login_token: "API token",
  login_submit: "Sign in",
  login_failed: "That token is not valid or was revoked.",
  login_rate_limited: "Too many attempts from your network. Wait a minute and try again.",
  inbox_title: "Check your inbox",
  inbox_text:
    "If {email} belongs to a member of this dashboard, a sign-in link is on its way. It works once, within 15 minutes. Nothing arrived? Check the spam folder, or ask an admin whether you were invited with this address.",
  inbox_again: "Use another address",
  confirm_title: "Sign in to Lodestone",
  confirm_text:
    "You opened a sign-in link. Press the button to sign in on this browser; the link then stops working.",
  confirm_submit: "Sign in",
  link_dead_title: "This sign-in link no longer works",
  link_dead_text:
    "It was already used, or more than 15 minutes have passed. Ask for a new link: it takes a few seconds.",
  link_dead_again: "Ask for a new link",
} as const;

export const loginZh: Record<keyof typeof loginEn, string> = {
  login_title: "登录控制台",
  login_email_help:
    "请输入您受邀时使用的邮箱，我们会发送一个登录链接，15 分钟内有效，仅可使用一次。",
  login_email: "工作邮箱",
  login_email_submit: "发送登录链接",
  login_with_token: "使用令牌登录",
  login_help:
    "用于初始 ADMIN_TOKEN 和脚本：粘贴 API 令牌。令牌将换成 8 小时有效的会话，按令牌的权限范围操作；浏览器中不保存令牌本身。",
  login_token: "API 令牌",
  login_submit: "登录",
  login_failed: "令牌无效或已吊销。",
  login_rate_limited: "尝试次数过多，请一分钟后再试。",
  inbox_title: "请查收邮件",
  inbox_text:
    "如果 {email} 是本控制台的成员，登录链接已发出，15 分钟内有效，仅可使用一次。没有收到？请查看垃圾邮件，或向管理员确认受邀邮箱。",
  inbox_again: "换一个邮箱",
  confirm_title: "登录 Lodestone",
  confirm_text: "您打开了一个登录链接。点击下方按钮即可在此浏览器登录，之后该链接将失效。",
  confirm_submit: "登录",
  link_dead_title: "此登录链接已失效",
  link_dead_text: "该链接已被使用，或已超过 15 分钟。请重新获取链接，只需几秒钟。",
  link_dead_again: "重新获取链接",
};
