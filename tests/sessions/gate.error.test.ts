// The course gate refuses what it cannot honour: a full session (also under concurrent sign-ups), an unknown or past
// one, a course with no sessions; in the page's language, for forms and JSON alike.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { makeSession } from "../support/fixtures";
import { fetchWorker, postForm } from "../support/http";
import { HOUR, createSessionViaApi, makeCourse, shanghaiLocal } from "../support/sessions";
import { signUp } from "./support";

const seatsTaken = async (sessionId: number) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM session_registrations WHERE session_id = ?")
    .bind(sessionId)
    .first<{ n: number }>())!.n;

describe("a full session", () => {
  it("shows closed on the landing page and the gate refuses it, naming the field (JSON, en)", async () => {
    const asset = await makeCourse({ locale: "en" });
    const full = await createSessionViaApi(asset.id, {
      starts_at: shanghaiLocal(3, 19).local,
      time_zone: "Asia/Shanghai",
      capacity: 1,
    });
    const open = await createSessionViaApi(asset.id, {
      starts_at: shanghaiLocal(4, 19).local,
      time_zone: "Asia/Shanghai",
    });
    expect((await signUp(asset.slug, "first@example.com", full.id)).status).toBe(201);
    // Submitting again is harmless: the seat is already theirs.
    expect((await signUp(asset.slug, "first@example.com", full.id)).status).toBe(200);

    const page = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(page).toMatch(new RegExp(`value="${full.id}"[^>]*disabled`));
    expect(page).toContain("· Full");
    expect(page).toMatch(new RegExp(`value="${open.id}" checked`));

    const refused = await signUp(asset.slug, "second@example.com", full.id);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: {
        code: "BAD_REQUEST",
        details: {
          fields: { session: ["This session is full or no longer open: choose another"] },
        },
      },
    });
    expect(await seatsTaken(full.id)).toBe(1);
    expect((await signUp(asset.slug, "second@example.com", open.id)).status).toBe(201);
  });

  it("re-renders the form with the message in Chinese for a zh-CN course", async () => {
    const asset = await makeCourse({ locale: "zh-CN" });
    const s = await createSessionViaApi(asset.id, {
      starts_at: shanghaiLocal(3, 19).local,
      time_zone: "Asia/Shanghai",
      capacity: 1,
    });
    await signUp(asset.slug, "a@example.cn", s.id);
    const res = await postForm(`/p/${asset.slug}`, {
      email: "b@example.cn",
      name: "陈美",
      session: String(s.id),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("该场次已满或已停止报名，请选择其他场次");
    expect(html).toContain('id="session-error"');
    expect(html).toContain("已满");
  });

  it("concurrent sign-ups for the last seats get exactly as many seats as there are", async () => {
    const asset = await makeCourse();
    const s = await createSessionViaApi(asset.id, {
      starts_at: shanghaiLocal(3, 19).local,
      time_zone: "Asia/Shanghai",
      capacity: 3,
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signUp(asset.slug, `racer${i}@example.com`, s.id)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((st) => st === 201)).toHaveLength(3);
    expect(statuses.filter((st) => st === 400 || st === 409)).toHaveLength(5);
    expect(await seatsTaken(s.id)).toBe(3);
    const list = (await (await api(`/api/v1/assets/${asset.id}/sessions`)).json()) as {
      data: { registered: number; seats_left: number }[];
    };
    expect(list.data[0]).toMatchObject({ registered: 3, seats_left: 0 });
  });
});

describe("sessions a visitor cannot pick", () => {
  it("a past session disappears from the page and the gate refuses it", async () => {
    const asset = await makeCourse();
    const past = await makeSession(asset.id, Date.now() - HOUR, "Asia/Shanghai");
    const next = await createSessionViaApi(asset.id, {
      starts_at: shanghaiLocal(5, 19).local,
      time_zone: "Asia/Shanghai",
    });
    const page = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(page).not.toContain(`value="${past.id}"`);
    expect(page).toContain(`value="${next.id}"`);
    const res = await signUp(asset.slug, "late@example.com", past.id);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { details: { fields: { session: [expect.any(String)] } } },
    });
  });

  it("an unknown session or another course's session is refused", async () => {
    const asset = await makeCourse();
    const other = await makeCourse();
    await createSessionViaApi(asset.id, {
      starts_at: shanghaiLocal(5, 19).local,
      time_zone: "Asia/Shanghai",
    });
    const theirs = await createSessionViaApi(other.id, {
      starts_at: shanghaiLocal(5, 19).local,
      time_zone: "Asia/Shanghai",
    });
    expect((await signUp(asset.slug, "x@example.com", theirs.id)).status).toBe(400);
    expect((await signUp(asset.slug, "x@example.com", 99_999_999)).status).toBe(400);
    expect((await signUp(asset.slug, "x@example.com", undefined, { session: "abc" })).status).toBe(
      400,
    );
  });

  it("with no sessions the page says so, cannot be submitted, and the gate refuses", async () => {
    const asset = await makeCourse({ locale: "en" });
    const page = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(page).toContain("No upcoming sessions are open right now.");
    expect(page).toMatch(/<button type="submit" disabled/);
    const res = await signUp(asset.slug, "early@example.com");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { details: { fields: { session: [expect.any(String)] } } },
    });
  });
});

describe("scheduling input", () => {
  it.each([
    [{ starts_at: "2030-01-02T19:00" }, "time_zone"],
    [{ starts_at: "2030-01-02T19:00", time_zone: "Mars/Olympus" }, "time_zone"],
    [{ starts_at: "next tuesday" }, "starts_at"],
    [{ starts_at: "2030-02-30T19:00", time_zone: "Asia/Shanghai" }, "starts_at"],
    [{ starts_at: "2020-01-02T19:00+08:00" }, "starts_at"],
    [{ starts_at: "2030-01-02T19:00+08:00", join_url: "http://meet.example.com/j" }, "join_url"],
    [{ starts_at: "2030-01-02T19:00+08:00", join_url: "javascript:alert(1)" }, "join_url"],
    [{ starts_at: "2030-01-02T19:00+08:00", capacity: 0 }, "capacity"],
  ])("%j is refused with a 400 naming %s", async (body, field) => {
    const asset = await makeCourse();
    const res = await api(`/api/v1/assets/${asset.id}/sessions`, {
      method: "POST",
      json: { join_url: "https://meet.example.com/j", ...body },
    });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(err.error.details.fields)).toContain(field);
  });

  it("a whitepaper has no sessions (409) and an unknown asset is a 404", async () => {
    const paper = await makeCourse({ kind: "whitepaper", fileKey: "assets/x.pdf" });
    const body = { starts_at: "2030-01-02T19:00+08:00", join_url: "https://m.example/j" };
    expect(
      (await api(`/api/v1/assets/${paper.id}/sessions`, { method: "POST", json: body })).status,
    ).toBe(409);
    expect(
      (await api("/api/v1/assets/99999999/sessions", { method: "POST", json: body })).status,
    ).toBe(404);
    expect((await api(`/api/v1/assets/${paper.id}/sessions/1`)).status).toBe(409);
  });
});
