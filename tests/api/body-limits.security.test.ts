// One body limit for every route that takes a body: 64 KB for JSON and forms, more only where a file or a
// file's text is the point. Over it is a 413 in the error envelope (a page for the dashboard and public forms).
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { API_ROUTES } from "../support/api-routes";
import { api } from "../support/api";
import { BASE, fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { login } from "../admin/support/browser-like";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import { loadConfig, type Bindings } from "../../src/env";
import { mailSinkKey } from "../../src/services/nurture/mail-sink";

const KB = 1024;
/** A JSON object of about `bytes` bytes: valid JSON, so only its size can be the problem. */
const bigJson = (bytes: number) => JSON.stringify({ name: "x", padding: "a".repeat(bytes) });

/** A body sent without Content-Length (chunked), so the limit cannot read the size up front. */
function streamed(bytes: number, meter?: { read: number }): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * KB).fill(0x61);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
      if (meter) meter.read = sent;
    },
  });
}

const devEnv = {
  ...env,
  RESEND_API_KEY: "",
  RESEND_BASE_URL: `${BASE}/dev/resend`,
} as Bindings;

/** Routes whose body is a file: each has its own, larger limit, tested on its own below and in its area's tests. */
const IMPORTS = new Set([
  "/api/v1/spend/import",
  "/api/v1/leads/import",
  "/api/v1/assets/{id}/file",
  "/api/v1/assets/{id}/cover",
  "/api/v1/settings/logo",
]);
const withBody = API_ROUTES.filter((r) => r.method !== "GET" && !IMPORTS.has(r.template));

