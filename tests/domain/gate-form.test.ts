import { describe, it, expect } from "vitest";
import { parseGate } from "../../src/domain/gate-form";
import { normaliseEmail } from "../../src/domain/email-address";
import { toE164 } from "../../src/domain/phone-number";
import type { FormSettings } from "../../src/db/schema";

const form: FormSettings = {
  fields: {
    name: "required",
    company: "optional",
    job_title: "hidden",
    phone: "optional",
    company_size: "optional",
  },
  consent: { mode: "required", text: "I agree", version: "v2", basis: "US audience only" },
  privacy: { required: false },
};

describe("email normalisation", () => {
  it.each([
    ["  Ann@Example.COM ", "ann@example.com"],
    ["ANN@example.com", "ann@example.com"],
  ])("%j → %s", (raw, normal) => expect(normaliseEmail(raw)).toBe(normal));
});

describe("phone numbers to E.164 by the asset's locale", () => {
  it.each([
    ["13812345678", "zh-CN", "+8613812345678"],
    ["138 1234 5678", "zh-CN", "+8613812345678"],
    ["+86 138 1234 5678", "zh-CN", "+8613812345678"],
    ["+44 20 7946 0958", "en", "+442079460958"],
    // On a zh-CN asset the field is 手机号: mainland mobiles only.
    ["+44 20 7946 0958", "zh-CN", null],
    ["010-12345678", "zh-CN", null],
    ["(415) 555-2671", "en", "+14155552671"],
    ["12345", "en", null],
    ["not a phone", "zh-CN", null],
  ] as const)("%s on a %s asset → %s", (raw, locale, e164) =>
    expect(toE164(raw, locale)).toBe(e164),
  );
});

describe("gate submission parsing", () => {
  const ok = { email: " Ann@Example.com ", name: "Ann", consent: "on" };

  it("accepts a valid submission and normalises it", () => {
    const r = parseGate(
      { ...ok, company: "Acme", phone: "(415) 555-2671", utm_source: "google" },
      form,
      "en",
      "required",
    );
    expect(r.ok && r.value).toMatchObject({
      email: "ann@example.com",
      name: "Ann",
      company: "Acme",
      phone: "+14155552671",
      marketing: "given",
      utm: { utm_source: "google" },
    });
  });

  it("ignores fields the asset hides", () => {
    const r = parseGate({ ...ok, job_title: "CTO" }, form, "en", "required");
    expect(r.ok && r.value.jobTitle).toBeNull();
  });

  it.each([
    [{ name: "Ann", consent: "on" }, "email", "This field is required"],
    [{ ...ok, email: "nope" }, "email", "Enter a valid email address"],
    [{ ...ok, email: "a@b.com\r\nBcc: x@y.com" }, "email", "Enter a valid email address"],
    [{ ...ok, name: "" }, "name", "This field is required"],
    [
      { ...ok, consent: undefined },
      "consent",
      "This offer is only for people who agree to receive our emails: tick the box to continue",
    ],
    [{ ...ok, phone: "123" }, "phone", "Enter a valid phone number"],
    [{ ...ok, company_size: "huge" }, "company_size", "Choose one of the options"],
    [{ ...ok, name: "x".repeat(201) }, "name", "This is too long"],
    [{ ...ok, email: ["a@b.com", "c@d.com"] }, "email", "Must be a single text value"],
    [{ ...ok, name: { first: "Ann" } }, "name", "Must be a single text value"],
  ])("refuses %o with a message on %s", (input, field, message) => {
    const r = parseGate(input, form, "en", "required");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fields[field]).toContain(message);
  });

  it("speaks the asset's language", () => {
    const r = parseGate({ email: "x" }, form, "zh-CN", "required");
    expect(!r.ok && r.fields.email).toEqual(["请输入有效的邮箱地址"]);
    expect(!r.ok && r.fields.name).toEqual(["此项为必填"]);
  });

  it("turns line breaks in names into spaces so they can never reach an email header", () => {
    const r = parseGate({ ...ok, name: "Ann\r\nBcc: evil@example.com" }, form, "en", "required");
    expect(r.ok && r.value.name).toBe("Ann Bcc: evil@example.com");
  });

  it("keeps unicode and markup exactly as typed (escaping is the renderer's job)", () => {
    const r = parseGate(
      { ...ok, name: "Zoë 李雷 <script>alert(1)</script>", company: "Ünïcode GmbH 🚀" },
      form,
      "en",
      "required",
    );
    expect(r.ok && r.value.name).toBe("Zoë 李雷 <script>alert(1)</script>");
    expect(r.ok && r.value.company).toBe("Ünïcode GmbH 🚀");
  });

  it("drops a malformed referral code instead of failing the form", () => {
    const r = parseGate({ ...ok, ref: "'; DROP TABLE leads" }, form, "en", "required");
    expect(r.ok && r.value.ref).toBeNull();
  });

  it("flags the honeypot", () => {
    const r = parseGate({ ...ok, website: "http://spam" }, form, "en", "required");
    expect(r.ok && r.value.honeypot).toBe(true);
  });
});

describe("the consent boxes", () => {
  const optional: FormSettings = {
    ...form,
    consent: { mode: "optional", text: "", version: "v1", basis: null },
  };
  it.each([
    ["optional", {}, "none"],
    ["optional", { consent: "on" }, "given"],
    ["optional", { consent: false }, "none"],
    ["implied", {}, "implied"],
    ["implied", { marketing_opt_out: "on" }, "declined"],
    ["implied", { consent: false }, "declined"],
    ["implied", { consent: true }, "given"],
    ["required", { consent: "on" }, "given"],
  ] as const)("in %s mode, %o says %s about marketing email", (mode, boxes, said) => {
    const r = parseGate({ email: "a@b.com", name: "A", ...boxes }, optional, "en", mode);
    expect(r.ok && r.value.marketing).toBe(said);
    expect(r.ok && r.value.consentMode).toBe(mode);
  });

  it("a privacy box the asset requires must be ticked, in the visitor's language", () => {
    const withPrivacy = { ...optional, privacy: { required: true } };
    const refused = parseGate({ email: "a@b.com", name: "A" }, withPrivacy, "zh-CN", "optional");
    expect(!refused.ok && refused.fields.privacy).toEqual(["请阅读并同意隐私政策后继续"]);
    const ok = parseGate(
      { email: "a@b.com", name: "A", privacy: "on" },
      withPrivacy,
      "zh-CN",
      "optional",
    );
    expect(ok.ok && ok.value.privacyAccepted).toBe(true);
    const notAsked = parseGate({ email: "a@b.com", name: "A" }, optional, "en", "optional");
    expect(notAsked.ok && notAsked.value.privacyAccepted).toBeNull();
  });
});
