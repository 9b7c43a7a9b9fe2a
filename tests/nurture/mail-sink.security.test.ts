// The local mail sink is not an open relay into the dashboard: it takes mail only from Lodestone's own
// resend client (the sink key), no more than Resend would, and shows what it kept without running it.
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import { loadConfig, type Bindings } from "../../src/env";
import { mailSinkKey } from "../../src/services/nurture/mail-sink";
import { login } from "../admin/support/browser-like";
import { BASE } from "../support/http";

const devEnv = {
  ...env,
  RESEND_API_KEY: "",
  RESEND_BASE_URL: `${BASE}/dev/resend`,
  LODESTONE_ENV: "development",
} as Bindings;
const app = createApp();
const devFetch = (path: string, init: RequestInit = {}) =>
  app.fetch(new Request(`${BASE}${path}`, init), devEnv, createExecutionContext());
const sinkKey = () => mailSinkKey(loadConfig(devEnv));

const EVIL_HTML = [
  "<html><head>",
  '<meta http-equiv="refresh" content="0;url=https://phish.example/login">',
  '<META HTTP-EQUIV="Refresh" CONTENT="1; URL=https://phish.example/2">',
  "<script>fetch('/api/v1/tokens',{method:'POST'})</script>",
  '</head><body onload="steal()"><p>Your report</p>',
  '<img src="x" onerror="alert(1)"><a href="https://example.com/ok">link</a>',
  "<SCRIPT src=https://evil.example/x.js></SCRIPT></body></html>",
].join("");

async function capturedCount(subject: string): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) n FROM captured_emails WHERE subject = ?")
    .bind(subject)
    .first<number>("n"))!;
}

function post(body: unknown, authorization?: string) {
  return devFetch("/dev/resend/emails", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: {
      "content-type": "application/json",
      ...(authorization ? { authorization } : {}),
    },
  });
}

const message = (subject: string, html = "<p>hi</p>") => ({
  from: "Lodestone <hello@example.com>",
  to: "someone@example.com",
  subject,
  html,
});

describe("the local mail sink", () => {
  it.each([
    ["no Authorization header", undefined, 401],
    ["the placeholder key anyone could guess", "Bearer re_local_sink", 403],
    ["a wrong key", "Bearer re_0123456789abcdef0123456789", 403],
    ["a key without the Bearer scheme", "re_local_sink", 401],
  ])("with %s refuses the post and keeps nothing", async (_what, authorization, status) => {
    const subject = `anon-${crypto.randomUUID()}`;
    const res = await post(message(subject, EVIL_HTML), authorization);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({
      statusCode: status,
      error: { code: status === 401 ? "UNAUTHORIZED" : "FORBIDDEN" },
    });
    expect(await capturedCount(subject)).toBe(0);
  });

  it("accepts the configured sink key (what Lodestone's resend client sends)", async () => {
    const subject = `keyed-${crypto.randomUUID()}`;
    const res = await post(message(subject), `Bearer ${await sinkKey()}`);
    expect(res.status).toBe(200);
    expect(await capturedCount(subject)).toBe(1);
  });

  it("an explicit MAIL_SINK_KEY is the key, and the derived one then no longer works", async () => {
    const explicit = { ...devEnv, MAIL_SINK_KEY: "sink-key-for-this-test-0123456789" } as Bindings;
    const send = (auth: string) =>
      app.fetch(
        new Request(`${BASE}/dev/resend/emails`, {
          method: "POST",
          body: JSON.stringify(message(`explicit-${crypto.randomUUID()}`)),
          headers: { "content-type": "application/json", authorization: auth },
        }),
        explicit,
        createExecutionContext(),
      );
    expect((await send("Bearer sink-key-for-this-test-0123456789")).status).toBe(200);
    expect((await send(`Bearer ${await sinkKey()}`)).status).toBe(403);
  });

  it("refuses a message larger than Resend accepts (40 MB) with 413, and keeps nothing", async () => {
    const subject = `huge-${crypto.randomUUID()}`;
    const head = JSON.stringify(message(subject)).slice(0, -1);
    const body = `${head},"text":"${"a".repeat(40 * 1024 * 1024)}"}`;
    const res = await post(body, `Bearer ${await sinkKey()}`);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(await capturedCount(subject)).toBe(0);
  });

  it("shows captured HTML sandboxed, with scripts, handlers and refreshes taken out", async () => {
    const subject = `evil-${crypto.randomUUID()}`;
    const res = await post(message(subject, EVIL_HTML), `Bearer ${await sinkKey()}`);
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };

    const s = await login();
    const views = [
      await s.get(`/admin/mail/${id}/html`),
      await app.fetch(
        new Request(`${BASE}/api/v1/captured-mail/${id}/html`, {
          headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` },
        }),
        devEnv,
        createExecutionContext(),
      ),
    ];
    for (const view of views) {
      expect(view.status).toBe(200);
      const csp = view.headers.get("content-security-policy") ?? "";
      expect(csp.split(";").map((d) => d.trim())).toContain("sandbox");
      expect(csp).not.toContain("allow-scripts");
      expect(csp).toContain("default-src 'none'");
      const html = await view.text();
      expect(html).toContain("<p>Your report</p>");
      expect(html).toContain('href="https://example.com/ok"');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/http-equiv/i);
      expect(html).not.toMatch(/\son(load|error)=/i);
      expect(html).not.toContain("phish.example");
    }
  });
});
