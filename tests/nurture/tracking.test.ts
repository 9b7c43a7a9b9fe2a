// Through the real queue: the tick queues the first email, the real consumer sends it to the Resend fake.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  ofLead,
  drainThenRestore,
  sendRows,
  settledSends,
  tick,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { fetchWorker } from "../support/http";
import { asPerson, timePasses } from "../support/people";
import { clickUrl } from "../../src/services/nurture/links";
import { signLink } from "../../src/domain/signed-link";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

async function firstEmail(email: string) {
  resend = fakeResend();
  const asset = await assetWithSequence({
    name: "Tracked",
    steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
  });
  const { lead_id } = await captureLead(asset.slug, email);
  await tick(Date.now() + MINUTE);
  const [send] = await settledSends(ofLead(lead_id));
  const mail = resend.delivered.find((d) => d.to === email)!;
  return { mail, send: send as { id: number; lead_id: number }, asset };
}

const links = (html: string, kind: "c" | "o") =>
  [...html.matchAll(new RegExp(`https?://[^"]+/t/${kind}/[^"]+`, "g"))].map(
    (m) => new URL(m[0]!.replace(/&amp;/g, "&")).pathname,
  );

describe("click tracking", () => {
  it("a tracked link redirects to the link in the template and records a click for the lead, step and asset", async () => {
    const { mail, send, asset } = await firstEmail("clicker@example.com");
    const [download, share] = links(mail.html, "c");
    await timePasses(send.id, 10 * 60);
    const res = await fetchWorker(download!, asPerson());
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/\/d\/[^/]+$/);
    await timePasses(send.id, 60);
    const shared = await fetchWorker(share!, asPerson());
    expect(shared.headers.get("location")).toMatch(new RegExp(`/r/[^?]+\\?to=${asset.slug}$`));
    const events = (
      await env.DB.prepare(
        "SELECT asset_id, data FROM events WHERE lead_id = ? AND type = 'email_clicked'",
      )
        .bind(send.lead_id)
        .all()
    ).results;
    expect(events).toHaveLength(2);
    expect(events[0]!.asset_id).toBe(asset.id);
    expect(JSON.parse(events[0]!.data as string)).toMatchObject({
      send_id: send.id,
      source: "lodestone",
    });
    expect((await sendRows(`id = ${send.id}`))[0]!.clicked_at).toBeTypeOf("number");
  });

  it.each([
    [
      "a link signed with another secret",
      async () =>
        clickUrl("https://lodestone.test", "some-other-secret-0123456789-abcdefghijkl", {
          s: 1,
          u: "https://evil.example/phish",
        }),
    ],
    [
      "a download token used as a click token",
      async () =>
        `https://lodestone.test/t/c/${await signLink(env.SIGNING_SECRET, "download", { s: 1, u: "https://evil.example" }, null)}`,
    ],
    [
      "a signed link whose target is not a web address",
      async () =>
        clickUrl("https://lodestone.test", env.SIGNING_SECRET, { s: 1, u: "javascript:alert(1)" }),
    ],
  ])("%s never redirects", async (_name, make) => {
    const res = await fetchWorker(new URL(await make()).pathname);
    expect(res.status).toBe(403);
    expect(res.headers.get("location")).toBeNull();
  });
});

describe("open pixel", () => {
  it("answers a GIF and records the first open only", async () => {
    const { mail, send } = await firstEmail("opener@example.com");
    const [pixel] = links(mail.html, "o");
    await timePasses(send.id, 10 * 60);
    for (let i = 0; i < 2; i++) {
      const res = await fetchWorker(pixel!, asPerson());
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/gif");
    }
    const opens = await env.DB.prepare(
      "SELECT count(*) AS n FROM events WHERE lead_id = ? AND type = 'email_opened'",
    )
      .bind(send.lead_id)
      .first<{ n: number }>();
    expect(opens!.n).toBe(1);
  });

  it("a forged pixel still answers an image and records nothing", async () => {
    const res = await fetchWorker("/t/o/forged.token");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/gif");
  });
});
