import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset, STANDARD_FORM } from "../support/fixtures";
import { postForm, postJson } from "../support/http";

const zhAsset = () =>
  makeAsset({
    locale: "zh-CN",
    title: "中文白皮书",
    form: { ...STANDARD_FORM, fields: { ...STANDARD_FORM.fields, phone: "required" } },
  });
const phoneOf = async (email: string) =>
  (
    await env.DB.prepare("SELECT phone FROM leads WHERE email = ?").bind(email).first<{
      phone: string | null;
    }>()
  )?.phone;

let n = 0;
const email = () => `mobile${++n}@example-corp.cn`;

describe("手机号 on a zh-CN asset takes a mainland mobile number", () => {
  it.each([
    ["China Mobile", "13812345678", "+8613812345678"],
    ["China Mobile, 139 with +86", "+86 139 1234 5678", "+8613912345678"],
    ["China Unicom with dashes", "186-1234-5678", "+8618612345678"],
    ["China Unicom, 0086 prefix", "0086 155 1234 5678", "+8615512345678"],
    ["China Telecom", "189 1234 5678", "+8618912345678"],
    ["China Telecom, 199 as E.164", "+8619912345678", "+8619912345678"],
    ["China Broadnet", "19212345678", "+8619212345678"],
    ["a virtual operator (170)", "170 1234 5678", "+8617012345678"],
  ])("%s (%s) is accepted and kept as E.164", async (_carrier, typed, e164) => {
    const asset = await zhAsset();
    const address = email();
    const res = await postJson(`/p/${asset.slug}`, { email: address, name: "王芳", phone: typed });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await phoneOf(address)).toBe(e164);
  });

  it.each([
    ["a Beijing landline", "010-12345678", "请填写手机号，不支持座机号码"],
    ["a Shanghai landline", "021-62345678", "请填写手机号，不支持座机号码"],
    ["a Shanghai landline with +86", "+86 21 6234 5678", "请填写手机号，不支持座机号码"],
    ["a Shenzhen landline in brackets", "(0755) 2654 3210", "请填写手机号，不支持座机号码"],
    ["a 400 service number", "400-810-8888", "请填写中国大陆手机号"],
    ["a Hong Kong mobile", "+852 9123 4567", "请填写中国大陆手机号"],
    ["a US number", "+1 415 555 2671", "请填写中国大陆手机号"],
    ["a mobile one digit short", "1381234567", "请输入有效的手机号"],
  ])("%s (%s) is a 400 naming the phone field", async (_what, typed, message) => {
    const asset = await zhAsset();
    const address = email();
    const res = await postJson(`/p/${asset.slug}`, { email: address, name: "王芳", phone: typed });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: "BAD_REQUEST", details: { fields: { phone: [message] } } },
    });
    expect(await phoneOf(address)).toBeUndefined();
  });

  it("a form with a landline re-renders in Chinese with the error on 手机号 and the values kept", async () => {
    const asset = await zhAsset();
    const res = await postForm(`/p/${asset.slug}`, {
      email: "li@example-corp.cn",
      name: "李雷",
      phone: "010-12345678",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<label for="phone">手机号<\/label>/);
    expect(html).toMatch(
      /<input id="phone" name="phone" type="tel"[^>]*value="010-12345678"[^>]*aria-invalid="true"/,
    );
    expect(html).toContain(
      '<p class="field-error" id="phone-error">请填写手机号，不支持座机号码</p>',
    );
    expect(html).toContain('value="李雷"');
    expect(await phoneOf("li@example-corp.cn")).toBeUndefined();
  });
});

describe("Phone on an en asset takes any valid number, landlines included", () => {
  it.each([
    ["a London landline", "+44 20 7946 0958", "+442079460958"],
    ["a US number without a country code", "(415) 555-2671", "+14155552671"],
    ["a Beijing landline with +86", "+86 10 1234 5678", "+861012345678"],
  ])("%s is accepted", async (_what, typed, e164) => {
    const asset = await makeAsset();
    const address = email();
    const res = await postJson(`/p/${asset.slug}`, { email: address, name: "Ann", phone: typed });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await phoneOf(address)).toBe(e164);
  });

  it("digits that are no number anywhere are refused in English", async () => {
    const asset = await makeAsset();
    const res = await postJson(`/p/${asset.slug}`, { email: email(), name: "Ann", phone: "555" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { details: { fields: { phone: ["Enter a valid phone number"] } } },
    });
  });
});
