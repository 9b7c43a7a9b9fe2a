// Dashboard words for the webhooks page, in English and Simplified Chinese.

export const webhooksEn = {
  webhooks_title: "Webhooks",
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
  webhooks_empty: "No endpoints yet. Add your CRM's URL below to receive qualified leads.",
  webhook_add: "Add an endpoint",
  webhook_add_hint:
    "An https:// address of your CRM or automation tool. Every delivery is signed (Standard Webhooks); you get the secret once, right after adding.",
  webhook_events: "Events",
  webhook_pick_events: "Choose at least one event.",
  webhook_created: "Endpoint added",
  webhook_rotated: "New signing secret",
  webhook_secret: "Signing secret",
  webhook_secret_once:
    "Copy this secret into the receiver now: it is shown only this once. Verify the webhook-signature header with it.",
  webhook_old_secret_until:
    "The old secret keeps signing beside this one until {at}, so the receiver can switch without missing a delivery.",
  webhook_send_test: "Send a test event",
  webhook_test_queued:
    "Test event queued (webhook.test with an example lead). Its delivery appears below; reload to see the receiver's answer.",
  webhook_rotate: "Rotate secret",
  webhook_rotate_hint:
    "A new secret is made now; the old one still signs for 24 hours (two signatures per delivery), then stops.",
  webhook_rotate_confirm: "Make a new secret",
  webhook_delete: "Delete",
  webhook_delete_hint:
    "Deliveries not yet sent are dropped and nothing more goes to this address. Its log stays.",
  webhook_delete_confirm: "Delete this endpoint",
  webhook_deleted: "Endpoint deleted.",
} as const;

export const webhooksZh: Record<keyof typeof webhooksEn, string> = {
  webhooks_title: "Webhook",
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
  webhooks_empty: "还没有端点。在下方添加 CRM 的地址以接收合格线索。",
  webhook_add: "添加端点",
  webhook_add_hint:
    "填写 CRM 或自动化工具的 https:// 地址。每次投递都带签名（Standard Webhooks）；添加后立即显示一次签名密钥。",
  webhook_events: "事件",
  webhook_pick_events: "请至少选择一个事件。",
  webhook_created: "端点已添加",
  webhook_rotated: "新的签名密钥",
  webhook_secret: "签名密钥",
  webhook_secret_once:
    "请立即把密钥复制到接收方：它只显示这一次。用它校验 webhook-signature 请求头。",
  webhook_old_secret_until: "在 {at} 之前，旧密钥仍会同时签名，接收方可以从容切换，不会漏掉投递。",
  webhook_send_test: "发送测试事件",
  webhook_test_queued:
    "测试事件已加入队列（webhook.test，附示例线索）。投递记录见下方，刷新页面可查看接收方的响应。",
  webhook_rotate: "轮换密钥",
  webhook_rotate_hint: "立即生成新密钥；旧密钥在 24 小时内仍会签名（每次投递两个签名），之后停用。",
  webhook_rotate_confirm: "生成新密钥",
  webhook_delete: "删除",
  webhook_delete_hint: "尚未发出的投递将被丢弃，此地址不再接收任何事件。投递记录会保留。",
  webhook_delete_confirm: "删除此端点",
  webhook_deleted: "端点已删除。",
};
