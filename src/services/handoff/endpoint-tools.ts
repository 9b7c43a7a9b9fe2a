// What a person does to one endpoint beside editing it: rotate its signing secret, send it a test event.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { batch } from "../../store/batch";
import { deliveryInserts, dueDeliveryIds, updateEndpointRow } from "../../store/webhooks";
import { enqueueDeliveries } from "./dispatch";
import { newMessageId } from "./emit";
import { getEndpoint, newWebhookSecret, type EndpointRecord } from "./endpoints";
import { webhookPayloadSchema, type WebhookPayload } from "./schemas";

/** How long the replaced secret keeps signing beside the new one: a day to update the receiver. */
export const SECRET_GRACE_MS = 24 * 60 * 60_000;

/**
 * A new signing secret, returned once. The old one keeps signing too (a second signature in
 * webhook-signature) until `previousSecretExpiresAt`, so the receiver can switch without a failed delivery.
 * Rotating again within the grace period drops the oldest: only the last two secrets ever sign.
 */
export async function rotateEndpointSecret(
  db: Db,
  id: number,
  now: number,
): Promise<{ before: EndpointRecord; after: EndpointRecord; secret: string }> {
  const before = await getEndpoint(db, id);
  const secret = newWebhookSecret();
  const after = await updateEndpointRow(db, id, {
    secret,
    previousSecret: before.secret,
    previousSecretExpiresAt: now + SECRET_GRACE_MS,
    updatedAt: now,
  });
  return { before, after: after!, secret };
}

/** An example lead with every field filled, so a receiver can test its parsing on the real shape. */
function testPayload(now: number): WebhookPayload {
  const at = new Date(now).toISOString();
  const touch = {
    id: 0,
    at,
    asset: { id: 0, slug: "example-whitepaper", title: "Example whitepaper" },
    channel: "paid_search",
    utm_source: "baidu",
    utm_medium: "cpc",
    utm_campaign: "example-campaign",
    utm_term: null,
    utm_content: null,
    referrer_host: "www.baidu.com",
    country: "CN",
    click_ids: { bd_vid: "example-click-id" },
  };
  return {
    type: "webhook.test",
    timestamp: at,
    data: {
      lead: {
        id: 0,
        email: "test.lead@example.com",
        name: "Test Lead",
        company: "Example Co.",
        job_title: "Head of Marketing",
        phone: null,
        company_size: "201-1000",
        country: "CN",
        locale: "zh-CN",
        stage: "mql",
        score: {
          total: 60,
          fit: 35,
          behaviour: 25,
          top_reasons: [{ rule_id: null, label: "Example reason", points: 25 }],
        },
        mql_at: at,
        created_at: at,
        updated_at: at,
        first_touch: touch,
        latest_touch: touch,
        assets: [{ id: 0, slug: "example-whitepaper", title: "Example whitepaper", first_at: at }],
        referred_by: null,
        owner: { id: 0, name: "Example Seller", email: "seller@example.com" },
        owner_assigned_at: at,
        accept_by: new Date(now + 2 * 86_400_000).toISOString(),
        accepted_at: null,
        routing_flagged: false,
      },
      change: { from_stage: "lead", to_stage: "mql", reason: "A test event sent from Lodestone" },
    },
  };
}

/**
 * Queues a `webhook.test` delivery to this endpoint only (whatever it subscribes to): signed, retried and
 * logged like any delivery, about no lead. A switched-off endpoint is refused: nothing would be sent.
 */
export async function sendTestEvent(
  db: Db,
  webhooks: Queue,
  id: number,
  now: number,
): Promise<{ deliveryId: number; messageId: string }> {
  const endpoint = await getEndpoint(db, id);
  if (!endpoint.active)
    throw new AppError("CONFLICT", "The endpoint is switched off; switch it on to send a test", {
      details: { fields: { active: ["Switch the endpoint on first"] } },
    });
  const messageId = newMessageId();
  const payload = JSON.stringify(webhookPayloadSchema.parse(testPayload(now)));
  const results = await batch(
    db,
    deliveryInserts(
      { messageId, leadId: null, eventType: "webhook.test", payload },
      [{ id, parked: false }],
      now,
    ),
  );
  const [deliveryId] = dueDeliveryIds(results);
  await enqueueDeliveries(webhooks, [deliveryId!]);
  return { deliveryId: deliveryId!, messageId };
}
