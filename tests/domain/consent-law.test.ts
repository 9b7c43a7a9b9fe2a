import { describe, expect, it } from "vitest";
import { effectiveConsentMode, knownCountry } from "../../src/domain/consent-law";
import { consentIpHash } from "../../src/domain/ip-hash";

describe("which consent mode a visitor gets", () => {
  it.each([
    ["required", "US", "required"],
    ["required", "DE", "optional"],
    ["required", "FR", "optional"],
    ["required", "NO", "optional"],
    ["required", "GB", "optional"],
    ["required", "CH", "optional"],
    ["required", "CN", "optional"],
    ["required", null, "optional"],
    ["required", "XX", "optional"],
    ["required", "T1", "optional"],
    ["implied", "US", "implied"],
    ["implied", "GB", "implied"],
    ["implied", "CN", "optional"],
    ["implied", null, "optional"],
    ["optional", "US", "optional"],
    ["optional", "CN", "optional"],
  ] as const)("%s for a visitor from %s is %s", (mode, country, got) =>
    expect(effectiveConsentMode(mode, country)).toBe(got),
  );

  it("reads Cloudflare's unknown and Tor codes as unknown", () => {
    expect([knownCountry("xx"), knownCountry("T1"), knownCountry(""), knownCountry("de")]).toEqual([
      null,
      null,
      null,
      "DE",
    ]);
  });
});

describe("the consent IP hash", () => {
  it("is keyed: the same address gives the same hash under one secret and another under another", async () => {
    const a = await consentIpHash("secret-one-0123456789-0123456789-xx", "198.51.100.7");
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]{22}$/);
    expect(await consentIpHash("secret-one-0123456789-0123456789-xx", "198.51.100.7")).toBe(a);
    expect(await consentIpHash("secret-two-0123456789-0123456789-xx", "198.51.100.7")).not.toBe(a);
    expect(a).not.toContain("198.51");
    expect(await consentIpHash("s-0123456789-0123456789-0123456789", "2001:DB8::1")).toBe(
      await consentIpHash("s-0123456789-0123456789-0123456789", "2001:db8::1"),
    );
  });
});
