// Through the real queue: each tick queues, the real consumer sends; a test waits for its own lead's sends to settle.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  drainThenRestore,
  ofLead,
  sendRows,
  settledSends,
  tick,
  DAY,
  HOUR,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { makeSession } from "../support/fixtures";
import { fetchWorker } from "../support/http";
import { asPerson, timePasses } from "../support/people";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const subjectsTo = (to: string) =>
  resend.delivered.filter((d) => d.to === to).map((d) => d.subject);

describe("course sequences count from the session", () => {
  it("reminds a day and an hour before the session and sends the replay the day after, with the time in the lead's zone", async () => {
    resend = fakeResend();
    const sessionAt = Math.ceil((Date.now() + 7 * DAY) / HOUR) * HOUR;
    const asset = await assetWithSequence(
      {
        name: "Open class",
        steps: [
          { template: "course-reminder-day", anchor: "session_start", delayMinutes: -24 * 60 },
          { template: "course-reminder-hour", anchor: "session_start", delayMinutes: -60 },
          { template: "course-replay", anchor: "session_start", delayMinutes: 24 * 60 },
        ],
      },
      { kind: "course", fileKey: null, roomUrl: null, timezone: "Europe/London" },
    );
    await makeSession(asset.id, sessionAt, "Europe/London");
    const { lead_id } = await captureLead(asset.slug, "student@example.com");
    const seen: string[][] = [];
    for (const t of [
      sessionAt - 2 * DAY,
      sessionAt - 24 * HOUR,
      sessionAt - 2 * HOUR,
      sessionAt - HOUR,
      sessionAt + 2 * HOUR,
      sessionAt + DAY,
    ]) {
      await tick(t);
      await settledSends(ofLead(lead_id));
      seen.push(subjectsTo("student@example.com"));
    }
    expect(seen.map((s) => s.length)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(seen[5]).toEqual([
      `Tomorrow: ${asset.title}`,
      `Starting in an hour: ${asset.title}`,
      `The replay of ${asset.title}`,
    ]);
    const reminder = resend.delivered.find((d) => d.to === "student@example.com")!;
    // The time as the landing page says it: in the session's zone, named as people say it.
    expect(reminder.text).toContain("(United Kingdom Time)");
  });

  it("a reminder whose session has already started is skipped with the reason on the ledger", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(
      {
        name: "Late",
        steps: [{ template: "course-reminder-hour", anchor: "session_start", delayMinutes: -60 }],
      },
      { kind: "course", fileKey: null, roomUrl: null },
    );
    const sessionAt = Date.now() + 30 * MINUTE;
    await makeSession(asset.id, sessionAt);
    const { lead_id } = await captureLead(asset.slug, "latecomer@example.com");
    await tick(sessionAt + MINUTE);
    const [row] = await settledSends(ofLead(lead_id));
    expect(subjectsTo("latecomer@example.com")).toEqual([]);
    expect(row).toMatchObject({ status: "skipped", last_error: "session_already_started" });
  });
});

describe("send windows", () => {
  it("a step due on Saturday in the asset's timezone waits for Monday morning, and is then sent", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(
      {
        name: "Weekdays",
        steps: [
          {
            template: "whitepaper-welcome",
            delayMinutes: 0,
            sendWindow: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, timezone: "asset" },
          },
        ],
      },
      { timezone: "Asia/Shanghai" },
    );
    const { lead_id } = await captureLead(asset.slug, "weekend@example.com");
    const due = (await env.DB.prepare("SELECT next_due_at FROM enrolments WHERE lead_id = ?")
      .bind(lead_id)
      .first<{ next_due_at: number }>())!.next_due_at;
    const local = new Intl.DateTimeFormat("en-US", {
      timeZone: "Asia/Shanghai",
      weekday: "short",
      hour: "2-digit",
      hourCycle: "h23",
    }).formatToParts(new Date(due));
    const weekday = local.find((p) => p.type === "weekday")!.value;
    const hour = Number(local.find((p) => p.type === "hour")!.value);
    expect(["Mon", "Tue", "Wed", "Thu", "Fri"]).toContain(weekday);
    expect(hour).toBeGreaterThanOrEqual(9);
    expect(hour).toBeLessThan(17);
    await tick(due - MINUTE);
    expect(await sendRows(ofLead(lead_id))).toHaveLength(0); // the tick writes a ledger row for every email it queues
    await tick(due);
    await settledSends(ofLead(lead_id));
    expect(subjectsTo("weekend@example.com")).toHaveLength(1);
  });
});

