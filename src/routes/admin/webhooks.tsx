/** @jsxImportSource hono/jsx */
// /admin/webhooks: endpoints and deliveries through the handoff's webhook services; replay and on/off. Adding,
// rotating, testing and deleting an endpoint are in webhook-tools.tsx.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import {
  getEndpoint,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  updateEndpoint,
  webhookTargetRules,
} from "../../services/handoff/endpoints";
import { WEBHOOK_EVENT_TYPES } from "../../services/handoff/schemas";
import { WebhooksPage, type WebhookPageExtra } from "../../../templates/admin/pages/webhooks";
import { at } from "../../../templates/admin/messages";
import { readAdminForm } from "../../http/admin-form";
import { audit } from "../../http/audit";
import { endpointRecord } from "../../http/audit-records";

const PAGE = 50;

/** The page, for one endpoint's log; a form's errors or a secret shown once come with `extra`. */
export async function renderWebhooks(
  c: Context<AppEnv>,
  extra: Omit<WebhookPageExtra, "endpointId"> & { endpointId?: number },
  status: 200 | 201 | 400 = 200,
) {
  const db = c.get("db");
  const endpoints = await listEndpoints(db);
  const wanted = extra.endpointId ?? endpoints[0]?.id;
  const selected = wanted
    ? (endpoints.find((e) => e.id === wanted) ?? (await getEndpoint(db, wanted)))
    : null;
  const deliveries = selected
    ? await listDeliveries(db, selected.id, {
        limit: PAGE + 1,
        before: Number(c.req.query("before")) || undefined,
      })
    : [];
  const s = c.get("admin");
  const page = deliveries.slice(0, PAGE);
  return c.html(
    <WebhooksPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      endpoints={endpoints}
      selected={selected}
      deliveries={page}
      nextCursor={deliveries.length > PAGE ? page.at(-1)!.id : null}
      eventTypes={WEBHOOK_EVENT_TYPES}
      {...extra}
    />,
    status,
  );
}

export function registerWebhooksPage(app: Hono<AppEnv>) {
  app.get("/webhooks", (c) => {
    const L = c.get("admin").locale;
    const q = c.req.query();
    const message = q.replayed
      ? at(L, "replayed")
      : q.tested
        ? at(L, "webhook_test_queued")
        : q.deleted
          ? at(L, "webhook_deleted")
          : undefined;
    return renderWebhooks(c, { message, endpointId: Number(q.endpoint) || undefined });
  });

  app.post("/webhooks/:endpoint{[0-9]+}/deliveries/:id{[0-9]+}/replay", async (c) => {
    await readAdminForm(c);
    const endpoint = Number(c.req.param("endpoint"));
    const id = Number(c.req.param("id"));
    const row = await replayDelivery(c.get("db"), c.env.WEBHOOKS, endpoint, id, c.get("now"));
    await audit(c, {
      action: "webhook.delivery_replay",
      subject: { type: "webhook_delivery", id },
      before: null,
      after: { endpoint_id: endpoint, event_type: row.eventType },
    });
    return c.redirect(`/admin/webhooks?endpoint=${endpoint}&replayed=1`, 303);
  });

  app.post("/webhooks/:endpoint{[0-9]+}/active", async (c) => {
    const { fields } = await readAdminForm(c);
    const endpoint = Number(c.req.param("endpoint"));
    const resendFailed = fields.resend_failed === "1";
    const { before, after } = await updateEndpoint(
      c.get("db"),
      c.env.WEBHOOKS,
      endpoint,
      { active: fields.active === "1", resendFailed },
      c.get("now"),
      webhookTargetRules(c.get("config")),
    );
    await audit(c, {
      action: "webhook.update",
      subject: { type: "webhook_endpoint", id: endpoint },
      before: endpointRecord(before),
      after: { ...endpointRecord(after), ...(resendFailed ? { resend_failed: true } : {}) },
    });
    return c.redirect(`/admin/webhooks?endpoint=${endpoint}`, 303);
  });
}
