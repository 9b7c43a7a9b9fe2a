// Importing a session's attendance (Zoom, Tencent Meeting, Feishu exports): registrants marked attended or no-show,
// attendance scored once, the same file again changes nothing, and the follow-up branches on it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { makeSession } from "../support/fixtures";
import { QUEUE_TIMEOUTS, waitFor } from "../support/leads";
import { HOUR, makeCourse, shanghaiLocal } from "../support/sessions";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { MINUTE, tick, settledSends, ofLead } from "../nurture/support/nurture";
import { authorSequence } from "../../src/services/nurture/author-sequence";
import { db } from "../support/fixtures";
import { signUp, type GateAnswer } from "./support";

vi.setConfig(QUEUE_TIMEOUTS);
let resend: ResendFake;
beforeAll(async () => {
  resend = fakeResend();
  const rule = await api("/api/v1/score-rules", {
    method: "POST",
    json: {
      kind: "behaviour",
      field: "event",
      match: ["session_attended"],
      points: 25,
      label: "Came to class",
    },
  });
  expect(rule.status).toBe(201);
});
afterAll(() => resend.restore());

const fixture = (name: string) =>
  Uint8Array.from(atob(env.ATTENDANCE_FIXTURES[name]!), (c) => c.charCodeAt(0));

/** A course whose session is two days out: Ann and Bo register, then the session is moved to an hour ago. */
async function heldSession() {
  const asset = await makeCourse();
  const s = await makeSession(asset.id, shanghaiLocal(2, 19).utc, "Asia/Shanghai");
  const leads: Record<string, number> = {};
  for (const email of ["ann@example.com", "bo@example.com"]) {
    const res = await signUp(asset.slug, email, s.id);
    leads[email] = ((await res.json()) as GateAnswer).lead_id;
  }
  await env.DB.prepare("UPDATE course_sessions SET starts_at = ? WHERE id = ?")
    .bind(Date.now() - 2 * HOUR, s.id)
    .run();
  return { asset, session: s, leads };
}

const importFile = (assetId: number, sessionId: number, body: Uint8Array | string) =>
  api(`/api/v1/assets/${assetId}/sessions/${sessionId}/attendance`, {
    method: "POST",
    body,
    headers: { "content-type": "text/csv" },
  });

const scoreOf = async (leadId: number) =>
  ((await (await api(`/api/v1/leads/${leadId}`)).json()) as { score: { total: number } }).score
    .total;

const marks = async (sessionId: number) =>
  (
    await env.DB.prepare(
      "SELECT l.email, r.attendance, r.attended_minutes AS minutes FROM session_registrations r JOIN leads l ON l.id = r.lead_id WHERE r.session_id = ? ORDER BY l.email",
    )
      .bind(sessionId)
      .all()
  ).results;

describe.each([
  ["zoom-participants.csv", "zoom", 54],
  ["tencent-meeting-gbk.csv", "tencent_meeting", 57],
  ["feishu-participants.csv", "feishu", 47],
])("an attendance export (%s)", (file, format, minutes) => {
  it("marks the registrant in it attended and the other a no-show, moves the score once, and a re-import changes nothing", async () => {
    const { asset, session, leads } = await heldSession();
    const ann = leads["ann@example.com"]!;
    const before = await scoreOf(ann);

    const res = await importFile(asset.id, session.id, fixture(file));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      format,
      matched: 1,
      unmatched: expect.arrayContaining(["walkin@example.org", "host@lodestone.example"]),
      attended: 1,
      no_shows: 1,
      changed: 2,
    });
    expect(await marks(session.id)).toEqual([
      { email: "ann@example.com", attendance: "attended", minutes },
      { email: "bo@example.com", attendance: "no_show", minutes: null },
    ]);
    const after = await waitFor(async () => {
      const s = await scoreOf(ann);
      return s > before && s;
    }, "the attendance to score");
    expect(after - before).toBe(25);

    const again = await importFile(asset.id, session.id, fixture(file));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ attended: 1, no_shows: 1, changed: 0 });
    const events = await env.DB.prepare(
      "SELECT count(*) AS n FROM events WHERE lead_id = ? AND type = 'session_attended' AND json_extract(data, '$.session_id') = ?",
    )
      .bind(ann, session.id)
      .first<{ n: number }>();
    expect(events!.n).toBe(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await scoreOf(ann)).toBe(after);
  });
});

describe("attendance import refusals", () => {
  it("refuses a file with no email column, an empty body, and a session that has not started", async () => {
    const { asset, session } = await heldSession();
    const none = await importFile(asset.id, session.id, "Name,Minutes\nAnn,30\n");
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({
      error: { details: { fields: { file: [expect.any(String)] } } },
    });
    expect((await importFile(asset.id, session.id, "")).status).toBe(400);
    const soon = await makeSession(asset.id, Date.now() + 5 * HOUR, "Asia/Shanghai");
    expect((await importFile(asset.id, soon.id, "email\nann@example.com\n")).status).toBe(409);
  });

  it("a plain list of emails works too", async () => {
    const { asset, session } = await heldSession();
    const res = await importFile(asset.id, session.id, "BO@example.com\n");
    expect(await res.json()).toMatchObject({ format: "email_list", attended: 1, no_shows: 1 });
  });
});

describe("the follow-up branches on attendance", () => {
  it("the replay goes only to the no-show and the thanks only to the attendee", async () => {
    const asset = await makeCourse();
    await authorSequence(
      db(),
      asset,
      {
        name: "Follow-up",
        steps: [
          {
            template: "course-replay",
            anchor: "session_start",
            delayMinutes: 60,
            conditions: { skipIfAttended: true },
          },
          {
            template: "course-thanks-attended",
            anchor: "session_start",
            delayMinutes: 60,
            conditions: { skipIfNoShow: true },
          },
        ],
      },
      Date.now(),
    );
    const s = await makeSession(asset.id, shanghaiLocal(2, 19).utc, "Asia/Shanghai");
    const ids: number[] = [];
    for (const email of ["came@example.com", "missed@example.com"])
      ids.push(
        ((await (await signUp(asset.slug, email, s.id, { consent: true })).json()) as GateAnswer)
          .lead_id,
      );
    const start = Date.now() - 3 * HOUR;
    await env.DB.prepare("UPDATE course_sessions SET starts_at = ? WHERE id = ?")
      .bind(start, s.id)
      .run();
    await env.DB.prepare("UPDATE enrolments SET next_due_at = ? WHERE session_id = ?")
      .bind(start + 60 * MINUTE, s.id)
      .run();
    await importFile(asset.id, s.id, "email\ncame@example.com\n");

    await tick(Date.now());
    await tick(Date.now() + 1000);
    const came = await settledSends(ofLead(ids[0]!));
    const missed = await settledSends(ofLead(ids[1]!));
    expect(came.map((r) => [r.status, r.last_error])).toEqual([
      ["skipped", "attended_session"],
      ["sent", null],
    ]);
    expect(missed.map((r) => [r.status, r.last_error])).toEqual([
      ["sent", null],
      ["skipped", "missed_session"],
    ]);
  });
});
