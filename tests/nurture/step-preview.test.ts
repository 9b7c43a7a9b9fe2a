// Previewing a step for a real lead or a sample, and test-sending it: nothing written but the audit entry.
import { describe, it, expect, afterEach, beforeEach } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import { makeAsset } from "../support/fixtures";
import { api, captureViaGate } from "../support/api";

let resend: ResendFake;
beforeEach(() => {
  resend = fakeResend();
});
afterEach(() => resend.restore());

const body = "Hi {{first_name}} at {{company}},\n\n[[Read it]]({{download_link}})";
async function assetWithCopy() {
  const asset = await makeAsset();
  const res = await api(`/api/v1/assets/${asset.id}/sequence`, {
    method: "PUT",
    json: {
      name: "Preview",
      steps: [
        {
          template: "whitepaper-welcome",
          delayMinutes: 0,
          copy: {
            en: { subject: "For {{name}}", body },
            "zh-CN": {
              subject: "给{{name}}",
              body: "{{first_name}}，您好：\n\n[[阅读]]({{download_link}})",
            },
          },
        },
      ],
    },
  });
  expect(res.status).toBe(201);
  return asset;
}
const preview = (assetId: number, json: unknown, n = 1) =>
  api(`/api/v1/assets/${assetId}/sequence/steps/${n}/preview`, { method: "POST", json });
const testSend = (assetId: number, json: unknown, n = 1) =>
  api(`/api/v1/assets/${assetId}/sequence/steps/${n}/test`, { method: "POST", json });
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) n FROM ${table}`).first<number>("n")) ?? 0;

type Preview = { subject: string; html: string; text: string; locale: string; copy_source: string };

describe("previewing a step", () => {
  it("for a real lead uses their name and company, and writes nothing", async () => {
    const asset = await assetWithCopy();
    await captureViaGate(asset.slug, {
      email: "grace@example.com",
      name: "Grace Hopper",
      company: "Navy Labs",
      consent: true,
    });
    const [sends, events] = [await count("sends"), await count("events")];
    const res = await preview(asset.id, { lead_email: "grace@example.com" });
    expect(res.status).toBe(200);
    const p = await res.json<Preview>();
    expect(p.subject).toBe("For Grace Hopper");
    expect(p.html).toContain("Hi Grace at Navy Labs,");
    expect(p.text).toContain("Read it: http");
    expect(p.html).toContain("/d/"); // the lead's own signed download link, not a click token
    expect(p.html).not.toContain("/t/c/");
    expect(p.html).not.toContain("/t/o/");
    expect(p.copy_source).toBe("stored");
    expect([await count("sends"), await count("events")]).toEqual([sends, events]);
  });

  it("for a sample in Chinese, whose first name is the whole name", async () => {
    const asset = await assetWithCopy();
    const p = await (
      await preview(asset.id, { locale: "zh-CN", sample: { name: "王小明" } })
    ).json<Preview>();
    expect(p.subject).toBe("给王小明");
    expect(p.html).toContain("王小明，您好：");
  });

  it("an unsaved draft is previewed, and a lead named <script> is escaped", async () => {
    const asset = await assetWithCopy();
    const res = await preview(asset.id, {
      sample: { name: "<script>x()</script>" },
      copy: { subject: "S", body: "Hello **{{name}}**" },
    });
    const p = await res.json<Preview>();
    expect(p.copy_source).toBe("draft");
    expect(p.html).toContain("<strong>&lt;script&gt;x()&lt;/script&gt;</strong>");
    expect(p.html).not.toContain("<script>");
  });

  it("refuses draft copy with an unknown variable (naming the field), an unknown step, an unknown lead", async () => {
    const asset = await assetWithCopy();
    const bad = await preview(asset.id, { copy: { subject: "S", body: "{{nope}}" } });
    expect(bad.status).toBe(400);
    expect(
      Object.keys(
        (await bad.json<{ error: { details: { fields: object } } }>()).error.details.fields,
      ),
    ).toEqual(["copy.body"]);
    expect((await preview(asset.id, {}, 9)).status).toBe(404);
    expect((await preview(asset.id, { lead_id: 99999999 })).status).toBe(404);
    expect((await preview(asset.id, { extra: 1 })).status).toBe(400);
  });
});

describe("a test send", () => {
  it("arrives with [Test] in the subject and writes no send ledger row", async () => {
    const asset = await assetWithCopy();
    const sends = await count("sends");
    const res = await testSend(asset.id, {
      to: "Me@Example.com",
      sample: { name: "Ada Lovelace" },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const mail = resend.delivered.find((d) => d.to === "me@example.com")!;
    expect(mail.subject).toBe("[Test] For Ada Lovelace");
    expect(mail.html).toContain("Hi Ada at Analytical Engines Ltd,");
    expect(mail.tags).toContainEqual({ name: "category", value: "test" });
    expect(await count("sends")).toBe(sends);
    const audit = await env.DB.prepare(
      "SELECT action, subject_id FROM audit_log WHERE action = 'sequence.test_send' ORDER BY id DESC",
    ).first();
    expect(audit).toEqual({ action: "sequence.test_send", subject_id: String(asset.id) });
  });

  it("is refused for a suppressed address", async () => {
    const asset = await assetWithCopy();
    const lead = await captureViaGate(asset.slug, {
      email: "gone@example.com",
      name: "G",
      consent: true,
    });
    expect(lead).toBeGreaterThan(0);
    const res = await api(`/api/v1/leads/${lead}`, { method: "DELETE" });
    expect(res.status).toBeLessThan(300);
    const refused = await testSend(asset.id, { to: "gone@example.com" });
    expect(refused.status).toBe(409);
    expect(resend.delivered.filter((d) => d.to === "gone@example.com")).toEqual([]);
  });

  it("is limited to a handful every ten minutes", async () => {
    const asset = await assetWithCopy();
    await env.DB.prepare("DELETE FROM audit_log WHERE action = 'sequence.test_send'").run();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await testSend(asset.id, { to: `t${i}@example.com` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
