import { describe, it, expect, vi, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import { makeAsset, STANDARD_FORM } from "../support/fixtures";
import { BASE, fetchWorker, postForm, postJson, submitForm } from "../support/http";

afterEach(() => vi.restoreAllMocks());

describe("gate submission, security and abuse", () => {
  it("markup in a name is stored as text and escaped wherever it is shown", async () => {
    const asset = await makeAsset({
      form: {
        fields: {
          name: "required",
          company: "optional",
          job_title: "hidden",
          phone: "hidden",
          company_size: "hidden",
        },
        consent: STANDARD_FORM.consent,
        privacy: STANDARD_FORM.privacy,
      },
    });
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const rerender = await (
      await postForm(`/p/${asset.slug}`, { email: "bad", name: evil, company: evil })
    ).text();
    expect(rerender).not.toContain("<script>alert");
    expect(rerender).not.toContain("<img src=x");
    expect(rerender).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    await postJson(`/p/${asset.slug}`, { email: "xss@example.com", name: evil });
    const stored = await env.DB.prepare(
      "SELECT name FROM leads WHERE email = 'xss@example.com'",
    ).first<{ name: string }>();
    expect(stored!.name).toBe(evil);
  });

  it("line breaks never survive into a stored single-line field; other control characters are refused", async () => {
    const asset = await makeAsset();
    await postJson(`/p/${asset.slug}`, {
      email: "ctl@example.com",
      name: "Ann\r\nBcc: victim@example.com",
      company: "Tab\there",
    });
    const lead = await env.DB.prepare(
      "SELECT name, company FROM leads WHERE email = 'ctl@example.com'",
    ).first<{ name: string; company: string }>();
    expect(lead!.name).toBe("Ann Bcc: victim@example.com");
    expect(lead!.name).not.toMatch(/[\r\n]/);
    expect(lead!.company).toBe("Tab here");
    const bell = await postJson(`/p/${asset.slug}`, {
      email: "ctl-bell@example.com",
      name: "Ann",
      company: "bell\u0007",
    });
    expect(bell.status).toBe(400);
    expect(await bell.json()).toMatchObject({
      error: { details: { fields: { company: expect.any(Array) } } },
    });
  });

  it("unicode names and company names are kept exactly", async () => {
    const asset = await makeAsset();
    await postJson(`/p/${asset.slug}`, {
      email: "uni@example.com",
      name: "Zoë Ørsted-李",
      company: "株式会社テスト 🚀",
    });
    const lead = await env.DB.prepare(
      "SELECT name, company FROM leads WHERE email = 'uni@example.com'",
    ).first();
    expect(lead).toEqual({ name: "Zoë Ørsted-李", company: "株式会社テスト 🚀" });
  });

  it("a filled honeypot looks like success to the bot but stores nothing and hands out no link", async () => {
    const asset = await makeAsset();
    const res = await submitForm(`/p/${asset.slug}`, {
      email: "bot@example.com",
      name: "Bot",
      website: "http://spam.example",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Thank you!");
    expect(html).not.toContain("/d/");
    expect(
      await env.DB.prepare("SELECT count(*) n FROM leads WHERE email = 'bot@example.com'").first(
        "n",
      ),
    ).toBe(0);
  });

  it("more than 10 submissions a minute from one IP get 429 with Retry-After, JSON and form alike", async () => {
    const asset = await makeAsset();
    const ip = "192.0.2.77";
    const answers: number[] = [];
    for (let i = 0; i < 10; i++)
      answers.push(
        (await postJson(`/p/${asset.slug}`, { email: `r${i}@example.com`, name: "R" }, { ip }))
          .status,
      );
    expect(answers.every((s) => s === 201)).toBe(true);
    const limited = await postJson(
      `/p/${asset.slug}`,
      { email: "r10@example.com", name: "R" },
      { ip },
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(await limited.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    const form = await postForm(
      `/p/${asset.slug}`,
      { email: "r11@example.com", name: "R" },
      { ip },
    );
    expect(form.status).toBe(429);
    expect(form.headers.get("retry-after")).toBe("60");
    expect(
      await env.DB.prepare(
        "SELECT count(*) n FROM leads WHERE email IN ('r10@example.com','r11@example.com')",
      ).first("n"),
    ).toBe(0);
    // Another address is not affected.
    expect(
      (
        await postJson(
          `/p/${asset.slug}`,
          { email: "other@example.com", name: "O" },
          { ip: "192.0.2.78" },
        )
      ).status,
    ).toBe(201);
  });

  describe("with Turnstile configured", () => {
    const app = createApp();
    const turnstileEnv = {
      ...env,
      TURNSTILE_SECRET: "turnstile-secret",
      TURNSTILE_SITE_KEY: "site-key",
    };
    const submit = (body: Record<string, string>) =>
      app.fetch(
        new Request(`${BASE}/p/${slug}`, {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.90" },
        }),
        turnstileEnv,
        createExecutionContext(),
      );
    let slug = "";

    function answerTurnstile(success: boolean) {
      const real = globalThis.fetch;
      return vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.startsWith("https://challenges.cloudflare.com/")) return Response.json({ success });
        return real(input, init);
      });
    }

    it("refuses a submission without a valid Turnstile token", async () => {
      slug = (await makeAsset()).slug;
      const spy = answerTurnstile(false);
      const res = await submit({
        email: "ts1@example.com",
        name: "T",
        "cf-turnstile-response": "bad",
      });
      expect(res.status).toBe(400);
      expect(spy).toHaveBeenCalled();
      const missing = await submit({ email: "ts1@example.com", name: "T" });
      expect(missing.status).toBe(400);
    });

    it("accepts a submission Turnstile vouches for, and the page loads the widget", async () => {
      slug = (await makeAsset()).slug;
      answerTurnstile(true);
      expect(
        (await submit({ email: "ts2@example.com", name: "T", "cf-turnstile-response": "good" }))
          .status,
      ).toBe(201);
      const page = await (
        await app.fetch(new Request(`${BASE}/p/${slug}`), turnstileEnv, createExecutionContext())
      ).text();
      expect(page).toContain('data-sitekey="site-key"');
    });
  });

  it("every answer carries secure headers", async () => {
    const asset = await makeAsset();
    const res = await fetchWorker(`/p/${asset.slug}`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=");
  });
});
