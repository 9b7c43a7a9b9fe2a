// Links in email point where Lodestone is served (PUBLIC_BASE_URL); without it nothing is sent, nothing is lost, and the
// marketer is told why.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import { loadConfig, ConfigError, type Bindings } from "../../src/env";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  consume,
  drainThenRestore,
  messagesOf,
  ofLead,
  sendRows,
  settledSends,
  tick,
  tickThatDies,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { login } from "../admin/support/browser-like";
import { BASE } from "../support/http";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(async () => {
  vi.restoreAllMocks();
  await drainThenRestore(resend);
});

const oneStep = { name: "Welcome", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] };
const withBase = (url: string) => ({ ...env, PUBLIC_BASE_URL: url }) as Bindings;
const withoutBase = () => ({ ...env, PUBLIC_BASE_URL: undefined }) as unknown as Bindings;

/** The JSON log lines written to console.error while `work` runs. */
async function errorLines(work: () => Promise<unknown>) {
  const lines: { message: string; problem?: string }[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => {
    try {
      lines.push(JSON.parse(String(line)));
    } catch {
      /* not one of ours */
    }
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

/** Every absolute URL an email carries: in its HTML, its text and its List-Unsubscribe header. */
function urlsIn(mail: { html: string; text: string; headers: Record<string, string> }) {
  const found = `${mail.html}\n${mail.text}\n${mail.headers["List-Unsubscribe"]}`.match(
    /https?:\/\/[^\s"'<>)]+/g,
  );
  return [...new Set(found ?? [])];
}

async function dueAtOf(leadId: number) {
  return (
    await env.DB.prepare("SELECT next_due_at FROM enrolments WHERE lead_id = ?")
      .bind(leadId)
      .first<{ next_due_at: number | null }>()
  )?.next_due_at;
}

describe("links in email", () => {
  it("every link of a sent email starts with PUBLIC_BASE_URL, whatever address the Worker runs at", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    const { lead_id } = await captureLead(asset.slug, "links-base@example.com");
    await tickThatDies(Date.now() + MINUTE);
    const target = withBase("https://content.example.com/");
    await consume(messagesOf(await sendRows(ofLead(lead_id))), { target });
    const mail = resend.delivered.find((d) => d.to === "links-base@example.com")!;
    const urls = urlsIn(mail);
    // Download, click tracking (which wraps the share link), unsubscribe, List-Unsubscribe and the open pixel.
    expect(urls.some((u) => u.includes("/t/c/"))).toBe(true);
    expect(urls.some((u) => u.includes("/u/"))).toBe(true);
    expect(urls.some((u) => u.includes("/t/o/"))).toBe(true);
    expect(urls.filter((u) => !u.startsWith("https://content.example.com/"))).toEqual([]);
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<https:\/\/content\.example\.com\/u\//);
  });
});

describe("without PUBLIC_BASE_URL", () => {
  it("a tick queues nothing, logs the problem once, and the step stays due until the setting is made", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    const { lead_id } = await captureLead(asset.slug, "nobase-tick@example.com");
    const due = await dueAtOf(lead_id);
    const at = Date.now() + MINUTE;
    const lines = await errorLines(() => tick(at, withoutBase()));
    const paused = lines.filter((l) => l.message === "nurture paused: configuration");
    expect(paused).toHaveLength(1);
    expect(paused[0]!.problem).toContain("PUBLIC_BASE_URL is not set");
    expect(await sendRows(ofLead(lead_id))).toEqual([]);
    expect(await dueAtOf(lead_id)).toBe(due);
    // Set again: the next tick sends the step that waited.
    await tick(at + MINUTE);
    const [row] = await settledSends(ofLead(lead_id));
    expect(row).toMatchObject({ status: "sent" });
    expect(resend.delivered.filter((d) => d.to === "nobase-tick@example.com")).toHaveLength(1);
  });

  it("a batch already queued is held and retried, not sent and not failed, with the problem on the ledger and one log line", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    for (const n of [1, 2]) await captureLead(asset.slug, `nobase-held-${n}@example.com`);
    await tickThatDies(Date.now() + MINUTE);
    const where = "lead_id IN (SELECT id FROM leads WHERE email LIKE 'nobase-held-%')";
    const messages = messagesOf(await sendRows(where));
    let result!: Awaited<ReturnType<typeof consume>>;
    const lines = await errorLines(async () => {
      result = await consume(messages, { target: withoutBase() });
    });
    expect(lines.filter((l) => l.message === "nurture sends held: configuration")).toHaveLength(1);
    expect(result.retryMessages).toHaveLength(messages.length);
    expect(resend.delivered.filter((d) => d.to.startsWith("nobase-held-"))).toEqual([]);
    const held = await sendRows(where);
    expect(held.map((r) => r.status)).toEqual(["queued", "queued"]);
    expect(held[0]!.last_error).toContain("PUBLIC_BASE_URL is not set");
    // The retry after the setting is made delivers both.
    await consume(messages, { attempts: 2 });
    expect((await sendRows(where)).map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(resend.delivered.filter((d) => d.to.startsWith("nobase-held-"))).toHaveLength(2);
  });

  it("the dashboard says emails are not being sent and what to set, in English and Chinese", async () => {
    const s = await login();
    const page = async (path: string, target: Bindings) =>
      (
        await worker.fetch!(
          new Request(`${BASE}${path}`, { headers: { cookie: s.cookie } }) as Request<
            unknown,
            IncomingRequestCfProperties
          >,
          target,
          createExecutionContext(),
        )
      ).text();
    for (const path of ["/admin", "/admin/mail"]) {
      const paused = await page(path, withoutBase());
      expect(paused).toContain('id="sending-paused"');
      expect(paused).toContain("Emails are not being sent.");
      expect(paused).toContain("PUBLIC_BASE_URL");
      expect(await page(path, env)).not.toContain('id="sending-paused"');
    }
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    const res = await worker.fetch!(
      new Request(`${BASE}/admin`, { headers: { cookie: zh.cookie } }) as Request<
        unknown,
        IncomingRequestCfProperties
      >,
      withoutBase(),
      createExecutionContext(),
    );
    expect(await res.text()).toContain("邮件已暂停发送。");
  });
});

describe("PUBLIC_BASE_URL is checked when the Worker starts", () => {
  it.each([
    ["ftp://content.example.com", "must be an http(s) URL"],
    ["content.example.com", "must be an http(s) URL"],
    ["https://content.example.com/landing", "must be an origin only"],
    ["https://content.example.com/?x=1", "must be an origin only"],
  ])("%s is refused with a message naming it", (value, message) => {
    const broken = withBase(value);
    expect(() => loadConfig(broken)).toThrow(ConfigError);
    expect(() => loadConfig(broken)).toThrow(message);
  });

  it("a trailing slash is dropped, so links never carry a double slash", () => {
    expect(loadConfig(withBase("https://content.example.com/")).PUBLIC_BASE_URL).toBe(
      "https://content.example.com",
    );
  });
});
