// Dashboard words for the API tokens page, in English and Simplified Chinese.

export const tokensEn = {
  nav_tokens: "API tokens",
  tokens_title: "API tokens",
  tokens_help:
    "Tokens let your CRM, BI tool or scripts call the API (/api/v1, documented at /api/docs). A token holds its scopes' permissions: sales reads leads and reports outcomes; marketing runs assets, nurture, spend and reports; admin holds everything.",
  tokens_new: "Create a token",
  tokens_name: "Name",
  tokens_name_hint: "What uses it, e.g. “HubSpot sync”.",
  tokens_scopes: "Scopes",
  tokens_pick_scope: "Choose at least one scope.",
  tokens_name_required: "Give the token a name (up to 100 characters).",
  tokens_scope_admin: "admin: everything, including people, tokens and erasure",
  tokens_scope_marketing: "marketing: assets, nurture, spend, reports, webhooks",
  tokens_scope_sales: "sales: leads, outcomes, webhooks",
  tokens_created: "Token created",
  tokens_secret_once:
    "Copy the token now: it is shown only this once and stored only as a hash. Send it in the header Authorization: Bearer followed by the token.",
  tokens_secret: "Token",
  tokens_empty: "No tokens yet.",
  tokens_prefix: "Starts with",
  tokens_created_at: "Created",
  tokens_last_used: "Last used",
  tokens_never: "never",
  tokens_revoked: "revoked",
  tokens_live: "live",
  tokens_revoke: "Revoke",
  tokens_revoke_hint:
    "The token stops working at once, and every dashboard session signed in with it ends. This cannot be undone.",
  tokens_revoke_confirm: "Revoke this token",
  tokens_revoked_message: "Token revoked.",
} as const;

export const tokensZh: Record<keyof typeof tokensEn, string> = {
  nav_tokens: "API 令牌",
  tokens_title: "API 令牌",
  tokens_help:
    "令牌用于让 CRM、BI 工具或脚本调用 API（/api/v1，文档见 /api/docs）。令牌拥有其范围的权限：sales 读取线索并回传销售结果；marketing 管理内容、培育、投放花费和报表；admin 拥有全部权限。",
  tokens_new: "创建令牌",
  tokens_name: "名称",
  tokens_name_hint: "写明用途，例如“纷享销客同步”。",
  tokens_scopes: "权限范围",
  tokens_pick_scope: "请至少选择一个权限范围。",
  tokens_name_required: "请填写令牌名称（不超过 100 个字符）。",
  tokens_scope_admin: "admin：全部权限，包括成员、令牌和数据删除",
  tokens_scope_marketing: "marketing：内容、培育、投放花费、报表、Webhook",
  tokens_scope_sales: "sales：线索、销售结果、Webhook",
  tokens_created: "令牌已创建",
  tokens_secret_once:
    "请立即复制令牌：它只显示这一次，系统只保存其哈希值。调用时放在 Authorization: Bearer … 请求头中。",
  tokens_secret: "令牌",
  tokens_empty: "还没有令牌。",
  tokens_prefix: "开头",
  tokens_created_at: "创建时间",
  tokens_last_used: "最近使用",
  tokens_never: "从未",
  tokens_revoked: "已吊销",
  tokens_live: "有效",
  tokens_revoke: "吊销",
  tokens_revoke_hint: "令牌立即失效，用它登录的控制台会话也会全部结束。此操作无法撤销。",
  tokens_revoke_confirm: "吊销此令牌",
  tokens_revoked_message: "令牌已吊销。",
};
