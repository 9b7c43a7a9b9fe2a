// The per-client gate limit (10 a minute): who counts as one client, and which header may say so.
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import { loadConfig, type Bindings } from "../../src/env";
import { makeAsset } from "../support/fixtures";
import { BASE, postJson } from "../support/http";
import { rateLimitSubject } from "../../src/domain/ip-address";

/** A /64 of the documentation prefix no other test uses. */
const prefix = () => {
  const h = () => Math.floor(Math.random() * 0xffff).toString(16);
  return `2001:db8:${h()}:${h()}`;
};

async function leadsWithEmailLike(pattern: string): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) n FROM leads WHERE email LIKE ?")
    .bind(pattern)
    .first<number>("n"))!;
}

describe("who one client is, for the gate's rate limit", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:db8:1:3::1", "2001:db8:1:3::/64"],
    ["", "unknown"],
    ["not an address", "unknown"],
  ])("%s counts as %s", (ip, subject) => {
    expect(rateLimitSubject(ip)).toBe(subject);
  });

  // The limiter counts in fixed one-minute windows, so a run that straddles a window's end may get 10
  // more: within 21 submissions the limit must have bitten. Before the /64 key, it never did.
  it("rotating the last 64 bits of an IPv6 address does not walk past the limit", async () => {
    const asset = await makeAsset();
    const net = prefix();
    const answers: number[] = [];
    for (let i = 1; i <= 21 && !answers.includes(429); i++) {
      const res = await postJson(
        `/p/${asset.slug}`,
        { email: `v6-${i}@example.com`, name: "V" },
        { ip: `${net}:${i.toString(16)}:0:0:${((i * 7919) % 0xffff).toString(16)}` },
      );
      answers.push(res.status);
      if (res.status === 429)
        expect(await res.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    }
    expect(answers).toContain(429);
    expect(answers.filter((s) => s === 201).length).toBeGreaterThanOrEqual(10);
    const refused = answers.indexOf(429) + 1;
    expect(await leadsWithEmailLike(`v6-${refused}@%`)).toBe(0);
    // The neighbouring /64 is somebody else.
    const neighbour = await postJson(
      `/p/${asset.slug}`,
      { email: "v6-neighbour@example.com", name: "N" },
      { ip: `${prefix()}::1` },
    );
    expect(neighbour.status).toBe(201);
  });

  it("CF-Connecting-IP is trusted by default only in production; npm start (development) does not", () => {
    const base = { ...env, BEHIND_CLOUDFLARE: undefined } as unknown as Bindings;
    expect(loadConfig({ ...base }).BEHIND_CLOUDFLARE).toBe(true);
    expect(loadConfig({ ...base, LODESTONE_ENV: "development" }).BEHIND_CLOUDFLARE).toBe(false);
    expect(
      loadConfig({ ...base, LODESTONE_ENV: "development", BEHIND_CLOUDFLARE: "true" })
        .BEHIND_CLOUDFLARE,
    ).toBe(true);
    expect(() => loadConfig({ ...base, BEHIND_CLOUDFLARE: "yes" })).toThrow(
      /BEHIND_CLOUDFLARE must be true or false/,
    );
  });

  it("not behind Cloudflare, a client that writes its own CF-Connecting-IP or X-Real-IP gets no fresh allowance", async () => {
    const asset = await makeAsset();
    const app = createApp();
    const local = {
      ...env,
      LODESTONE_ENV: "development",
      BEHIND_CLOUDFLARE: undefined,
    } as unknown as Bindings;
    const submit = (n: number) =>
      app.fetch(
        new Request(`${BASE}/p/${asset.slug}`, {
          method: "POST",
          body: JSON.stringify({ email: `spoof-${n}@example.com`, name: "S" }),
          headers: {
            "content-type": "application/json",
            "cf-connecting-ip": `198.51.100.${n}`,
            "x-real-ip": `192.0.2.${n}`,
          },
        }),
        local,
        createExecutionContext(),
      );
    const answers: number[] = [];
    let spoofed: Response | null = null;
    for (let n = 1; n <= 21 && !spoofed; n++) {
      const res = await submit(n);
      answers.push(res.status);
      if (res.status === 429) spoofed = res;
    }
    // Every one of these posts counts against the one "unknown" client, whatever it claims to be.
    expect(answers[0]).toBe(201);
    expect(spoofed?.status).toBe(429);
    expect(spoofed!.headers.get("retry-after")).toBe("60");
    expect(await leadsWithEmailLike(`spoof-${answers.length}@%`)).toBe(0);
  });
});
