// A marketer connects the CRM from the dashboard alone: add an endpoint, copy its secret, test it, rotate, delete.
import { describe, it, expect, beforeAll, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { BASE, fetchWorker } from "../support/http";
import { waitFor, QUEUE_TIMEOUTS, QUEUE_WAIT_MS } from "../support/leads";
import { receiver } from "../support/webhooks";
import { login, type Session } from "./support/browser-like";

vi.setConfig(QUEUE_TIMEOUTS);

let admin: Session;
let restore = () => {};
beforeAll(async () => {
  admin = await login();
});
afterEach(() => restore());

/** Posts the add form as a browser does: one `event_types` entry per ticked box. */
async function addEndpoint(s: Session, url: string, events: string[]) {
  const body = new URLSearchParams([
    ["_csrf", await s.csrf()],
    ["url", url],
  ]);
  for (const e of events) body.append("event_types", e);
  return fetchWorker("/admin/webhooks", {
    method: "POST",
    body,
    headers: {
      cookie: s.cookie,
      origin: BASE,
      "content-type": "application/x-www-form-urlencoded",
    },
  });
}

const secretOn = (html: string) => /id="webhook-secret"[^>]*value="(whsec_[^"]+)"/.exec(html)?.[1];

async function endpointByUrl(url: string) {
  return env.DB.prepare("SELECT id, secret, event_types FROM webhook_endpoints WHERE url = ?")
    .bind(url)
    .first<{ id: number; secret: string; event_types: string }>();
}

describe("webhooks in the dashboard", () => {
  it("adding an endpoint shows its secret once, on the page and never in a URL, with the events ticked", async () => {
    const url = "https://crm.example/dashboard-added";
    const res = await addEndpoint(admin, url, ["lead.qualified", "lead.score_changed"]);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const stored = await endpointByUrl(url);
    expect(secretOn(html)).toBe(stored!.secret);
    expect(JSON.parse(stored!.event_types)).toEqual(["lead.qualified", "lead.score_changed"]);
    const later = await (await admin.get(`/admin/webhooks?endpoint=${stored!.id}`)).text();
    expect(later).toContain(url);
    expect(later).not.toContain(stored!.secret);
  });

  it("an address that is not a public https host, or no event, is refused beside the field and nothing is stored", async () => {
    for (const [url, events, field] of [
      ["https://169.254.169.254/latest", ["lead.qualified"], "url"],
      ["not a url", ["lead.qualified"], "url"],
      ["https://crm.example/no-events", [], "event_types"],
    ] as const) {
      const res = await addEndpoint(admin, url, [...events]);
      expect(res.status, url).toBe(400);
      const html = await res.text();
      expect(html).toContain('class="field-error"');
      expect(html, field).toContain(`value="${url.replace(/&/g, "&amp;")}"`);
      expect(await endpointByUrl(url)).toBeNull();
    }
  });

  it("a test event from the page reaches the receiver signed with the secret, and rotating shows a new one that signs too", async () => {
    const url = "https://crm.example/dashboard-test";
    const added = await addEndpoint(admin, url, ["lead.qualified"]);
    const first = secretOn(await added.text())!;
    const { id } = (await endpointByUrl(url))!;
    const r = receiver([() => new Response("ok", { status: 200 })]);
    restore = r.restore;

    const tested = await admin.post(`/admin/webhooks/${id}/test`, {});
    expect(tested.status).toBe(303);
    expect(tested.headers.get("location")).toMatch(new RegExp(`endpoint=${id}&tested=\\d+`));
    const got = await waitFor(
      async () => r.received.find((x) => x.url === url),
      "the test event",
      QUEUE_WAIT_MS,
    );
    expect(JSON.parse(got.body).type).toBe("webhook.test");
    expect(() => new Webhook(first).verify(got.body, got.headers)).not.toThrow();
    const page = await (await admin.get(tested.headers.get("location")!)).text();
    expect(page).toContain("webhook.test");

    const rotated = await admin.post(`/admin/webhooks/${id}/rotate`, {});
    expect(rotated.status).toBe(200);
    const html = await rotated.text();
    const second = secretOn(html)!;
    expect(second).not.toBe(first);
    expect(html).toContain("old secret keeps signing");
  });

  it("deleting an endpoint removes it and ends its pending deliveries", async () => {
    const url = "https://crm.example/dashboard-delete";
    await addEndpoint(admin, url, ["lead.qualified"]);
    const { id } = (await endpointByUrl(url))!;
    const del = await admin.post(`/admin/webhooks/${id}/delete`, {});
    expect(del.status).toBe(303);
    expect(await endpointByUrl(url)).toBeNull();
    const page = await (await admin.get("/admin/webhooks?deleted=1")).text();
    expect(page).toContain("Endpoint deleted.");
    expect(page).not.toContain(url);
  });

  it("a form posted without the page's CSRF token changes nothing", async () => {
    const url = "https://crm.example/dashboard-forged";
    await addEndpoint(admin, url, ["lead.qualified"]);
    const { id } = (await endpointByUrl(url))!;
    const forged = await admin.post(`/admin/webhooks/${id}/delete`, {}, { csrf: null });
    expect(forged.status).toBe(403);
    expect(await endpointByUrl(url)).not.toBeNull();
  });
});
