// One tick through the real queue sends every test's email first (one wait for the queue, not one per test); the tests
// then play Resend's webhooks against their own lead's send.
import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { env } from "cloudflare:workers";
import { Webhook } from "svix";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  ofLead,
  sendRows,
  settledSends,
  tick,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { fetchWorker } from "../support/http";
import { CHROME, timePasses } from "../support/people";
import { emailHashes } from "../../src/domain/email-address";

const emailHash = async (email: string) => (await emailHashes(email, env.SIGNING_SECRET)).keyed;

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterAll(() => resend?.restore());

const signer = new Webhook(env.RESEND_WEBHOOK_SECRET);
let hookSeq = 0;

function postHook(
  payload: unknown,
  opts: { id?: string; at?: Date; secret?: Webhook; tamper?: boolean } = {},
) {
  const id = opts.id ?? `msg_${++hookSeq}_${Math.random().toString(36).slice(2)}`;
  const at = opts.at ?? new Date();
  const body = JSON.stringify(payload);
  const signature = (opts.secret ?? signer).sign(id, at, body);
  return fetchWorker("/hooks/resend", {
    method: "POST",
    body: opts.tamper ? body.replace("email.", "email .") : body,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
  });
}

const RECIPIENTS = [
  "badsig-0",
  "badsig-1",
  "badsig-2",
  "badsig-3",
  "replay",
  "delivered",
  "bounced",
  "complained",
  "softbounce",
  "engaged",
  "trouble",
  "unknown-type",
  "resend-scanner",
  "resend-instant-open",
].map((n) => `${n}@example.com`);
const sent = new Map<string, { id: number; lead_id: number; resend_id: string }>();

/** Every test's lead is captured and sent one email by the same tick, through the real queue and consumer. */
beforeAll(async () => {
  resend = fakeResend();
  const asset = await assetWithSequence({
    name: "Hooked",
    steps: [
      { template: "whitepaper-welcome", delayMinutes: 0 },
      { template: "whitepaper-follow-up", delayMinutes: 60 },
    ],
  });
  const leads = new Map<string, number>();
  for (const email of RECIPIENTS) leads.set(email, (await captureLead(asset.slug, email)).lead_id);
  await tick(Date.now() + MINUTE);
  await settledSends(`lead_id IN (${[...leads.values()].join(", ")})`);
  for (const [email, leadId] of leads)
    sent.set(
      email,
      (await sendRows(ofLead(leadId)))[0] as { id: number; lead_id: number; resend_id: string },
    );
});

/** The ledger row of the one email this lead was sent. */
async function sentEmail(email: string) {
  const row = sent.get(email);
  if (!row?.resend_id) throw new Error(`no email was sent to ${email}`);
  return row;
}

let badsigCase = 0;
const event = (type: string, emailId: string, data: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, to: ["x@example.com"], ...data },
});
const eventsOf = async (leadId: number, type: string) =>
  (
    await env.DB.prepare("SELECT data FROM events WHERE lead_id = ? AND type = ?")
      .bind(leadId, type)
      .all()
  ).results;

describe("POST /hooks/resend signatures", () => {
  it.each([
    [
      "a signature made with another secret",
      { secret: new Webhook(`whsec_${btoa("not-the-real-secret-at-all")}`) },
    ],
    ["a body changed after signing", { tamper: true }],
    ["a timestamp older than five minutes", { at: new Date(Date.now() - 6 * MINUTE) }],
    ["a timestamp from the future", { at: new Date(Date.now() + 6 * MINUTE) }],
  ])("refuses %s with 401 and changes nothing", async (_name, opts) => {
    const send = await sentEmail(`badsig-${badsigCase++}@example.com`);
    const res = await postHook(event("email.delivered", send.resend_id), opts);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    const [row] = await sendRows(`id = ${send.id}`);
    expect(row!.status).toBe("sent");
  });

  it("refuses a request without Svix headers", async () => {
    const res = await fetchWorker("/hooks/resend", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(401);
  });

  it("a replayed svix-id is acknowledged and ignored", async () => {
    const send = await sentEmail("replay@example.com");
    const first = await postHook(
      event("email.clicked", send.resend_id, { click: { link: "https://example.com/a" } }),
      { id: "msg_replayed" },
    );
    expect(await first.json()).toMatchObject({ outcome: "applied" });
    const again = await postHook(
      event("email.clicked", send.resend_id, { click: { link: "https://example.com/a" } }),
      { id: "msg_replayed" },
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "duplicate" });
    expect(await eventsOf(send.lead_id, "email_clicked")).toHaveLength(1);
  });
});

