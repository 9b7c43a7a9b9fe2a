// Required marketing consent: only where the marketer states the law allows it, never for visitors whose law forbids it.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { login } from "../admin/support/browser-like";
import {
  checkboxes,
  enrolmentsOf,
  formWith,
  landing,
  leadIdOf,
  submitForm,
  submitJson,
} from "./support";

const leadCount = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM leads").first<{ n: number }>())!.n;

describe("an asset that requires marketing consent", () => {
  it("refuses a US visitor who leaves the box unticked with a 400 naming the field, and stores nothing", async () => {
    const asset = await makeAsset({ form: formWith("required") });
    const before = await leadCount();
    const json = await submitJson(
      asset.slug,
      { email: "us-no@example.com", name: "U" },
      { country: "US" },
    );
    expect(json.status).toBe(400);
    const body = await json.json<{ error: { details: { fields: Record<string, string[]> } } }>();
    expect(Object.keys(body.error.details.fields)).toEqual(["consent"]);
    expect(body.error.details.fields.consent![0]).toContain("agree to receive our emails");
    const form = await submitForm(
      asset.slug,
      { email: "us-no@example.com", name: "U" },
      { country: "US" },
    );
    expect(form.status).toBe(400);
    const html = await form.text();
    expect(html).toContain('id="consent-error"');
    expect(checkboxes(html).consent).toContain("required");
    expect(await leadCount()).toBe(before);
  });

  it("tells a US visitor on the form that the box is a condition of the offer", async () => {
    const asset = await makeAsset({ form: formWith("required") });
    const html = await (await landing(asset.slug, { country: "US" })).text();
    expect(checkboxes(html).consent).toContain("required");
    expect(html).toContain("Required for this offer");
  });

  it.each([
    ["Germany (GDPR Art. 7(4))", "DE"],
    ["the UK", "GB"],
    ["Switzerland", "CH"],
    ["China (PIPL Art. 16)", "CN"],
    ["a country Cloudflare cannot tell", null],
  ])(
    "never makes it a condition for a visitor from %s: the box is optional and the asset is delivered, without nurture",
    async (_where, country) => {
      const asset = await makeAsset({ form: formWith("required") });
      const html = await (await landing(asset.slug, { country })).text();
      expect(checkboxes(html).consent).not.toContain("required");
      expect(html).not.toContain("Required for this offer");
      expect(html).toContain("Optional: you get the whitepaper either way.");
      const email = `free-${(country ?? "xx").toLowerCase()}@example.com`;
      const res = await submitJson(asset.slug, { email, name: "F" }, { country });
      expect(res.status).toBe(201);
      expect((await res.json<{ download_url: string }>()).download_url).toMatch(/\/d\//);
      const leadId = await leadIdOf(email);
      expect(await enrolmentsOf(leadId)).toEqual([]);
      const touch = await env.DB.prepare("SELECT consent_mode FROM touches WHERE lead_id = ?")
        .bind(leadId)
        .first();
      expect(touch).toEqual({ consent_mode: "optional" });
    },
  );
});

describe("setting the consent mode in the dashboard", () => {
  const fields = (over: Record<string, string>) => ({
    title: "Consent modes",
    slug: `modes-${Math.random().toString(36).slice(2, 8)}`,
    kind: "whitepaper",
    locale: "en",
    timezone: "UTC",
    field_name: "required",
    field_company: "optional",
    field_job_title: "hidden",
    field_phone: "hidden",
    field_company_size: "optional",
    consent_version: "v3",
    ...over,
  });
  const formOf = async (id: number) =>
    JSON.parse(
      (await env.DB.prepare("SELECT form FROM assets WHERE id = ?")
        .bind(id)
        .first<{ form: string }>())!.form,
    );

  it("refuses required consent without the law that allows it, with a 400 naming the field", async () => {
    const s = await login();
    const res = await s.post("/admin/assets/new", fields({ consent_mode: "required" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /name="consent_basis"[^>]*aria-invalid="true"[\s\S]*?Required consent needs the law that allows it/,
    );
  });

  it("refuses a mode that does not exist", async () => {
    const s = await login();
    const res = await s.post("/admin/assets/new", fields({ consent_mode: "pre_ticked" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Choose optional, implied or required");
  });

  it("saves each mode (optional by default), the words, the basis and the privacy box, and shows them again", async () => {
    const s = await login();
    const none = await s.post("/admin/assets/new", fields({}));
    expect(none.status).toBe(303);
    const noneId = Number(/assets\/(\d+)/.exec(none.headers.get("location")!)![1]);
    expect((await formOf(noneId)).consent).toEqual({
      mode: "optional",
      text: "",
      version: "v3",
      basis: null,
    });
    const req = await s.post(
      "/admin/assets/new",
      fields({
        consent_mode: "required",
        consent_text: "Send me the newsletter",
        consent_basis: "US audience only: CAN-SPAM permits it",
        privacy_required: "on",
      }),
    );
    expect(req.status).toBe(303);
    const id = Number(/assets\/(\d+)/.exec(req.headers.get("location")!)![1]);
    expect(await formOf(id)).toMatchObject({
      consent: {
        mode: "required",
        text: "Send me the newsletter",
        basis: "US audience only: CAN-SPAM permits it",
      },
      privacy: { required: true },
    });
    const edit = await (await s.get(`/admin/assets/${id}/edit`)).text();
    expect(edit).toMatch(/<option value="required" selected/);
    expect(edit).toContain("US audience only: CAN-SPAM permits it");
    expect(edit).toMatch(/name="privacy_required" checked/);
  });
});
