// What a prospect types is shown to marketers and sales and sent on to CRMs: no invisible direction
// overrides (which reverse how "evil‮gpj.exe" reads) and no control characters get in.
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { fetchWorker, postForm, postJson } from "../support/http";

const FIELDS = ["name", "company", "job_title"] as const;
const BAD = [
  ["a right-to-left override", "Ann\u202Egpj.exe"],
  ["a left-to-right embedding", "\u202AAnn"],
  ["a pop directional formatting", "Ann\u202C"],
  ["a left-to-right isolate", "\u2066Ann\u2069"],
  ["a first-strong isolate", "Ann\u2068x"],
  ["NUL", "Ann\u0000"],
  ["a bell", "Ann\u0007"],
  ["an escape sequence", "Ann\u001b[31m"],
  ["DEL", "Ann\u007f"],
  ["a C1 control", "Ann\u009b"],
] as const;

async function leadCount(email: string): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) n FROM leads WHERE email = ?")
    .bind(email)
    .first<number>("n"))!;
}

describe("free text in the gate", () => {
  const cases = FIELDS.flatMap((field) =>
    BAD.map(([what, value]) => [field, what, value] as const),
  );

  it.each(cases)(
    "%s with %s is a 400 naming the field, and nothing is stored",
    async (field, _what, value) => {
      const asset = await makeAsset();
      const email = `bidi-${field}-${crypto.randomUUID().slice(0, 8)}@example.com`;
      const res = await postJson(`/p/${asset.slug}`, { email, name: "Ann", [field]: value });
      expect(res.status).toBe(400);
      const body = (await res.json()) as {
        error: { code: string; details: { fields: Record<string, string[]> } };
      };
      expect(body.error.code).toBe("BAD_REQUEST");
      expect(Object.keys(body.error.details.fields)).toEqual([field]);
      expect(body.error.details.fields[field]![0]).toMatch(/invisible/i);
      expect(await leadCount(email)).toBe(0);
    },
  );

  it("a form post is shown again with the message in the asset's language", async () => {
    const asset = await makeAsset({ locale: "zh-CN" });
    const res = await postForm(`/p/${asset.slug}`, {
      email: "bidi-form@example.com",
      name: "李\u202E雷",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="name-error"');
    expect(html).toContain("不可见");
    expect(await leadCount("bidi-form@example.com")).toBe(0);
  });

  it("real names in any script are kept, marks and emoji included", async () => {
    const asset = await makeAsset();
    const names = [
      "\u200Fمحمد علي", // Arabic with a right-to-left mark (a mark, not an override)
      "דוד כהן",
      "Zoë Ørsted-李",
      "Ana 🚀 García",
      "O'Brien, Jr.",
    ];
    for (const [i, name] of names.entries()) {
      const email = `script-${i}@example.com`;
      const res = await postJson(`/p/${asset.slug}`, { email, name });
      expect(res.status, name).toBe(201);
      const row = await env.DB.prepare("SELECT name FROM leads WHERE email = ?")
        .bind(email)
        .first<{ name: string }>();
      expect(row!.name).toBe(name);
    }
  });

  it("line breaks and tabs fold into spaces rather than being refused", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, {
      email: "fold@example.com",
      name: "Ann\r\nBcc: x@example.com",
      company: "Tab\there",
    });
    expect(res.status).toBe(201);
    const row = await env.DB.prepare("SELECT name, company FROM leads WHERE email = ?")
      .bind("fold@example.com")
      .first();
    expect(row).toEqual({ name: "Ann Bcc: x@example.com", company: "Tab here" });
  });

  it("direction overrides in hidden attribution fields are dropped, not stored", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, {
      email: "bidi-utm@example.com",
      name: "Ann",
      utm_campaign: "spring\u202Egnirps",
      utm_source: "news\u0000letter",
    });
    expect(res.status).toBe(201);
    const touch = await env.DB.prepare(
      "SELECT t.utm_campaign, t.utm_source FROM touches t JOIN leads l ON l.id = t.lead_id WHERE l.email = ?",
    )
      .bind("bidi-utm@example.com")
      .first();
    expect(touch).toEqual({ utm_campaign: "springgnirps", utm_source: "newsletter" });
  });
});

describe("the honeypot", () => {
  it("does not give itself away: no telling name, id or class; hidden from people and assistive tech", async () => {
    const asset = await makeAsset();
    const html = await (await fetchWorker(`/p/${asset.slug}`)).text();
    const input = /<input[^>]*tabindex="-1"[^>]*>/.exec(html)?.[0];
    expect(input).toBeTruthy();
    expect(input).toContain('autocomplete="off"');
    const start = html.lastIndexOf("<div", html.indexOf(input!));
    const container = html.slice(start, html.indexOf(">", start) + 1);
    expect(container).toContain('aria-hidden="true"');
    const names = [
      ...[...input!.matchAll(/\b(?:name|id|class)="([^"]*)"/g)].map((m) => m[1]!),
      ...[...container.matchAll(/\b(?:id|class)="([^"]*)"/g)].map((m) => m[1]!),
    ];
    expect(names.length).toBeGreaterThan(1);
    for (const n of names) expect(n).not.toMatch(/honey|\bhp\b|hp-|-hp|_hp|hp_|bot|trap|spam/i);
    expect(html).not.toMatch(/class="hp"|honeypot/i);
    // Hidden by a stylesheet rule for its class, off-screen rather than display:none.
    const cls = /class="([^"]+)"/.exec(container)![1]!.split(" ")[0]!;
    expect(html).toMatch(new RegExp(`\\.${cls}\\{[^}]*left:-\\d+px`));
  });
});