describe("Resend events on the ledger and the event log", () => {
  it("delivered moves the send from sent to delivered", async () => {
    const send = await sentEmail("delivered@example.com");
    expect((await postHook(event("email.delivered", send.resend_id))).status).toBe(200);
    expect((await sendRows(`id = ${send.id}`))[0]!.status).toBe("delivered");
    expect(await eventsOf(send.lead_id, "email_delivered")).toHaveLength(1);
  });

  it.each([
    [
      "email.bounced",
      { bounce: { type: "Permanent", message: "mailbox does not exist" } },
      "bounced",
      "bounced",
    ],
    ["email.complained", {}, "complained", "complained"],
  ])(
    "%s suppresses the address for good and stops its enrolments",
    async (type, data, status, reason) => {
      const send = await sentEmail(`${status}@example.com`);
      await postHook(event(type, send.resend_id, data));
      expect((await sendRows(`id = ${send.id}`))[0]!.status).toBe(status);
      const suppression = await env.DB.prepare(
        "SELECT reason FROM suppressions WHERE email_hash = ?",
      )
        .bind(await emailHash(`${status}@example.com`))
        .first<{ reason: string }>();
      expect(suppression!.reason).toBe(reason);
      const enrolment = await env.DB.prepare(
        "SELECT status, next_due_at FROM enrolments WHERE lead_id = ?",
      )
        .bind(send.lead_id)
        .first();
      expect(enrolment).toEqual({ status: "stopped", next_due_at: null });
    },
  );

  it("a transient bounce is recorded but does not suppress", async () => {
    const send = await sentEmail("softbounce@example.com");
    await postHook(
      event("email.bounced", send.resend_id, {
        bounce: { type: "Transient", message: "mailbox full" },
      }),
    );
    expect(
      await env.DB.prepare("SELECT 1 FROM suppressions WHERE email_hash = ?")
        .bind(await emailHash("softbounce@example.com"))
        .first(),
    ).toBeNull();
    expect(await eventsOf(send.lead_id, "email_bounced")).toHaveLength(1);
  });

  it("opened and clicked set the first time on the send and land in the event log for scoring", async () => {
    const send = await sentEmail("engaged@example.com");
    await timePasses(send.id, 3600);
    await postHook(event("email.opened", send.resend_id));
    await postHook(
      event("email.clicked", send.resend_id, {
        click: {
          link: "https://example.com/pricing",
          ipAddress: "198.51.100.20",
          userAgent: CHROME,
          timestamp: new Date().toISOString(),
        },
      }),
    );
    const [row] = await sendRows(`id = ${send.id}`);
    expect(row!.opened_at).toBeTypeOf("number");
    expect(row!.clicked_at).toBeTypeOf("number");
    const clicks = await eventsOf(send.lead_id, "email_clicked");
    expect(JSON.parse(clicks[0]!.data as string)).toMatchObject({
      send_id: send.id,
      source: "resend",
      url: "https://example.com/pricing",
    });
  });

  it("a click Resend reports from a link scanner is a machine's: kept in the log, not as the send's click", async () => {
    const send = await sentEmail("resend-scanner@example.com");
    await timePasses(send.id, 3600);
    await postHook(
      event("email.clicked", send.resend_id, {
        click: {
          link: "https://example.com/report",
          ipAddress: "148.163.150.22",
          userAgent: CHROME,
          timestamp: new Date().toISOString(),
        },
      }),
    );
    const [row] = await sendRows(`id = ${send.id}`);
    expect(row!.clicked_at).toBeNull();
    expect(row!.machine_clicked_at).toBeTypeOf("number");
    const clicks = await env.DB.prepare(
      "SELECT machine FROM events WHERE lead_id = ? AND type = 'email_clicked'",
    )
      .bind(send.lead_id)
      .all();
    expect(clicks.results).toEqual([{ machine: "scanner_network" }]);
  });

  it("an open Resend reports a second after sending is a machine's (its opens carry only a time)", async () => {
    const send = await sentEmail("resend-instant-open@example.com");
    await env.DB.prepare("UPDATE sends SET sent_at = ? WHERE id = ?")
      .bind(Date.now() - 1000, send.id)
      .run();
    await postHook(event("email.opened", send.resend_id));
    const [row] = await sendRows(`id = ${send.id}`);
    expect(row).toMatchObject({ opened_at: null });
    expect(row!.machine_opened_at).toBeTypeOf("number");
  });

  it("delivery_delayed and failed are recorded", async () => {
    const send = await sentEmail("trouble@example.com");
    await postHook(event("email.delivery_delayed", send.resend_id));
    expect(await eventsOf(send.lead_id, "email_delayed")).toHaveLength(1);
    await postHook(
      event("email.failed", send.resend_id, { failed: { reason: "suppressed by provider" } }),
    );
    const [row] = await sendRows(`id = ${send.id}`);
    expect(row).toMatchObject({ status: "failed", last_error: "suppressed by provider" });
  });

  it("an unknown event type gets 200 and is ignored", async () => {
    const send = await sentEmail("unknown-type@example.com");
    const res = await postHook(event("contact.created", send.resend_id));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "ignored" });
    expect((await sendRows(`id = ${send.id}`))[0]!.status).toBe("sent");
  });
});
