// The local mail sink keeps an email's attachments as sent (a calendar update's invite.ics) and the dashboard shows them.
import { describe, it, expect, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import type { Bindings } from "../../src/env";
import { loadConfig } from "../../src/env";
import { mailSinkKey, getCapturedMail } from "../../src/services/nurture/mail-sink";
import { sendOneEmail } from "../../src/services/nurture/resend-client";
import { db } from "../support/fixtures";
import { login } from "../admin/support/browser-like";

const devEnv = {
  ...env,
  RESEND_API_KEY: "",
  RESEND_BASE_URL: "https://lodestone.test/dev/resend",
} as Bindings;
const app = createApp();

describe("the mail sink and attachments", () => {
  it("keeps a single email's .ics attachment, replays its Idempotency-Key, and the mail page shows the file", async () => {
    const config = loadConfig(devEnv);
    const key = await mailSinkKey(config);
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const req = new Request(input, init);
      const headers = new Headers(req.headers);
      headers.set("authorization", `Bearer ${key}`);
      return app.fetch(
        new Request(`https://lodestone.test${new URL(req.url).pathname}`, {
          method: "POST",
          body: await req.text(),
          headers,
        }),
        devEnv,
        createExecutionContext(),
      );
    });
    const ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    const email = {
      from: "Lodestone <hello@example.com>",
      to: "invitee@example.com",
      subject: "New time: Open class",
      html: "<p>Moved</p>",
      text: "Moved",
      headers: {},
      tags: [],
      attachments: [
        {
          filename: "invite.ics",
          content: btoa(ics),
          contentType: "text/calendar; method=REQUEST; charset=utf-8",
        },
      ],
    };
    let first: Awaited<ReturnType<typeof sendOneEmail>>;
    try {
      first = await sendOneEmail(config, email, "session-1-lead-1-seq-1");
      expect(first.kind).toBe("accepted");
      expect(await sendOneEmail(config, email, "session-1-lead-1-seq-1")).toEqual(first);
    } finally {
      spy.mockRestore();
    }
    const id = first.kind === "accepted" ? first.ids[0]! : "";
    const kept = await getCapturedMail(db(), id);
    expect(kept?.attachments).toEqual([
      {
        filename: "invite.ics",
        contentType: "text/calendar; method=REQUEST; charset=utf-8",
        content: btoa(ics),
      },
    ]);
    const page = await (await (await login()).get(`/admin/mail/${id}`)).text();
    expect(page).toContain("Attachments");
    expect(page).toContain("invite.ics");
    expect(page).toContain("METHOD:REQUEST");
  });
});
