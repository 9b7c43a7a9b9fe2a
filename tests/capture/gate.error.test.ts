import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { fetchWorker, postForm, postJson } from "../support/http";

const leadCount = async () =>
  (await env.DB.prepare("SELECT count(*) n FROM leads").first<{ n: number }>())!.n;

describe("gate submission, bad input", () => {
  it("a form missing the email re-renders with the values kept and the error announced", async () => {
    const asset = await makeAsset();
    const res = await postForm(`/p/${asset.slug}`, {
      email: "",
      name: "Ann O'Neil",
      company: "Acme & Co",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('role="alert"');
    expect(html).toMatch(
      /<input id="email" name="email" type="email"[^>]*aria-invalid="true" aria-describedby="email-error"/,
    );
    expect(html).toContain('<p class="field-error" id="email-error">This field is required</p>');
    expect(html).toContain('value="Ann O&#39;Neil"');
    expect(html).toContain('value="Acme &amp; Co"');
  });

  it("a JSON client gets the one error envelope with field details", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, { email: "not-an-email", phone: "12" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: "BAD_REQUEST",
        message: "Some fields are invalid",
        details: {
          fields: {
            email: ["Enter a valid email address"],
            name: ["This field is required"],
            phone: ["Enter a valid phone number"],
          },
        },
      },
    });
  });

  it.each([
    ["malformed JSON", "{ email: ", "The body is not valid JSON"],
    ["a JSON array", "[1,2]", "The body must be a JSON object"],
    ["a JSON string", '"hello"', "The body must be a JSON object"],
    ["JSON null", "null", "The body must be a JSON object"],
  ])("%s is a 400, not a 5xx", async (_name, body, message) => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST", message } });
  });

  it.each([
    [{ email: ["a@example.com", "b@example.com"], name: "A" }, "email"],
    [{ email: { $ne: null }, name: "A" }, "email"],
    [{ email: "a@example.com", name: 42 }, "name"],
    [{ email: "a@example.com", name: ["A"] }, "name"],
    [{ email: "a@example.com", name: "A", utm_source: { x: 1 } }, "utm_source"],
  ])("arrays, objects and numbers where strings belong are refused: %o", async (body, field) => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, body);
    expect(res.status).toBe(400);
    const json = await res.json<{ error: { details: { fields: Record<string, string[]> } } }>();
    expect(Object.keys(json.error.details.fields)).toContain(field);
  });

  it("a repeated form field (two emails) is refused", async () => {
    const asset = await makeAsset();
    const res = await postForm(`/p/${asset.slug}`, {
      email: ["a@example.com", "b@example.com"],
      name: "A",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Must be a single text value");
  });

  it("a body over 64 KB is refused with 413", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, {
      email: "big@example.com",
      name: "x".repeat(65 * 1024),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("an unsupported content type is refused with 415", async () => {
    const asset = await makeAsset();
    const res = await fetchWorker(`/p/${asset.slug}`, {
      method: "POST",
      body: "email=a@b.com",
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
  });

  it("an unknown slug is a 404 page for browsers and a 404 envelope for JSON", async () => {
    const page = await postForm("/p/no-such-asset", { email: "a@example.com" });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Page not found");
    const api = await postJson("/p/no-such-asset", { email: "a@example.com" });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("an unpublished (draft) asset takes no submissions and shows no page", async () => {
    const asset = await makeAsset({ status: "draft" });
    expect((await fetchWorker(`/p/${asset.slug}`)).status).toBe(404);
    expect((await postJson(`/p/${asset.slug}`, { email: "a@example.com", name: "A" })).status).toBe(
      404,
    );
  });

  it.each([["/p/UPPER"], ["/p/..%2F..%2Fetc"], [`/p/${"a".repeat(300)}`]])(
    "odd slugs like %s are a 404, never a 5xx",
    async (path) => {
      expect((await fetchWorker(path)).status).toBe(404);
    },
  );

  it("where the asset asks visitors to agree to the privacy policy, no tick means no lead", async () => {
    const asset = await makeAsset({
      form: {
        fields: {
          name: "optional",
          company: "hidden",
          job_title: "hidden",
          phone: "hidden",
          company_size: "hidden",
        },
        consent: { mode: "optional", text: "", version: "1", basis: null },
        privacy: { required: true },
      },
    });
    const before = await leadCount();
    const res = await postForm(`/p/${asset.slug}`, { email: "nc@example.com" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Please agree to the privacy policy to continue");
    expect(await leadCount()).toBe(before);
  });

  it("a zh-CN asset re-renders its form with Chinese messages", async () => {
    const asset = await makeAsset({ locale: "zh-CN" });
    const html = await (await postForm(`/p/${asset.slug}`, { email: "bad", name: "" })).text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain("请输入有效的邮箱地址");
    expect(html).toContain("此项为必填");
  });

  it("nothing is stored when a submission is refused", async () => {
    const asset = await makeAsset();
    const before = await leadCount();
    await postJson(`/p/${asset.slug}`, { email: "x" });
    await postJson(`/p/${asset.slug}`, "{");
    await postForm(`/p/${asset.slug}`, { name: "No email" });
    expect(await leadCount()).toBe(before);
    expect(
      (await env.DB.prepare("SELECT count(*) n FROM asset_daily WHERE asset_id = ?")
        .bind(asset.id)
        .first<{ n: number }>())!.n,
    ).toBe(0);
  });
});
