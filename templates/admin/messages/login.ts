// Dashboard words for the login page, in English and Simplified Chinese.

export const loginEn = {
  login_title: "Log in to the dashboard",
  login_help:
    "Paste an API token with the marketing or admin scope. It is exchanged for a session that lasts 8 hours; the token itself is not stored in your browser.",
  login_token: "API token",
  login_submit: "Log in",
  login_failed: "That token is not valid, was revoked, or lacks the marketing scope.",
  login_rate_limited: "Too many attempts from your network. Wait a minute and try again.",
} as const;

export const loginZh: Record<keyof typeof loginEn, string> = {
  login_title: "登录控制台",
  login_help:
    "粘贴具有 marketing 或 admin 权限的 API 令牌。令牌将换成 8 小时有效的会话，浏览器中不保存令牌本身。",
  login_token: "API 令牌",
  login_submit: "登录",
  login_failed: "令牌无效、已吊销或缺少 marketing 权限。",
  login_rate_limited: "尝试次数过多，请一分钟后再试。",
};
