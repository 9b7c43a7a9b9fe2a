// Dashboard words for the webhooks page, in English and Simplified Chinese.

export const webhooksEn = {
  webhooks_title: "Webhooks",
  webhooks_unavailable: "Webhook endpoints are managed through the API (/api/v1/webhooks).",
  endpoints: "Endpoints",
  deliveries: "Recent deliveries",
  replay: "Replay",
  switch_off: "Switch off",
  switch_on: "Switch on",
  replayed: "Queued again.",
  endpoint_on: "active",
  endpoint_off: "off",
  resend_failed: "Also re-send the {n} deliveries that failed while it was down",
  resend_now: "Re-send the {n} failed deliveries",
  webhooks_empty:
    "No endpoints yet. Add your CRM's URL through the API to receive qualified leads.",
} as const;

export const webhooksZh: Record<keyof typeof webhooksEn, string> = {
  webhooks_title: "Webhook",
  webhooks_unavailable: "Webhook 端点通过 API（/api/v1/webhooks）管理。",
  endpoints: "端点",
  deliveries: "最近投递",
  replay: "重新投递",
  switch_off: "停用",
  switch_on: "启用",
  replayed: "已重新加入队列。",
  endpoint_on: "已启用",
  endpoint_off: "已停用",
  resend_failed: "同时重新投递故障期间失败的 {n} 条",
  resend_now: "重新投递失败的 {n} 条",
  webhooks_empty: "还没有端点。通过 API 添加 CRM 的地址以接收合格线索。",
};
