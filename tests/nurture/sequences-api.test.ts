import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { fetchWorker, postJson } from "../support/http";

const auth = { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" };
const put = (assetId: number, body: unknown) =>
  fetchWorker(`/api/v1/assets/${assetId}/sequence`, {
    method: "PUT",
    headers: auth,
    body: JSON.stringify(body),
  });
const get = (assetId: number) =>
  fetchWorker(`/api/v1/assets/${assetId}/sequence`, { headers: auth });

describe("authoring a drip through the API", () => {
  it("a marketer writes a sequence for an asset, reads it back, and new leads are enrolled in it", async () => {
    const asset = await makeAsset();
    const res = await put(asset.id, {
      name: "Follow-up",
      steps: [
        { template: "whitepaper-welcome", delayMinutes: 0 },
        {
          template: "whitepaper-follow-up",
          delayMinutes: 2880,
          conditions: { skipIfQualified: true },
          sendWindow: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, timezone: "lead" },
        },
      ],
    });
    expect(res.status).toBe(201);
    const created = await res.json<{
      sequence_id: number;
      steps: { position: number; template: string; delay_minutes: number }[];
    }>();
    expect(created.steps.map((s) => [s.position, s.template, s.delay_minutes])).toEqual([
      [1, "whitepaper-welcome", 0],
      [2, "whitepaper-follow-up", 2880],
    ]);
    expect(await (await get(asset.id)).json()).toEqual(created);

    const { lead_id } = await (
      await postJson(`/p/${asset.slug}`, { email: "drip@example.com", name: "D", consent: true })
    ).json<{ lead_id: number }>();
    const enrolment = await env.DB.prepare(
      "SELECT sequence_id, status FROM enrolments WHERE lead_id = ?",
    )
      .bind(lead_id)
      .first();
    expect(enrolment).toEqual({ sequence_id: created.sequence_id, status: "active" });
  });

  it("refuses a step whose template needs what the asset cannot supply, naming the step, and stores nothing", async () => {
    const asset = await makeAsset();
    const res = await put(asset.id, {
      name: "Wrong",
      steps: [
        { template: "whitepaper-welcome", delayMinutes: 0 },
        { template: "course-reminder-day", delayMinutes: 60 },
      ],
    });
    expect(res.status).toBe(400);
    const body = await res.json<{
      error: { code: string; details: { fields: Record<string, string[]> } };
    }>();
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.details.fields["steps.1"]!.join(" ")).toContain("session_time");
    expect((await get(asset.id)).status).toBe(404);
    expect(
      await env.DB.prepare("SELECT count(*) n FROM sequences WHERE name = 'Wrong'").first("n"),
    ).toBe(0);
  });

  it.each([
    [{ name: "x", steps: [{ template: "no-such-template", delayMinutes: 0 }] }],
    [{ name: "x", steps: [] }],
    [{ name: "x", steps: "whitepaper-welcome" }],
    [{ steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] }],
    [{ name: "x", steps: [{ template: "whitepaper-welcome", delayMinutes: -60 }] }],
  ])("refuses a malformed sequence with 400: %o", async (body) => {
    const asset = await makeAsset();
    const res = await put(asset.id, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  it("an unknown asset is a 404; an asset without a drip reads as 404 too", async () => {
    expect(
      (
        await put(999999, {
          name: "x",
          steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
        })
      ).status,
    ).toBe(404);
    const asset = await makeAsset();
    expect((await get(asset.id)).status).toBe(404);
  });
});
