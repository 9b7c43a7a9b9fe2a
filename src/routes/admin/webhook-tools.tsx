/** @jsxImportSource hono/jsx */
// /admin/webhooks actions beside on/off and replay: add an endpoint (its secret shown once, on the page, never in a
// URL), rotate its secret (likewise), send it a test event, delete it.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readAdminForm } from "../../http/admin-form";
import { audit } from "../../http/audit";
import { endpointRecord } from "../../http/audit-records";
import { fieldErrorsOf } from "../../errors";
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  webhookTargetRules,
} from "../../services/handoff/endpoints";
import { rotateEndpointSecret, sendTestEvent } from "../../services/handoff/endpoint-tools";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "../../services/handoff/schemas";
import { renderWebhooks } from "./webhooks";
import { at } from "../../../templates/admin/messages";

export function registerWebhookTools(app: Hono<AppEnv>) {
  app.post("/webhooks", async (c) => {
    const { fields, all } = await readAdminForm(c);
    const L = c.get("admin").locale;
    const chosen = (all.event_types ?? []).filter((t): t is WebhookEventType =>
      (WEBHOOK_EVENT_TYPES as readonly string[]).includes(t),
    );
    const values = { url: fields.url ?? "", event_types: chosen.join(",") };
    if (!chosen.length)
      return renderWebhooks(
        c,
        { values, errors: { event_types: [at(L, "webhook_pick_events")] } },
        400,
      );
    let row: Awaited<ReturnType<typeof createEndpoint>>;
    try {
      row = await createEndpoint(
        c.get("db"),
        { url: (fields.url ?? "").trim(), eventTypes: chosen },
        c.get("now"),
        webhookTargetRules(c.get("config")),
      );
    } catch (e) {
      // Every refused URL is a 400 naming `url` with the reason (src/domain/webhook-target.ts).
      const errors = fieldErrorsOf(e, "BAD_REQUEST");
      if (!errors) throw e;
      return renderWebhooks(c, { values, errors }, 400);
    }
    await audit(c, {
      action: "webhook.create",
      subject: { type: "webhook_endpoint", id: row.id },
      before: null,
      after: endpointRecord(row),
    });
    c.header("Cache-Control", "no-store");
    return renderWebhooks(
      c,
      { endpointId: row.id, secret: { kind: "created", value: row.secret } },
      201,
    );
  });

  app.post("/webhooks/:endpoint{[0-9]+}/rotate", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("endpoint"));
    const { before, after, secret } = await rotateEndpointSecret(c.get("db"), id, c.get("now"));
    await audit(c, {
      action: "webhook.rotate_secret",
      subject: { type: "webhook_endpoint", id },
      before: endpointRecord(before),
      after: { ...endpointRecord(after), secret_rotated: true },
    });
    c.header("Cache-Control", "no-store");
    return renderWebhooks(c, {
      endpointId: id,
      secret: { kind: "rotated", value: secret, until: after.previousSecretExpiresAt },
    });
  });

  app.post("/webhooks/:endpoint{[0-9]+}/test", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("endpoint"));
    const sent = await sendTestEvent(c.get("db"), c.env.WEBHOOKS, id, c.get("now"));
    await audit(c, {
      action: "webhook.test",
      subject: { type: "webhook_endpoint", id },
      before: null,
      after: { delivery_id: sent.deliveryId },
    });
    return c.redirect(`/admin/webhooks?endpoint=${id}&tested=${sent.deliveryId}`, 303);
  });

  app.post("/webhooks/:endpoint{[0-9]+}/delete", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("endpoint"));
    const before = await getEndpoint(c.get("db"), id);
    await deleteEndpoint(c.get("db"), id, c.get("now"));
    await audit(c, {
      action: "webhook.delete",
      subject: { type: "webhook_endpoint", id },
      before: endpointRecord(before),
      after: null,
    });
    return c.redirect("/admin/webhooks?deleted=1", 303);
  });
}
