// The campaign journey of the dashboard, by an integrator with a marketing-scoped token and nothing else: a
// course with a session at 19:00 Asia/Shanghai two days out, its day-before reminder, a scoring rule, a lead
// through the gate, the reminder due 24 h before, the calendar file, new reminder copy previewed and
// test-sent, attendance imported after the class and the score moved.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import ICAL from "ical.js";
import { api, makeToken } from "../support/api";
import { fetchWorker, postJson } from "../support/http";
import { QUEUE_TIMEOUTS, waitFor } from "../support/leads";
import { HOUR, shanghaiLocal } from "../support/sessions";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";

vi.setConfig(QUEUE_TIMEOUTS);
let resend: ResendFake;
let token = "";
beforeAll(async () => {
  resend = fakeResend();
  token = (await makeToken(["marketing"], "campaign integration")).token;
});
afterAll(() => resend.restore());

const as = (path: string, init: Parameters<typeof api>[1] = {}) => api(path, { ...init, token });
async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

const REMINDER = {
  template: "course-reminder-day",
  anchor: "session_start",
  delayMinutes: -24 * 60,
};
const JOIN = "https://meeting.tencent.example/j/82746153";

describe("a course campaign through the API alone", () => {
  const start = shanghaiLocal(2, 19);
  let assetId = 0;
  let sessionId = 0;
  let leadId = 0;
  let calendarUrl = "";

  it("creates and publishes the course, schedules its session, its reminder and a scoring rule", async () => {
    const asset = await ok<{ id: number; status: string }>(
      await as("/api/v1/assets", {
        method: "POST",
        json: {
          kind: "course",
          slug: "api-open-class",
          title: "B2B 线索评分公开课",
          locale: "zh-CN",
          timezone: "Asia/Shanghai",
        },
      }),
      201,
    );
    assetId = asset.id;
    expect(asset.status).toBe("draft");
    const session = await ok<{ id: number; starts_at: string }>(
      await as(`/api/v1/assets/${assetId}/sessions`, {
        method: "POST",
        json: { starts_at: start.local, time_zone: "Asia/Shanghai", join_url: JOIN, capacity: 200 },
      }),
      201,
    );
    sessionId = session.id;
    expect(session.starts_at).toBe(new Date(start.utc).toISOString());
    await ok(
      await as(`/api/v1/assets/${assetId}/sequence`, {
        method: "PUT",
        json: { name: "公开课提醒", steps: [REMINDER] },
      }),
      201,
    );
    await ok(
      await as("/api/v1/score-rules", {
        method: "POST",
        json: {
          kind: "behaviour",
          field: "event",
          match: ["session_attended"],
          points: 25,
          label: "Came to the class",
        },
      }),
      201,
    );
    await ok(
      await as(`/api/v1/assets/${assetId}`, { method: "PATCH", json: { status: "published" } }),
    );
    expect((await fetchWorker("/p/api-open-class")).status).toBe(200);
  });

  it("a lead signs up for the session and is due its reminder 24 hours before", async () => {
    const gate = await ok<{ lead_id: number; calendar_url: string }>(
      await postJson("/p/api-open-class", {
        email: "zhou.min@factory.example",
        name: "周敏",
        consent: true,
        session: String(sessionId),
      }),
      201,
    );
    leadId = gate.lead_id;
    calendarUrl = gate.calendar_url;
    const lead = await ok<{ nurture: { state: string; next_step_at: string }[] }>(
      await as(`/api/v1/leads/${leadId}`),
    );
    expect(lead.nurture).toMatchObject([{ state: "enrolled" }]);
    expect(Date.parse(lead.nurture[0]!.next_step_at)).toBe(start.utc - 24 * HOUR);
  });

  it("the calendar file opens at the session's instant, with the lead's link to the room", async () => {
    const res = await fetchWorker(calendarUrl);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().getTime()).toBe(start.utc);
    expect(event.description).toContain(event.location);
    const room = await fetchWorker(event.location, { redirect: "manual" });
    expect(room.headers.get("location")).toBe(JOIN);
  });

  it("new reminder copy is previewed for the lead and test-sent; the lead's schedule stays", async () => {
    const copy = {
      "zh-CN": {
        subject: "{{first_name}}，明天 {{session_time}} 见",
        body: "{{first_name}}，您好：\n\n- 行为分与画像分\n\n[[进入直播间]]({{join_link}})",
      },
    };
    // Only the words change, so it is the same sequence (200, not a new one) and the lead keeps its place.
    const same = await ok<{ sequence_id: number; steps: { copy_stored: boolean }[] }>(
      await as(`/api/v1/assets/${assetId}/sequence`, {
        method: "PUT",
        json: { name: "公开课提醒", steps: [{ ...REMINDER, copy }] },
      }),
    );
    expect(same.steps[0]!.copy_stored).toBe(true);
    const preview = await ok<{ subject: string; html: string }>(
      await as(`/api/v1/assets/${assetId}/sequence/steps/1/preview`, {
        method: "POST",
        json: { lead_email: "zhou.min@factory.example", locale: "zh-CN" },
      }),
    );
    expect(preview.subject).toMatch(/^周敏，明天 2026年\d+月\d+日 19:00（北京时间）.* 见$/);
    expect(preview.html).toContain("周敏，您好：");
    // As the lead will get it: their own calendar file and Google Calendar link under the copy.
    expect(preview.html).toContain(calendarUrl.replaceAll("&", "&amp;"));
    expect(preview.html).toContain("https://calendar.google.com/calendar/render?action=TEMPLATE");
    await ok(
      await as(`/api/v1/assets/${assetId}/sequence/steps/1/test`, {
        method: "POST",
        json: { to: "mia@team.test", lead_email: "zhou.min@factory.example", locale: "zh-CN" },
      }),
      202,
    );
    const mail = resend.delivered.find((d) => d.to === "mia@team.test")!;
    expect(mail.subject).toBe(`[Test] ${preview.subject}`);
    expect(mail.html).toContain("行为分与画像分");
    const lead = await ok<{ nurture: { next_step_at: string }[] }>(
      await as(`/api/v1/leads/${leadId}`),
    );
    expect(Date.parse(lead.nurture[0]!.next_step_at)).toBe(start.utc - 24 * HOUR);
  });

  it("after the class, the imported attendance moves the lead's score", async () => {
    const score = async () =>
      (await ok<{ score: { total: number } }>(await as(`/api/v1/leads/${leadId}`))).score.total;
    const before = await score();
    // The class took place (time is the one thing the API cannot move).
    await env.DB.prepare("UPDATE course_sessions SET starts_at = ? WHERE id = ?")
      .bind(Date.now() - 2 * HOUR, sessionId)
      .run();
    const csv = [
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
      "Zhou Min,zhou.min@factory.example,12/09/2026 07:01:10 PM,12/09/2026 08:05:00 PM,64,Yes",
    ].join("\r\n");
    const report = await ok<{ format: string; attended: number; no_shows: number }>(
      await as(`/api/v1/assets/${assetId}/sessions/${sessionId}/attendance`, {
        method: "POST",
        body: csv,
        headers: { "content-type": "text/csv" },
      }),
    );
    expect(report).toMatchObject({ format: "zoom", attended: 1, no_shows: 0 });
    const after = await waitFor(
      async () => ((await score()) !== before ? score() : null),
      "the attendance's points",
    );
    expect(after).toBe(before + 25);
  });
});
