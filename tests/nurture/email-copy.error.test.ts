// Copy the API refuses at authoring, naming the field, and storing nothing.
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { api } from "../support/api";

const put = (assetId: number, json: unknown) =>
  api(`/api/v1/assets/${assetId}/sequence`, { method: "PUT", json });
type Refusal = {
  error: { code: string; message: string; details: { fields: Record<string, string[]> } };
};
const en = (subject: string, body: string) => ({ en: { subject, body } });

describe("copy refused at authoring", () => {
  it("an unknown variable is a 400 naming the field, and nothing is stored", async () => {
    const asset = await makeAsset();
    const res = await put(asset.id, {
      name: "Typo",
      steps: [
        { template: "whitepaper-welcome", delayMinutes: 0, copy: en("Hi {{frist_name}}", "Hello") },
      ],
    });
    expect(res.status).toBe(400);
    const body = await res.json<Refusal>();
    expect(body.error.details.fields["steps.0.copy.en.subject"]!.join(" ")).toContain(
      "{{frist_name}} is not a variable",
    );
    expect((await api(`/api/v1/assets/${asset.id}/sequence`)).status).toBe(404);
    expect(
      await env.DB.prepare("SELECT count(*) n FROM sequences WHERE name = 'Typo'").first("n"),
    ).toBe(0);
  });

  it("a variable the asset cannot supply ({{session_time}} on a whitepaper) is refused in the body", async () => {
    const asset = await makeAsset();
    const res = await put(asset.id, {
      name: "x",
      steps: [
        {
          template: "whitepaper-welcome",
          delayMinutes: 0,
          copy: en("s", "Starts {{session_time}}"),
        },
      ],
    });
    expect(res.status).toBe(400);
    expect((await res.json<Refusal>()).error.details.fields["steps.0.copy.en.body"]).toEqual([
      "{{session_time}} cannot be supplied by a whitepaper",
    ]);
  });

  it("a course may use {{session_time}} and {{join_link}}", async () => {
    const asset = await makeAsset({ kind: "course", fileKey: null });
    const res = await put(asset.id, {
      name: "Course",
      steps: [
        {
          template: "course-reminder-day",
          anchor: "session_start",
          delayMinutes: -24 * 60,
          copy: en("Starts {{session_time}}", "[[Join]]({{join_link}})"),
        },
      ],
    });
    expect(res.status).toBe(201);
  });

  it.each([
    [{ subject: "Hello", body: "x" }, "steps.0"],
    [{ body: "x" }, "steps.0"],
  ])(
    "a subject or body beside a step, not in its copy, is a 400, never dropped: %o",
    async (extra, key) => {
      const asset = await makeAsset();
      const res = await put(asset.id, {
        name: "x",
        steps: [{ template: "whitepaper-welcome", delayMinutes: 0, ...extra }],
      });
      expect(res.status).toBe(400);
      const fields = (await res.json<Refusal>()).error.details.fields;
      expect(JSON.stringify(fields)).toContain(key);
      expect(JSON.stringify(fields)).toMatch(/subject|body/);
    },
  );

  it("a step with neither a template nor copy in both locales names the missing locale", async () => {
    const asset = await makeAsset();
    const res = await put(asset.id, {
      name: "x",
      steps: [{ delayMinutes: 0, copy: en("Hi", "Body") }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json<Refusal>()).error.details.fields)).toEqual([
      "steps.0.copy.zh-CN",
    ]);
  });

  it.each([
    ["[x](javascript:alert(1))", "https://"],
    ["[[Go]]({{asset_title}})", "not a link"],
  ])("a link that is not a web address or a link variable is refused: %s", async (body, words) => {
    const asset = await makeAsset();
    const res = await put(asset.id, {
      name: "x",
      steps: [{ template: "whitepaper-welcome", delayMinutes: 0, copy: en("s", body) }],
    });
    expect(res.status).toBe(400);
    expect(
      (await res.json<Refusal>()).error.details.fields["steps.0.copy.en.body"]!.join(" "),
    ).toContain(words);
  });
});