describe("conditions skip a step and say why", () => {
  const withConditions = (conditions: Record<string, boolean>) => ({
    name: "Conditional",
    steps: [
      { template: "whitepaper-welcome", delayMinutes: 0 },
      { template: "whitepaper-follow-up", delayMinutes: 60, conditions },
    ],
  });

  it("skips the follow-up for a lead who already downloaded", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(withConditions({ skipIfDownloaded: true }));
    const res = await fetchWorker(`/p/${asset.slug}`, {
      method: "POST",
      body: JSON.stringify({ email: "reader@example.com", name: "Ann", consent: true }),
      headers: { "content-type": "application/json" },
    });
    const { lead_id, download_url } = (await res.json()) as {
      lead_id: number;
      download_url: string;
    };
    expect((await fetchWorker(new URL(download_url).pathname)).status).toBe(200);
    await tick(Date.now() + 2 * HOUR);
    await settledSends(ofLead(lead_id));
    await tick(Date.now() + 3 * HOUR);
    expect((await settledSends(ofLead(lead_id))).map((r) => [r.status, r.last_error])).toEqual([
      ["sent", null],
      ["skipped", "already_downloaded"],
    ]);
  });

  it("skips the follow-up for a lead who clicked an earlier step", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(withConditions({ skipIfClicked: true }));
    const { lead_id } = await captureLead(asset.slug, "clicked-earlier@example.com");
    await tick(Date.now() + MINUTE);
    await settledSends(ofLead(lead_id));
    const [first] = await settledSends(ofLead(lead_id));
    const html = resend.delivered.find((d) => d.to === "clicked-earlier@example.com")!.html;
    await timePasses(first!.id as number, 5 * 60);
    await fetchWorker(
      new URL(html.match(/https?:\/\/[^"]+\/t\/c\/[^"]+/)![0]).pathname,
      asPerson(),
    );
    await tick(Date.now() + 2 * HOUR);
    expect((await settledSends(ofLead(lead_id))).map((r) => r.last_error)).toEqual([
      null,
      "already_clicked",
    ]);
  });

  it("a link scanner's click on an earlier step does not skip the follow-up", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(withConditions({ skipIfClicked: true }));
    const { lead_id } = await captureLead(asset.slug, "scanned-earlier@example.com");
    await tick(Date.now() + MINUTE);
    await settledSends(ofLead(lead_id));
    const html = resend.delivered.find((d) => d.to === "scanned-earlier@example.com")!.html;
    const scanner = { headers: { "user-agent": "Barracuda Sentinel (EE)" } };
    await fetchWorker(new URL(html.match(/https?:\/\/[^"]+\/t\/c\/[^"]+/)![0]).pathname, scanner);
    await tick(Date.now() + 2 * HOUR);
    expect((await settledSends(ofLead(lead_id))).map((r) => r.last_error)).toEqual([null, null]);
  });

  it("skips the follow-up for a lead already qualified, but not for one who is not", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(withConditions({ skipIfQualified: true }));
    const hot = await captureLead(asset.slug, "hot@example.com");
    const cold = await captureLead(asset.slug, "cold@example.com");
    await env.DB.prepare("UPDATE leads SET stage = 'mql' WHERE id = ?").bind(hot.lead_id).run();
    const both = `lead_id IN (${hot.lead_id}, ${cold.lead_id})`;
    await tick(Date.now() + 2 * HOUR);
    await settledSends(both);
    await tick(Date.now() + 3 * HOUR);
    await settledSends(both);
    expect((await sendRows(ofLead(hot.lead_id))).map((r) => r.status)).toEqual(["sent", "skipped"]);
    expect((await sendRows(ofLead(cold.lead_id))).map((r) => r.status)).toEqual(["sent", "sent"]);
  });
});
