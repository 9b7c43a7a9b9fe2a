// Course sessions in tests: a course asset, a session made through the API, and one written straight to D1 (past ones).
import { api } from "./api";
import { makeAsset, makeSession } from "./fixtures";
import type { NewAsset } from "../../src/db/schema";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export async function makeCourse(over: Partial<NewAsset> = {}) {
  return makeAsset({ kind: "course", fileKey: null, timezone: "Asia/Shanghai", ...over });
}

/** "YYYY-MM-DDTHH:mm" in Asia/Shanghai, `days` ahead of today, at `hour` o'clock. */
export function shanghaiLocal(days: number, hour: number): { local: string; utc: number } {
  const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
  const utc = Date.parse(`${today}T${String(hour).padStart(2, "0")}:00:00+08:00`) + days * DAY;
  const local = new Date(utc + 8 * HOUR).toISOString().slice(0, 16);
  return { local, utc };
}

export async function createSessionViaApi(
  assetId: number,
  body: Record<string, unknown>,
  token?: string,
) {
  const res = await api(`/api/v1/assets/${assetId}/sessions`, {
    method: "POST",
    json: { join_url: "https://meeting.example.com/j/123", ...body },
    token,
  });
  if (res.status !== 201) throw new Error(`session create: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: number; starts_at: string; calendar_sequence: number };
}

/** A session that started an hour ago (its attendance can be imported). */
export async function pastSession(assetId: number) {
  return makeSession(assetId, Date.now() - HOUR, "Asia/Shanghai");
}
