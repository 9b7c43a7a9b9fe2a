// A marketer schedules a course session by API; a lead picks it at the gate; reminders, calendar files and the room
// link follow the session, also when it moves or is cancelled.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { api, makeToken } from "../support/api";
import { fetchWorker } from "../support/http";
import { QUEUE_TIMEOUTS, waitFor } from "../support/leads";
import { DAY, HOUR, shanghaiLocal } from "../support/sessions";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { verifyLink } from "../../src/domain/signed-link";
import {
  courseWithDrip,
  enrolmentOf,
  fromBase64,
  icsInstant,
  readIcs,
  signUp,
  unescapeIcs,
  type GateAnswer,
} from "./support";

vi.setConfig(QUEUE_TIMEOUTS);
let resend: ResendFake;
beforeAll(() => {
  resend = fakeResend();
});
afterAll(() => resend.restore());

describe("a course session at 19:00 Asia/Shanghai two days ahead", () => {
  it("is scheduled by API, picked at the gate, reminded 24 h before, and its .ics carries the instant and the room", async () => {
    const asset = await courseWithDrip();
    const at = shanghaiLocal(2, 19);
    const created = await api(`/api/v1/assets/${asset.id}/sessions`, {
      method: "POST",
      json: {
        starts_at: at.local,
        time_zone: "Asia/Shanghai",
        duration_minutes: 90,
        join_url: "https://meeting.example.com/j/777",
        capacity: 50,
      },
    });
    expect(created.status).toBe(201);
    const session = (await created.json()) as Record<string, unknown>;
    expect(session).toMatchObject({
      starts_at: new Date(at.utc).toISOString(),
      time_zone: "Asia/Shanghai",
      duration_minutes: 90,
      capacity: 50,
      registered: 0,
      seats_left: 50,
      status: "scheduled",
      calendar_sequence: 0,
    });
    // The same instant given with its offset is the same session time.
    expect(new Date(at.utc).toISOString()).toBe(
      new Date(Date.parse(`${at.local}:00+08:00`)).toISOString(),
    );

    const page = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(page).toContain(`name="session" value="${session.id}"`);
    expect(page).toContain('data-zone="Asia/Shanghai"');

    const res = await signUp(asset.slug, "ann@example.com", session.id as number);
    expect(res.status).toBe(201);
    const gate = (await res.json()) as GateAnswer;
    expect(gate.session_id).toBe(session.id);
    expect(gate.session_starts_at).toBe(new Date(at.utc).toISOString());

    const lead = (await (await api(`/api/v1/leads/${gate.lead_id}`)).json()) as {
      nurture: { next_step_at: string | null; state: string }[];
    };
    expect(lead.nurture[0]).toMatchObject({
      state: "enrolled",
      next_step_at: new Date(at.utc - 24 * HOUR).toISOString(),
    });

    const file = await fetchWorker(
      new URL(gate.calendar_url!).pathname + new URL(gate.calendar_url!).search,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await file.text();
    const ev = readIcs(ics);
    expect(icsInstant(ev.DTSTART!)).toBe(at.utc);
    expect(icsInstant(ev.DTEND!)).toBe(at.utc + 90 * 60_000);
    expect(ev.UID).toBe(`session-${session.id}@lodestone.test`);
    expect(ev.SEQUENCE).toBe("0");
    expect(ev.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(ics).not.toContain("TZID");
    // The registrant's join link, in LOCATION, URL and DESCRIPTION, opens the room.
    expect(unescapeIcs(ev.LOCATION!)).toBe(gate.download_url);
    expect(ev.URL).toBe(gate.download_url);
    expect(unescapeIcs(ev.DESCRIPTION!)).toContain(gate.download_url);
    expect(ics.replace(/\r\n /g, "")).toMatch(/ATTENDEE;CN="Ann Lee".*:mailto:ann@example\.com/);
    const room = await fetchWorker(new URL(gate.download_url).pathname);
    expect(room.status).toBe(302);
    expect(room.headers.get("location")).toBe("https://meeting.example.com/j/777");

    const google = new URL(gate.google_calendar_url!);
    expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(google.searchParams.get("action")).toBe("TEMPLATE");
    expect(google.searchParams.get("text")).toBe(asset.title);
    expect(google.searchParams.get("dates")).toBe(`${ev.DTSTART}/${ev.DTEND}`);
    expect(google.searchParams.get("location")).toBe(gate.download_url);
  });

  it("keeps the room link working past 7 days when the session is later, until a week after it ends", async () => {
    const asset = await courseWithDrip();
    const at = shanghaiLocal(10, 19);
    const s = (await (
      await api(`/api/v1/assets/${asset.id}/sessions`, {
        method: "POST",
        json: {
          starts_at: at.local,
          time_zone: "Asia/Shanghai",
          join_url: "https://m.example/j/10",
        },
      })
    ).json()) as { id: number };
    const gate = (await (await signUp(asset.slug, "later@example.com", s.id)).json()) as GateAnswer;
    const token = new URL(gate.download_url).pathname.split("/").pop()!;
    const secret = env.SIGNING_SECRET;
    expect((await verifyLink(secret, "download", token, Date.now() + 8 * DAY)).ok).toBe(true);
    expect((await verifyLink(secret, "download", token, at.utc + HOUR + 6 * DAY)).ok).toBe(true);
    expect((await verifyLink(secret, "download", token, at.utc + HOUR + 8 * DAY)).ok).toBe(false);
  });
});

describe("moving and cancelling a session", () => {
  it("moves the 24 h reminder and emails each registrant an iTIP REQUEST with a higher SEQUENCE; cancelling sends CANCEL and stops the reminders", async () => {
    const asset = await courseWithDrip();
    const at = shanghaiLocal(2, 19);
    const s = (await (
      await api(`/api/v1/assets/${asset.id}/sessions`, {
        method: "POST",
        json: {
          starts_at: at.local,
          time_zone: "Asia/Shanghai",
          join_url: "https://m.example/j/2",
        },
      })
    ).json()) as { id: number };
    const gate = (await (await signUp(asset.slug, "mover@example.com", s.id)).json()) as GateAnswer;
    const before = readIcs(
      await (
        await fetchWorker(new URL(gate.calendar_url!).pathname + new URL(gate.calendar_url!).search)
      ).text(),
    );

    const later = shanghaiLocal(3, 20);
    const moved = await api(`/api/v1/assets/${asset.id}/sessions/${s.id}`, {
      method: "PATCH",
      json: { starts_at: later.local, time_zone: "Asia/Shanghai" },
    });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ calendar_sequence: 1, registered: 1 });

    const enrolment = await waitFor(async () => {
      const e = await enrolmentOf(gate.lead_id);
      return e?.next_due_at === later.utc - 24 * HOUR && e;
    }, "the reminder to move with the session");
    expect(enrolment.status).toBe("active");
    const update = await waitFor(
      async () =>
        resend.delivered.find((d) => d.to === "mover@example.com" && d.attachments.length),
      "the calendar update email",
    );
    expect(update.subject).toBe(`New time: ${asset.title}`);
    expect(update.key).toBe(`session-${s.id}-lead-${gate.lead_id}-seq-1`);
    const invite = update.attachments[0]!;
    expect(invite.filename).toBe("invite.ics");
    expect(invite.content_type).toBe("text/calendar; method=REQUEST; charset=utf-8");
    const req = readIcs(fromBase64(invite.content));
    expect(req.METHOD).toBe("REQUEST");
    expect(req.UID).toBe(before.UID);
    expect(Number(req.SEQUENCE)).toBe(Number(before.SEQUENCE) + 1);
    expect(icsInstant(req.DTSTART!)).toBe(later.utc);
    const raw = fromBase64(invite.content).replace(/\r\n /g, "");
    expect(raw).toMatch(/ORGANIZER;CN=.*:mailto:/);
    expect(raw).toMatch(/ATTENDEE;.*:mailto:mover@example\.com/);
    expect(update.text).toContain("Google Calendar");

    const gone = await api(`/api/v1/assets/${asset.id}/sessions/${s.id}`, { method: "DELETE" });
    expect(gone.status).toBe(200); // somebody registered: cancelled, not deleted
    expect(await gone.json()).toMatchObject({ status: "cancelled", calendar_sequence: 2 });
    const cancel = await waitFor(
      async () =>
        resend.delivered.find(
          (d) => d.to === "mover@example.com" && d.attachments[0]?.filename === "cancel.ics",
        ),
      "the cancellation email",
    );
    const c = readIcs(fromBase64(cancel.attachments[0]!.content));
    expect(c).toMatchObject({
      METHOD: "CANCEL",
      UID: before.UID,
      SEQUENCE: "2",
      STATUS: "CANCELLED",
    });
    const stopped = await waitFor(async () => {
      const e = await enrolmentOf(gate.lead_id);
      return e?.status === "stopped" && e;
    }, "the reminders to stop");
    expect(stopped).toMatchObject({ next_due_at: null, stopped_reason: "session_cancelled" });
    // The cancelled session leaves the landing page, and its room link no longer opens it.
    expect(await (await fetchWorker(`/p/${asset.slug}`)).text()).not.toContain(`value="${s.id}"`);
    expect((await fetchWorker(new URL(gate.download_url).pathname)).status).toBe(410);
  });

  it("a sales token cannot create, edit or cancel sessions, and can read none", async () => {
    const asset = await courseWithDrip();
    const sales = (await makeToken(["sales"])).token;
    const marketing = (await makeToken(["marketing"])).token;
    const body = {
      starts_at: shanghaiLocal(4, 19).local,
      time_zone: "Asia/Shanghai",
      join_url: "https://m.example/j",
    };
    const path = `/api/v1/assets/${asset.id}/sessions`;
    expect((await api(path, { method: "POST", json: body, token: sales })).status).toBe(403);
    const made = await api(path, { method: "POST", json: body, token: marketing });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: number };
    expect(
      (await api(`${path}/${id}`, { method: "PATCH", json: { capacity: 1 }, token: sales })).status,
    ).toBe(403);
    expect((await api(`${path}/${id}`, { method: "DELETE", token: sales })).status).toBe(403);
    expect((await api(path, { token: sales })).status).toBe(403);
    expect((await api(`${path}/${id}`)).status).toBe(200);
  });
});
