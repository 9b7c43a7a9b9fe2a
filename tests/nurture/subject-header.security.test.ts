// An email Subject is one header line: an asset title with CR/LF (typed into the dashboard, or stored
// before titles were folded) never adds a header to a nurture email.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  drainThenRestore,
  ofLead,
  settledSends,
  tick,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { login } from "../admin/support/browser-like";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake | undefined;
afterEach(() => drainThenRestore(resend));

describe("an asset title with line breaks", () => {
  it("is folded into one line before it becomes an email Subject", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(
      { name: "Drip", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] },
      { title: "Guide\r\nBcc: victim@example.com\r\n\r\nInjected body" },
    );
    const { lead_id } = await captureLead(asset.slug, "subject-fold@example.com");
    await tick(Date.now() + MINUTE);
    await settledSends(ofLead(lead_id));
    const mail = resend.delivered.find((d) => d.to === "subject-fold@example.com")!;
    expect(mail.subject).toBe("Your copy of “Guide Bcc: victim@example.com Injected body”");
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(Object.keys(mail.headers).map((h) => h.toLowerCase())).not.toContain("bcc");
  });

  it("is folded when the dashboard saves it", async () => {
    const s = await login();
    const res = await s.post("/admin/assets/new", {
      title: "Spring\r\nBcc: victim@example.com",
      slug: `fold-${Math.random().toString(36).slice(2, 8)}`,
      kind: "whitepaper",
      locale: "en",
      timezone: "UTC",
      field_name: "optional",
      field_company: "optional",
      field_job_title: "optional",
      field_phone: "hidden",
      field_company_size: "hidden",
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const id = Number(/\/admin\/assets\/(\d+)\/edit/.exec(res.headers.get("location")!)![1]);
    const row = await env.DB.prepare("SELECT title FROM assets WHERE id = ?")
      .bind(id)
      .first<{ title: string }>();
    expect(row!.title).toBe("Spring Bcc: victim@example.com");
  });
});
