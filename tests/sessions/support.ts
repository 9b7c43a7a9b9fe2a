// Course sessions end to end: a course with the demo's drip, a lead through the gate choosing a session, the .ics read back.
import { env } from "cloudflare:workers";
import { authorSequence } from "../../src/services/nurture/author-sequence";
import { db } from "../support/fixtures";
import { postJson } from "../support/http";
import { makeCourse } from "../support/sessions";
import type { NewAsset } from "../../src/db/schema";

export const COURSE_DRIP = {
  name: "Open class: reminders and replay",
  steps: [
    { template: "course-reminder-day", anchor: "session_start" as const, delayMinutes: -24 * 60 },
    { template: "course-reminder-hour", anchor: "session_start" as const, delayMinutes: -60 },
    {
      template: "course-replay",
      anchor: "session_start" as const,
      delayMinutes: 24 * 60,
      conditions: { skipIfAttended: true },
    },
  ],
};

export async function courseWithDrip(over: Partial<NewAsset> = {}) {
  const asset = await makeCourse(over);
  await authorSequence(db(), asset, COURSE_DRIP, Date.now());
  return asset;
}

export interface GateAnswer {
  lead_id: number;
  download_url: string;
  session_id: number | null;
  session_starts_at: string | null;
  calendar_url: string | null;
  google_calendar_url: string | null;
}

export async function signUp(slug: string, email: string, session?: number, extra = {}) {
  return postJson(`/p/${slug}`, {
    email,
    name: "Ann Lee",
    consent: true,
    ...(session === undefined ? {} : { session: String(session) }),
    ...extra,
  });
}

/** An .ics as property → value (the VEVENT's, unfolded), plus the calendar's METHOD. */
export function readIcs(ics: string): Record<string, string> {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const out: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Z-]+)(;[^:]*)?:(.*)$/.exec(line);
    if (m && !(m[1]! in out)) out[m[1]!] = m[3]!;
  }
  return out;
}

/** 20261209T110000Z → epoch ms. */
export const icsInstant = (v: string) =>
  Date.parse(v.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));

export const unescapeIcs = (v: string) => v.replace(/\\([,;\\])/g, "$1").replace(/\\n/g, "\n");

export async function enrolmentOf(leadId: number) {
  return env.DB.prepare("SELECT * FROM enrolments WHERE lead_id = ?").bind(leadId).first<{
    id: number;
    status: string;
    next_due_at: number | null;
    session_id: number | null;
    stopped_reason: string | null;
  }>();
}

export const fromBase64 = (b64: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
