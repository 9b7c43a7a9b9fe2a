// Every course email carries "add to calendar": the registrant's .ics and a Google Calendar link; the room link in it
// names their session. The dashboard page schedules, lists and cancels sessions.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchWorker } from "../support/http";
import { QUEUE_TIMEOUTS, waitFor } from "../support/leads";
import { HOUR, createSessionViaApi, shanghaiLocal } from "../support/sessions";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { tick } from "../nurture/support/nurture";
import { login } from "../admin/support/browser-like";
import { courseWithDrip, readIcs, signUp, type GateAnswer } from "./support";

vi.setConfig(QUEUE_TIMEOUTS);
let resend: ResendFake;
beforeAll(() => {
  resend = fakeResend();
});
afterAll(() => resend.restore());

describe("course emails", () => {
  it("the day-before reminder has an add-to-calendar block with the registrant's .ics and Google Calendar", async () => {
    const asset = await courseWithDrip({ locale: "zh-CN" });
    const at = shanghaiLocal(2, 19);
    const s = await createSessionViaApi(asset.id, {
      starts_at: at.local,
      time_zone: "Asia/Shanghai",
    });
    const gate = (await (await signUp(asset.slug, "remind@example.cn", s.id)).json()) as GateAnswer;
    await tick(at.utc - 24 * HOUR + 60_000);
    const mail = await waitFor(
      async () => resend.delivered.find((d) => d.to === "remind@example.cn"),
      "the reminder",
    );
    expect(mail.subject).toBe(`明天开课：${asset.title}`);
    expect(mail.html).toContain("添加到日历");
    expect(mail.html).toContain("https://calendar.google.com/calendar/render?action=TEMPLATE");
    const icsHref = /href="(https:\/\/lodestone\.test\/p\/[^"]+\/calendar\.ics\?t=[^"]+)"/.exec(
      mail.html,
    )?.[1];
    expect(icsHref).toBeDefined();
    expect(icsHref!.replace(/&amp;/g, "&")).toBe(gate.calendar_url);
    expect(mail.text).toContain(`日历文件（.ics）: ${gate.calendar_url}`);
    const ev = readIcs(
      await (
        await fetchWorker(new URL(gate.calendar_url!).pathname + new URL(gate.calendar_url!).search)
      ).text(),
    );
    expect(ev.URL).toBe(gate.download_url);
  });
});

describe("the sessions dashboard page", () => {
  it("adds a session at a local time, shows the registrant count, and cancels it", async () => {
    const asset = await courseWithDrip();
    const admin = await login();
    const detail = await (await admin.get(`/admin/assets/${asset.id}`)).text();
    expect(detail).toContain(`href="/admin/assets/${asset.id}/sessions"`);
    const at = shanghaiLocal(6, 19);
    const made = await admin.post(`/admin/assets/${asset.id}/sessions`, {
      starts_at: at.local,
      time_zone: "Asia/Shanghai",
      duration_minutes: "45",
      capacity: "",
      join_url: "https://meeting.example.com/j/dash",
    });
    expect(made.status).toBe(303);
    const bad = await admin.post(`/admin/assets/${asset.id}/sessions`, {
      starts_at: at.local,
      time_zone: "Nowhere/Land",
      join_url: "https://meeting.example.com/j/dash",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("time_zone");

    const landing = await (await fetchWorker(`/p/${asset.slug}`)).text();
    const sid = Number(/name="session" value="(\d+)"/.exec(landing)![1]);
    await signUp(asset.slug, "dash@example.com", sid);
    const page = await (await admin.get(`/admin/assets/${asset.id}/sessions`)).text();
    expect(page).toContain('<strong class="registered">1</strong>');
    expect(page).toContain("unlimited");
    expect(page).toContain(`value="${at.local}"`);

    expect((await admin.post(`/admin/assets/${asset.id}/sessions/${sid}/cancel`, {})).status).toBe(
      303,
    );
    expect(await (await admin.get(`/admin/assets/${asset.id}/sessions`)).text()).toContain(
      "Cancelled",
    );
    // A forged form (no CSRF token) changes nothing.
    expect(
      (
        await admin.post(
          `/admin/assets/${asset.id}/sessions`,
          { starts_at: at.local },
          { csrf: null },
        )
      ).status,
    ).toBe(403);
  });
});