describe("request bodies are bounded", () => {
  it.each(withBody.map((r) => [r.method, r.path] as const))(
    "%s %s with a 100 KB JSON body is a 413 in the error envelope",
    async (method, path) => {
      const res = await api(path, {
        method,
        body: bigJson(100 * KB),
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({
        error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("64 KB") },
      });
    },
  );

  it("a body without Content-Length is counted as it streams, and refused past the limit", async () => {
    const res = await api("/api/v1/webhooks", {
      method: "POST",
      body: streamed(200 * KB),
      headers: { "content-type": "application/json" },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("a JSON body under the limit still reaches the route", async () => {
    const res = await api("/api/v1/webhooks", {
      method: "POST",
      json: { url: "https://crm.example.com/limits", padding: "a".repeat(40 * KB) },
    });
    expect(res.status).toBe(201);
  });

  it("a spend import takes a file's text larger than a JSON body, and has its own, larger limit", async () => {
    const header = "day,campaign,cost\n";
    const rows = Array.from({ length: 4000 }, (_, i) => `2026-01-01,c${i},${i % 90}.50`).join("\n");
    expect((header + rows).length).toBeGreaterThan(64 * KB);
    const ok = await api("/api/v1/spend/import", {
      method: "POST",
      json: { csv: header + rows, dry_run: true, currency: "USD" },
    });
    expect(ok.status).not.toBe(413);
    expect(ok.status).toBeLessThan(500);
    const tooBig = await api("/api/v1/spend/import", {
      method: "POST",
      body: streamed(3 * KB * KB),
      headers: { "content-type": "application/json" },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("a public gate form over the limit gets a page in the visitor's language, JSON clients the envelope", async () => {
    const asset = await makeAsset({ locale: "zh-CN" });
    const form = await fetchWorker(`/p/${asset.slug}`, {
      method: "POST",
      body: new URLSearchParams({ email: "big@example.com", name: "a".repeat(100 * KB) }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "accept-language": "zh-CN,zh;q=0.9",
      },
    });
    expect(form.status).toBe(413);
    expect(form.headers.get("content-type")).toContain("text/html");
    expect(await form.text()).toContain("提交的内容过大");
    const json = await fetchWorker(`/p/${asset.slug}`, {
      method: "POST",
      body: bigJson(100 * KB),
      headers: { "content-type": "application/json" },
    });
    expect(json.status).toBe(413);
    expect(await json.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(
      await env.DB.prepare("SELECT count(*) n FROM leads WHERE email = 'big@example.com'").first(
        "n",
      ),
    ).toBe(0);
  });

  it("an unsubscribe post over the limit is a 413 page", async () => {
    const res = await fetchWorker("/u/whatever-token", {
      method: "POST",
      body: new URLSearchParams({ padding: "a".repeat(100 * KB) }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("too large");
  });

  it("a dashboard form over the limit is a 413 page, and nothing is saved", async () => {
    const s = await login();
    const res = await s.post("/admin/spend", {
      day_from: "2026-01-01",
      amount: "10",
      currency: "USD",
      channel: "paid",
      utm_campaign: "a".repeat(100 * KB),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("too large");
    expect(
      await env.DB.prepare("SELECT count(*) n FROM spend WHERE length(utm_campaign) > 1000").first(
        "n",
      ),
    ).toBe(0);
  });

  it("an asset's file may be large, up to its own limit", async () => {
    const s = await login();
    const csrf = await s.csrf();
    const fd = new FormData();
    fd.append("_csrf", csrf);
    fd.append("title", "Big file");
    fd.append("file", new File([new Uint8Array(200 * KB)], "big.pdf", { type: "application/pdf" }));
    const accepted = await fetchWorker("/admin/assets/new", {
      method: "POST",
      body: fd,
      headers: { cookie: s.cookie, origin: BASE },
    });
    expect(accepted.status).not.toBe(413);
    expect(accepted.status).toBeLessThan(500);
    const tooBig = await fetchWorker("/admin/assets/new", {
      method: "POST",
      body: streamed(28 * KB * KB),
      headers: {
        cookie: s.cookie,
        origin: BASE,
        "content-type": "multipart/form-data; boundary=x",
      },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("too large");
  });

  it("a large upload from someone not signed in is refused before the body is read", async () => {
    const meter = { read: 0 };
    const res = await fetchWorker("/admin/assets/new", {
      method: "POST",
      body: streamed(20 * KB * KB, meter),
      headers: { origin: BASE, "content-type": "multipart/form-data; boundary=x" },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(res.status).toBe(401);
    expect(meter.read).toBeLessThan(1024 * KB);
    const api2 = { read: 0 };
    const apiRes = await api("/api/v1/spend/import", {
      method: "POST",
      token: null,
      body: streamed(2 * KB * KB, api2),
      headers: { "content-type": "application/json" },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(apiRes.status).toBe(401);
    expect(api2.read).toBeLessThan(1024 * KB);
  });

  it("a signed-in spend import streamed past its limit is a 413 page", async () => {
    const s = await login();
    const res = await fetchWorker("/admin/spend/import", {
      method: "POST",
      body: streamed(3 * KB * KB),
      headers: {
        cookie: s.cookie,
        origin: BASE,
        "content-type": "multipart/form-data; boundary=x",
      },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("too large");
  });

  it("a Resend webhook over 256 KB is a 413 before its signature is checked", async () => {
    const res = await fetchWorker("/hooks/resend", {
      method: "POST",
      body: streamed(300 * KB),
      headers: { "content-type": "application/json" },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("the mail sink checks its key before it reads a large body, then counts it to 40 MB", async () => {
    const app = createApp();
    const post = (body: ReadableStream, auth?: string) =>
      app.fetch(
        new Request(`${BASE}/dev/resend/emails`, {
          method: "POST",
          body,
          headers: {
            "content-type": "application/json",
            ...(auth ? { authorization: auth } : {}),
          },
          // @ts-expect-error workerd needs duplex for a streamed request body
          duplex: "half",
        }),
        devEnv,
        createExecutionContext(),
      );
    const meter = { read: 0 };
    expect((await post(streamed(41 * KB * KB, meter))).status).toBe(401);
    expect(meter.read).toBeLessThan(1024 * KB);
    const key = await mailSinkKey(loadConfig(devEnv));
    const res = await post(streamed(41 * KB * KB), `Bearer ${key}`);
    expect(res.status).toBe(413);
  });

  it("with a real Resend key the sink path takes no more than any route", async () => {
    const res = await fetchWorker("/dev/resend/emails", {
      method: "POST",
      body: streamed(200 * KB),
      headers: { "content-type": "application/json" },
      // @ts-expect-error workerd needs duplex for a streamed request body
      duplex: "half",
    });
    expect(res.status).toBe(413);
  });
});
