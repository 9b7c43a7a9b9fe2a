/** @jsxImportSource hono/jsx */
// The webhooks page's forms: add an endpoint, the secret shown once, and each endpoint's test, rotate and delete.
import type { Locale } from "../../../src/db/schema";
import type { EndpointRecord } from "../../../src/services/handoff/endpoints";
import { Csrf } from "../layout";
import { at } from "../messages";
import { dateTime } from "../format";
import { Errors } from "./field-errors";

/** A secret in a read-only field to copy, with what to do with it; it is never shown again. */
export interface SecretOnce {
  kind: "created" | "rotated";
  value: string;
  /** For a rotation: until when the old secret still signs. */
  until?: number | null;
}

export function SecretCard(p: { L: Locale; secret: SecretOnce }) {
  const L = p.L;
  return (
    <div class="card" role="status">
      <h2>{at(L, p.secret.kind === "created" ? "webhook_created" : "webhook_rotated")}</h2>
      <p>{at(L, "webhook_secret_once")}</p>
      <span class="row copy-url">
        <input
          id="webhook-secret"
          type="text"
          readonly
          value={p.secret.value}
          aria-label={at(L, "webhook_secret")}
        />
        <button
          type="button"
          class="secondary"
          data-copy="webhook-secret"
          data-copied={at(L, "links_copied")}
          hidden
        >
          {at(L, "links_copy")}
        </button>
      </span>
      {p.secret.until ? (
        <p class="muted">
          {at(L, "webhook_old_secret_until", { at: dateTime(p.secret.until, L) })}
        </p>
      ) : null}
    </div>
  );
}

export function NewEndpointForm(p: {
  L: Locale;
  csrf: string;
  eventTypes: readonly string[];
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
}) {
  const L = p.L;
  const chosen = new Set(
    (p.values?.event_types ?? "lead.qualified,lead.stage_changed").split(",").filter(Boolean),
  );
  return (
    <form class="card" method="post" action="/admin/webhooks">
      <h2>{at(L, "webhook_add")}</h2>
      <Csrf token={p.csrf} />
      {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
      <div class="grid">
        <label>
          URL
          <input
            name="url"
            type="url"
            required
            placeholder="https://crm.example.com/hooks/lodestone"
            value={p.values?.url ?? ""}
          />
          <Errors errors={p.errors} name="url" />
        </label>
      </div>
      <fieldset>
        <legend>{at(L, "webhook_events")}</legend>
        {p.eventTypes.map((t) => (
          <label>
            <input type="checkbox" name="event_types" value={t} checked={chosen.has(t)} /> {t}
          </label>
        ))}
        <Errors errors={p.errors} name="event_types" />
      </fieldset>
      <p class="muted">{at(L, "webhook_add_hint")}</p>
      <button type="submit">{at(L, "webhook_add")}</button>
    </form>
  );
}

/** Test, rotate and delete for one endpoint; delete and rotate ask first (they cannot be undone). */
export function EndpointTools(p: { L: Locale; csrf: string; endpoint: EndpointRecord }) {
  const L = p.L;
  const id = p.endpoint.id;
  return (
    <div class="row">
      {p.endpoint.active ? (
        <form method="post" action={`/admin/webhooks/${id}/test`}>
          <Csrf token={p.csrf} />
          <button class="secondary" type="submit">
            {at(L, "webhook_send_test")}
          </button>
        </form>
      ) : null}
      <details>
        <summary>{at(L, "webhook_rotate")}</summary>
        <form method="post" action={`/admin/webhooks/${id}/rotate`}>
          <Csrf token={p.csrf} />
          <p class="muted">{at(L, "webhook_rotate_hint")}</p>
          <button class="secondary" type="submit">
            {at(L, "webhook_rotate_confirm")}
          </button>
        </form>
      </details>
      <details>
        <summary>{at(L, "webhook_delete")}</summary>
        <form method="post" action={`/admin/webhooks/${id}/delete`}>
          <Csrf token={p.csrf} />
          <p class="muted">{at(L, "webhook_delete_hint")}</p>
          <button class="danger" type="submit">
            {at(L, "webhook_delete_confirm")}
          </button>
        </form>
      </details>
    </div>
  );
}
