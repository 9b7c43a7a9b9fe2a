import { describe, it, expect } from "vitest";
import { deriveChannel, referrerHost } from "../../src/domain/channel";

describe("channel rules", () => {
  it.each([
    [{ referred: true, utmMedium: "cpc" }, "referral"],
    [{ referred: false, utmMedium: "cpc", utmSource: "google" }, "paid"],
    [{ referred: false, utmMedium: "paid_social", utmSource: "linkedin" }, "paid"],
    [{ referred: false, utmMedium: "Display" }, "paid"],
    [{ referred: false, utmMedium: "email", utmSource: "newsletter" }, "email"],
    [{ referred: false, utmSource: "newsletter" }, "email"],
    [{ referred: false, referrerHost: "mail.qq.com" }, "email"],
    [{ referred: false, utmMedium: "social" }, "social"],
    [{ referred: false, utmSource: "weibo" }, "social"],
    [{ referred: false, referrerHost: "www.linkedin.com" }, "social"],
    [{ referred: false, referrerHost: "t.co" }, "social"],
    [{ referred: false, utmMedium: "organic" }, "organic_search"],
    [{ referred: false, referrerHost: "www.google.co.uk" }, "organic_search"],
    [{ referred: false, referrerHost: "www.baidu.com" }, "organic_search"],
    [{ referred: false, referrerHost: "blog.partner.io" }, "referral"],
    [{ referred: false, utmSource: "partner-site" }, "referral"],
    [{ referred: false }, "direct"],
  ] as const)("%o → %s", (input, channel) => {
    expect(deriveChannel(input)).toBe(channel);
  });

  it("UTM wins over the referrer host when both are present", () => {
    expect(
      deriveChannel({ referred: false, utmMedium: "cpc", referrerHost: "www.google.com" }),
    ).toBe("paid");
  });
});

describe("referrer host", () => {
  it.each([
    ["https://www.google.com/search?q=x", "lodestone.test", "www.google.com"],
    ["https://lodestone.test/p/other", "lodestone.test", null],
    ["https://LODESTONE.test/p/other", "lodestone.test", null],
    ["not a url", "lodestone.test", null],
    [null, "lodestone.test", null],
  ])("%s on %s → %s", (referer, own, expected) => {
    expect(referrerHost(referer, own)).toBe(expected);
  });
});
