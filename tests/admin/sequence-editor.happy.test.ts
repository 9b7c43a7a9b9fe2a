// The sequence editor on an asset: write a drip, edit its steps without saving, preview the unsaved words, send a test.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { env } from "cloudflare:workers";
import { login, type Session } from "./support/browser-like";
import { memberSignedIn } from "./support/people";
import { editorFields } from "./support/sequence-form";
import { makeAsset } from "../support/fixtures";
import { api, captureViaGate } from "../support/api";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";

let resend: ResendFake;
let admin: Session;
beforeAll(async () => {
  resend = fakeResend();
  admin = await login();
});
afterAll(() => resend.restore());

const en = {
  subject: "Hello {{first_name}}",
  body: "Hi {{first_name}} from **{{company}}**,\n\n[[Read]]({{download_link}})",
};

describe("the sequence editor", () => {
  it("shows a new asset one step to start from, with a checkbox for every step condition", async () => {
    const asset = await makeAsset();
    const html = await (await admin.get(`/admin/assets/${asset.id}/sequence`)).text();
    expect(html).toContain('name="s0_en_subject"');
    expect(html).toContain("Your copy of “{{asset_title}}”");
    for (const key of ["skipIfDownloaded", "skipIfClicked", "skipIfQualified"])
      expect(html).toContain(`name="s0_cond_${key}"`);
    expect(await (await admin.get(`/admin/assets/${asset.id}`)).text()).toContain(
      `/admin/assets/${asset.id}/sequence`,
    );
  });

  it("saves a drip that the API then reads, and a second save of only words keeps the same sequence", async () => {
    const asset = await makeAsset();
    const first = await admin.post(
      `/admin/assets/${asset.id}/sequence`,
      editorFields(
        "Dashboard drip",
        [{ en }, { template: "whitepaper-follow-up", delay: "2", unit: "days" }],
        {
          op: "save",
        },
      ),
    );
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/admin/assets/${asset.id}/sequence?saved=steps`);
    const stored = await (await api(`/api/v1/assets/${asset.id}/sequence`)).json<{
      sequence_id: number;
      steps: { delay_minutes: number; copy: { en: { subject: string } } }[];
    }>();
    expect(stored.steps.map((s) => s.delay_minutes)).toEqual([0, 2880]);
    expect(stored.steps[0]!.copy.en.subject).toBe("Hello {{first_name}}");

    const again = await admin.post(
      `/admin/assets/${asset.id}/sequence`,
      editorFields(
        "Dashboard drip",
        [
          { en: { ...en, subject: "Changed {{first_name}}" } },
          { template: "whitepaper-follow-up", delay: "2", unit: "days" },
        ],
        { op: "save" },
      ),
    );
    expect(again.headers.get("location")).toBe(`/admin/assets/${asset.id}/sequence?saved=copy`);
    const after = await (await api(`/api/v1/assets/${asset.id}/sequence`)).json<typeof stored>();
    expect(after.sequence_id).toBe(stored.sequence_id);
    expect(after.steps[0]!.copy.en.subject).toBe("Changed {{first_name}}");
  });

  it("adding, moving and removing a step changes the form only, until it is saved", async () => {
    const asset = await makeAsset();
    const added = await admin.post(
      `/admin/assets/${asset.id}/sequence`,
      editorFields("Draft", [{ en }], { op: "add", add_template: "whitepaper-open-class" }),
    );
    const html = await added.text();
    expect(html).toContain('name="step_count" value="2"');
    expect(html).toContain("Join our open class");
    expect(html).toContain("Not saved yet");
    expect((await api(`/api/v1/assets/${asset.id}/sequence`)).status).toBe(404);
    const moved = await (
      await admin.post(
        `/admin/assets/${asset.id}/sequence`,
        editorFields("Draft", [{ en }, { template: "whitepaper-open-class" }], { op: "up:1" }),
      )
    ).text();
    expect(moved.indexOf('value="whitepaper-open-class"')).toBeLessThan(
      moved.indexOf('value="whitepaper-welcome"'),
    );
  });

  it("refuses an unknown variable with the field named, and saves nothing", async () => {
    const asset = await makeAsset();
    const res = await admin.post(
      `/admin/assets/${asset.id}/sequence`,
      editorFields("Bad", [{ en: { subject: "Hi {{firstname}}", body: "x" } }], { op: "save" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("copy.en.subject");
    expect(html).toContain("{{firstname}} is not a variable");
    expect((await api(`/api/v1/assets/${asset.id}/sequence`)).status).toBe(404);
  });

  it("previews the unsaved words for a real lead, escaped and in a sandbox", async () => {
    const asset = await makeAsset();
    await captureViaGate(asset.slug, {
      email: "dash-preview@example.com",
      name: "<b>Katherine</b> Johnson",
      company: "NASA",
      consent: true,
    });
    const res = await admin.post(
      `/admin/assets/${asset.id}/sequence/preview`,
      editorFields("Draft", [{ en }], {
        preview_step: "0",
        pv_locale: "en",
        pv_lead: "dash-preview@example.com",
      }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('sandbox=""');
    expect(html).toContain("Hello &lt;b&gt;Katherine&lt;/b&gt;");
    // Inside srcdoc the email is escaped once more: the lead's markup is twice-escaped text, never a tag.
    expect(html).toContain(
      "&amp;lt;b&amp;gt;Katherine&amp;lt;/b&amp;gt; from &lt;strong&gt;NASA&lt;/strong&gt;",
    );
  });

  it("sends a test of the unsaved words to an address, marked [Test], with no ledger row", async () => {
    const asset = await makeAsset();
    const sends = await env.DB.prepare("SELECT count(*) n FROM sends").first("n");
    const res = await admin.post(
      `/admin/assets/${asset.id}/sequence/test`,
      editorFields("Draft", [{ en }], {
        test_step: "0",
        pv_locale: "en",
        test_to: "dash-test@example.com",
      }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.text()).toContain("Test sent to dash-test@example.com");
    const mail = resend.delivered.find((d) => d.to === "dash-test@example.com")!;
    expect(mail.subject).toBe("[Test] Hello Ada");
    expect(await env.DB.prepare("SELECT count(*) n FROM sends").first("n")).toBe(sends);
  });

  it("a viewer reads the editor, but cannot preview (every dashboard POST needs more than reading), save or send a test", async () => {
    const asset = await makeAsset();
    const viewer = await memberSignedIn(resend, admin, "viewer");
    const page = await viewer.get(`/admin/assets/${asset.id}/sequence`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('value="save"');
    const preview = await viewer.post(
      `/admin/assets/${asset.id}/sequence/preview`,
      editorFields("Draft", [{ en }], { preview_step: "0" }),
    );
    expect(preview.status).toBe(403);
    for (const path of ["sequence", "sequence/test"])
      expect(
        (
          await viewer.post(
            `/admin/assets/${asset.id}/${path}`,
            editorFields("x", [{ en }], { op: "save", test_step: "0", test_to: "v@example.com" }),
          )
        ).status,
      ).toBe(403);
  });
});
