import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import type { Bindings } from "../../src/env";
import { fetchWorker } from "../support/http";
import { listCapturedMail, mailSinkKey } from "../../src/services/nurture/mail-sink";
import { sendEmailBatch } from "../../src/services/nurture/resend-client";
import { loadConfig } from "../../src/env";
import { db } from "../support/fixtures";
import { vi } from "vitest";

// Local dev: no RESEND_API_KEY, the SDK pointed at the sink this same Worker serves.
const devEnv = {
  ...env,
  RESEND_API_KEY: "",
  RESEND_BASE_URL: "https://lodestone.test/dev/resend",
} as Bindings;
const app = createApp();
/** Posts to the sink as Lodestone's resend client does: with the sink key unless the caller set one. */
const devFetch = async (path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization"))
    headers.set("authorization", `Bearer ${await mailSinkKey(loadConfig(devEnv))}`);
  return app.fetch(
    new Request(`https://lodestone.test${path}`, { ...init, headers }),
    devEnv,
    createExecutionContext(),
  );
};
const email = (to: string, subject = "Hello") => ({
  from: "Lodestone <hello@example.com>",
  to,
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
  headers: {},
  tags: [{ name: "asset", value: "demo" }],
});
const admin = { authorization: `Bearer ${env.ADMIN_TOKEN}` };

describe("the local Resend sink", () => {
  it("does not exist when RESEND_API_KEY is set", async () => {
    const res = await fetchWorker("/dev/resend/emails", {
      method: "POST",
      body: JSON.stringify(email("a@example.com")),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(404);
  });

  it("keeps what the resend SDK sends, answers with ids, and replays an Idempotency-Key without keeping it twice", async () => {
    const config = loadConfig(devEnv);
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) =>
      devFetch(new URL(new Request(input, init).url).pathname, {
        method: "POST",
        body: init?.body as string,
        headers: init?.headers,
      }),
    );
    try {
      const first = await sendEmailBatch(
        config,
        [email("sink-1@example.com", "One"), email("sink-2@example.com", "Two")],
        "lodestone/batch/test-key",
      );
      const again = await sendEmailBatch(
        config,
        [email("sink-1@example.com", "One"), email("sink-2@example.com", "Two")],
        "lodestone/batch/test-key",
      );
      expect(first.kind).toBe("accepted");
      expect(again).toEqual(first);
      const other = await sendEmailBatch(
        config,
        [email("sink-1@example.com", "Changed")],
        "lodestone/batch/test-key",
      );
      expect(other.kind).toBe("already_sent");
      const bad = await sendEmailBatch(
        config,
        [email("not-an-address"), email("sink-3@example.com", "Three")],
        "lodestone/batch/partial",
      );
      expect(bad.kind === "accepted" && bad.errors.get(0)).toMatch(/Invalid/);
    } finally {
      spy.mockRestore();
    }
    const kept = await listCapturedMail(db(), { limit: 10 });
    expect(
      kept
        .filter((m) => m.to[0]!.startsWith("sink-"))
        .map((m) => m.subject)
        .sort(),
    ).toEqual(["One", "Three", "Two"]);
  });

  it("lists and renders captured mail for marketers through the API", async () => {
    await devFetch("/dev/resend/emails", {
      method: "POST",
      body: JSON.stringify(email("listed@example.com", "Listed")),
      headers: { "content-type": "application/json" },
    });
    const list = await fetchWorker("/api/v1/captured-mail?to=listed@example.com", {
      headers: admin,
    });
    expect(list.status).toBe(200);
    const { data } = (await list.json()) as { data: { id: string; subject: string }[] };
    expect(data.map((d) => d.subject)).toEqual(["Listed"]);
    const one = await fetchWorker(`/api/v1/captured-mail/${data[0]!.id}`, { headers: admin });
    expect(await one.json()).toMatchObject({
      subject: "Listed",
      html: "<p>Listed</p>",
      tags: [{ name: "asset", value: "demo" }],
    });
    const html = await fetchWorker(`/api/v1/captured-mail/${data[0]!.id}/html`, { headers: admin });
    expect(await html.text()).toContain("<p>Listed</p>");
    expect((await fetchWorker("/api/v1/captured-mail")).status).toBe(401);
  });

  it("refuses a batch of more than 100 emails like Resend", async () => {
    const res = await devFetch("/dev/resend/emails/batch", {
      method: "POST",
      body: JSON.stringify(Array.from({ length: 101 }, (_, i) => email(`many-${i}@example.com`))),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(422);
  });
});
