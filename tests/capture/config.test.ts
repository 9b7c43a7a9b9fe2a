import { describe, it, expect, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import { loadConfig, ConfigError, type Bindings } from "../../src/env";

describe("configuration", () => {
  it("names every missing or weak secret in one clear message", () => {
    const broken = {
      ...env,
      ADMIN_TOKEN: undefined,
      SIGNING_SECRET: "short",
    } as unknown as Bindings;
    expect(() => loadConfig(broken)).toThrow(ConfigError);
    try {
      loadConfig(broken);
    } catch (err) {
      expect((err as Error).message).toContain("ADMIN_TOKEN is missing");
      expect((err as Error).message).toContain("SIGNING_SECRET must be at least 32 characters");
      expect((err as Error).message).toContain(".dev.vars.example");
    }
  });

  it("treats empty values in .dev.vars as not set", () => {
    const config = loadConfig({
      ...env,
      RESEND_API_KEY: "",
      TURNSTILE_SECRET: "",
    } as unknown as Bindings);
    expect(config.RESEND_API_KEY).toBeUndefined();
    expect(config.TURNSTILE_SECRET).toBeUndefined();
  });

  it("a request to a misconfigured deployment says what is missing instead of failing obscurely", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await createApp().fetch(
      new Request("https://lodestone.test/p/x"),
      { ...env, SIGNING_SECRET: undefined },
      createExecutionContext(),
    );
    expect(res.status).toBe(500);
    const body = await res.json<{ error: { message: string } }>();
    expect(body.error.message).toContain("SIGNING_SECRET is missing");
  });
});
