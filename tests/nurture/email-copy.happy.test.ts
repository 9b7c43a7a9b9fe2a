// Email copy written through the API: stored per step and locale, read back, and what the next real send says.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  captureLead,
  drainThenRestore,
  ofLead,
  sendRows,
  settledSends,
  tick,
  DAY,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { makeAsset } from "../support/fixtures";
import { api } from "../support/api";
import { postJson } from "../support/http";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const copy = (subject: string, body: string) => ({
  en: { subject, preheader: "A short note", body },
  "zh-CN": {
    subject: `${subject}（中文）`,
    preheader: "",
    body: `{{first_name}}，您好：\n\n${body}`,
  },
});
const twoSteps = (second: ReturnType<typeof copy>) => ({
  name: "Copy drip",
  steps: [
    { template: "whitepaper-welcome", delayMinutes: 0 },
    { template: "whitepaper-follow-up", delayMinutes: 2 * 24 * 60, copy: second },
  ],
});
const put = (assetId: number, json: unknown) =>
  api(`/api/v1/assets/${assetId}/sequence`, { method: "PUT", json });

describe("a step's copy lives in D1", () => {
  it("PUT with copy round-trips through GET; a step without copy starts from its template's words", async () => {
    const asset = await makeAsset();
    const body =
      "Hi {{first_name}},\n\nRead **{{asset_title}}** again.\n\n[[Open it]]({{download_link}})";
    const res = await put(asset.id, twoSteps(copy("Ideas for {{company}}", body)));
    expect(res.status).toBe(201);
    const got = await (await api(`/api/v1/assets/${asset.id}/sequence`)).json<{
      steps: { copy_stored: boolean; copy: Record<string, { subject: string; body: string }> }[];
    }>();
    expect(got.steps[1]!.copy.en).toEqual({
      subject: "Ideas for {{company}}",
      preheader: "A short note",
      body,
    });
    expect(got.steps[1]!.copy["zh-CN"]!.subject).toBe("Ideas for {{company}}（中文）");
    expect(got.steps[0]!.copy_stored).toBe(true);
    expect(got.steps[0]!.copy.en!.subject).toBe("Your copy of “{{asset_title}}”");
    expect(got.steps[0]!.copy["zh-CN"]!.body).toContain("[[下载白皮书]]({{download_link}})");
  });

  it("editing a step's words changes the next real send, for a lead already enrolled", async () => {
    resend = fakeResend();
    const asset = await makeAsset();
    const first = await put(
      asset.id,
      twoSteps(copy("Old words", "Hi {{first_name}},\n\nOld body.")),
    );
    const { sequence_id } = await first.json<{ sequence_id: number }>();
    const start = Date.now();
    const { lead_id } = await captureLead(asset.slug, "copy-edit@example.com", "Ada Lovelace");
    await tick(start + MINUTE);
    await settledSends(ofLead(lead_id));

    const edited = await put(
      asset.id,
      twoSteps(
        copy(
          "New words for {{first_name}}",
          "Hi {{first_name}},\n\nA *new* body from [us](https://example.com/more).",
        ),
      ),
    );
    expect(edited.status).toBe(200);
    expect((await edited.json<{ sequence_id: number }>()).sequence_id).toBe(sequence_id);

    await tick(start + 2 * DAY + MINUTE);
    await settledSends(ofLead(lead_id));
    const mails = resend.delivered.filter((d) => d.to === "copy-edit@example.com");
    expect(mails).toHaveLength(2);
    const mail = mails[1]!;
    expect(mail.subject).toBe("New words for Ada");
    expect(mail.html).toContain("Hi Ada,");
    expect(mail.html).toContain("<em>new</em>");
    expect(mail.html).not.toContain("Old body");
    // The marketer's link is tracked like every other.
    expect(mail.html).not.toContain('href="https://example.com/more"');
    expect(mail.html).toMatch(/href="[^"]*\/t\/c\/[^"]+"[^>]*>us<\/a>/);
    expect(mail.text).toContain("A new body from us (http");
  });

  it("a lead named <script> gets their name as text, never as markup", async () => {
    resend = fakeResend();
    const asset = await makeAsset();
    await put(asset.id, {
      name: "Escaping",
      steps: [
        {
          delayMinutes: 0,
          copy: copy(
            "Hello {{name}}",
            "Hi **{{name}}** from {{company}},\n\n[[Get it]]({{download_link}})",
          ),
        },
      ],
    });
    const res = await postJson(`/p/${asset.slug}`, {
      email: "script-name@example.com",
      name: "<script>alert(1)</script>",
      company: '"><img src=x onerror=alert(2)>',
      consent: true,
    });
    const { lead_id } = await res.json<{ lead_id: number }>();
    await tick(Date.now() + MINUTE);
    await settledSends(ofLead(lead_id));
    const mail = resend.delivered.find((d) => d.to === "script-name@example.com")!;
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img src=x");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.subject).toBe("Hello <script>alert(1)</script>");
  });

  it("a step written before copy lived in D1 still renders from its code template", async () => {
    resend = fakeResend();
    const asset = await makeAsset();
    await put(asset.id, {
      name: "Old",
      steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
    });
    await env.DB.prepare(
      "DELETE FROM email_copies WHERE step_id IN (SELECT st.id FROM sequence_steps st JOIN assets a ON a.sequence_id = st.sequence_id WHERE a.id = ?)",
    )
      .bind(asset.id)
      .run();
    const got = await (await api(`/api/v1/assets/${asset.id}/sequence`)).json<{
      steps: { copy_stored: boolean }[];
    }>();
    expect(got.steps[0]!.copy_stored).toBe(false);
    const { lead_id } = await captureLead(asset.slug, "old-step@example.com", "Grace Hopper");
    await tick(Date.now() + MINUTE);
    const [row] = await settledSends(ofLead(lead_id));
    expect(row!.status).toBe("sent");
    const mail = resend.delivered.find((d) => d.to === "old-step@example.com")!;
    expect(mail.subject).toBe(`Your copy of “${asset.title}”`);
    expect(mail.html).toContain("Hi Grace Hopper,");
    expect(await sendRows(ofLead(lead_id))).toHaveLength(1);
  });
});
