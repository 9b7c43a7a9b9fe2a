/** @jsxImportSource hono/jsx */
// Webhooks: sales endpoints, their recent deliveries, and replay.
import type { Locale } from "../../../src/db/schema";
import type { DeliveryRecord, EndpointRecord } from "../../../src/services/handoff/endpoints";
import { AdminLayout, Csrf, allows, type AdminChrome } from "../layout";
import { at } from "../messages";
import { dateTime } from "../format";
import {
  EndpointTools,
  NewEndpointForm,
  SecretCard,
  type SecretOnce,
} from "../components/webhook-forms";
import { COPY_LINK_SCRIPT_PATH } from "../scripts/copy-link";

/** What a route adds to the page beside the lists: a message, a form's values and errors, a secret shown once. */
export interface WebhookPageExtra {
  endpointId: number;
  message?: string;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  secret?: SecretOnce;
}

export function WebhooksPage(
  p: {
    locale: Locale;
    csrf: string;
    chrome?: AdminChrome;
    endpoints: EndpointRecord[];
    selected: EndpointRecord | null;
    deliveries: DeliveryRecord[];
    nextCursor: number | null;
    eventTypes: readonly string[];
  } & Partial<WebhookPageExtra>,
) {
  const L = p.locale;
  const write = allows(p.chrome, "webhooks.write");
  return (
    <AdminLayout
      locale={L}
      title={at(L, "webhooks_title")}
      path="/admin/webhooks"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "webhooks_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {p.secret ? <SecretCard L={L} secret={p.secret} /> : null}
      <div class="card">
        <h2>{at(L, "endpoints")}</h2>
        {p.endpoints.length ? (
          <table>
            <thead>
              <tr>
                <th>URL</th>
                <th>Events</th>
                <th>{at(L, "status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.endpoints.map((e) => (
                <tr>
                  <td>
                    <a href={`/admin/webhooks?endpoint=${e.id}`}>{e.url}</a>
                  </td>
                  <td>{e.eventTypes.join(", ")}</td>
                  <td>
                    <span class={`pill ${e.active ? "published" : ""}`}>
                      {at(L, e.active ? "endpoint_on" : "endpoint_off")}
                    </span>{" "}
                    <span class="muted">{e.disabledReason ?? ""}</span>
                  </td>
                  <td>
                    {write && e.active && e.failedDeliveries > 0 ? (
                      <form method="post" action={`/admin/webhooks/${e.id}/active`}>
                        <Csrf token={p.csrf} />
                        <input type="hidden" name="active" value="1" />
                        <button class="secondary" type="submit" name="resend_failed" value="1">
                          {at(L, "resend_now").replace("{n}", String(e.failedDeliveries))}
                        </button>
                      </form>
                    ) : null}
                    {write ? (
                      <form method="post" action={`/admin/webhooks/${e.id}/active`}>
                        <Csrf token={p.csrf} />
                        {!e.active && e.failedDeliveries > 0 ? (
                          <label>
                            <input type="checkbox" name="resend_failed" value="1" checked />{" "}
                            {at(L, "resend_failed").replace("{n}", String(e.failedDeliveries))}
                          </label>
                        ) : null}
                        <button
                          class="secondary"
                          type="submit"
                          name="active"
                          value={e.active ? "0" : "1"}
                        >
                          {at(L, e.active ? "switch_off" : "switch_on")}
                        </button>
                      </form>
                    ) : null}
                    {write ? <EndpointTools L={L} csrf={p.csrf} endpoint={e} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "webhooks_empty")}</p>
        )}
      </div>
      {write ? (
        <NewEndpointForm
          L={L}
          csrf={p.csrf}
          eventTypes={p.eventTypes}
          values={p.values}
          errors={p.errors}
        />
      ) : null}
      {p.selected ? (
        <div class="card">
          <h2>
            {at(L, "deliveries")}: {p.selected.url}
          </h2>
          <table>
            <thead>
              <tr>
                <th>id</th>
                <th>Event</th>
                <th>{at(L, "status")}</th>
                <th class="n">Attempts</th>
                <th class="n">HTTP</th>
                <th>{at(L, "at")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.deliveries.map((d) => (
                <tr>
                  <td title={d.messageId}>{d.id}</td>
                  <td>{d.eventType}</td>
                  <td>
                    <span class="pill">{d.status}</span>
                  </td>
                  <td class="n">{d.attempts}</td>
                  <td class="n">{d.lastStatusCode ?? "—"}</td>
                  <td>{dateTime(d.updatedAt, L)}</td>
                  <td>
                    {write ? (
                      <form
                        method="post"
                        action={`/admin/webhooks/${d.endpointId}/deliveries/${d.id}/replay`}
                      >
                        <Csrf token={p.csrf} />
                        <button class="secondary" type="submit">
                          {at(L, "replay")}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.nextCursor ? (
            <p>
              <a href={`/admin/webhooks?endpoint=${p.selected.id}&before=${p.nextCursor}`}>
                {at(L, "next_page")}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <script src={COPY_LINK_SCRIPT_PATH} defer></script>
    </AdminLayout>
  );
}
