// The lead page a marketer reads: every field, the first and latest touch, the timeline in words, in en and zh-CN.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { db, STANDARD_FORM } from "../support/fixtures";
import { fetchWorker, postJson } from "../support/http";
import { api } from "../support/api";
import { QUEUE_WAIT_MS, waitFor } from "../support/leads";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import {
  assetWithSequence,
  drainThenRestore,
  MINUTE,
  ofLead,
  QUEUE_TIMEOUTS,
  settledSends,
  tick,
} from "../nurture/support/nurture";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { login, type Session } from "./support/browser-like";
import { asPerson, timePasses } from "../support/people";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
let en: Session;
let zh: Session;
let leadId: number;
let referrerId: number;
let referredByErased: number;

async function gate(slug: string, fields: Record<string, string>) {
  const res = await postJson(`/p/${slug}`, fields);
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as { lead_id: number; download_url: string; share_url: string };
}
const codeOf = (shareUrl: string) => new URL(shareUrl).pathname.split("/").pop()!;
const trackedLinks = (html: string, kind: "c" | "o") =>
  [...html.matchAll(new RegExp(`https?://[^"]+/t/${kind}/[^"]+`, "g"))].map(
    (m) => new URL(m[0]!.replace(/&amp;/g, "&")).pathname,
  );

/** The text of each table row of the page, tags dropped and whitespace squeezed. */
const rowTexts = (html: string) =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, " ")
      .replace(/&amp;/g, "&")
      .replace(/\s+/g, " ")
      .trim(),
  );
const fieldRow = (html: string, field: string) =>
  new RegExp(`<tr data-field="${field}">([\\s\\S]*?)</tr>`)
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

beforeAll(async () => {
  await ensureDefaultRules(db());
  resend = fakeResend();
  const asset = await assetWithSequence(
    { name: "Welcome", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] },
    { locale: "zh-CN", title: "增长白皮书", form: STANDARD_FORM },
  );
  const referrer = await gate(asset.slug, { email: "rita@acme.test", name: "Rita Referrer" });
  referrerId = referrer.lead_id;
  const first = await gate(asset.slug, {
    email: "mei@acme.test",
    name: "陈美",
    company: "Acme 中国",
    job_title: "市场总监",
    phone: "138 1234 5678",
    company_size: "201-500",
    utm_source: "wechat",
    utm_medium: "social",
    utm_campaign: "spring",
    utm_term: "lead scoring",
    utm_content: "hero",
    ref: codeOf(referrer.share_url),
    consent: "on", // marketing consent: the welcome email goes out
  });
  leadId = first.lead_id;
  await gate(asset.slug, {
    email: "mei@acme.test",
    name: "陈美",
    utm_source: "baidu",
    utm_medium: "cpc",
    utm_campaign: "autumn",
    utm_term: "线索评分",
    utm_content: "banner-b",
  });
  expect((await fetchWorker(new URL(first.download_url).pathname)).status).toBe(200);

  // The welcome email goes out; the lead opens it and clicks its download button.
  await tick(Date.now() + MINUTE);
  const [send] = await settledSends(ofLead(leadId));
  const mail = resend.delivered.find((d) => d.to === "mei@acme.test")!;
  // An hour later, in her browser: a person's open and click, not a scanner's (those do not score).
  await timePasses(send!.id as number, 3600);
  await fetchWorker(trackedLinks(mail.html, "o")[0]!, asPerson());
  await fetchWorker(trackedLinks(mail.html, "c")[0]!, asPerson());

  const won = await api(`/api/v1/leads/${leadId}/outcomes`, {
    method: "POST",
    json: { stage: "won", amount: 1200, currency: "USD", external_id: "opp-9" },
  });
  expect(won.status, await won.clone().text()).toBeLessThan(300);

  // A lead whose referrer was erased afterwards.
  const gone = await gate(asset.slug, { email: "gone@acme.test", name: "Gone Referrer" });
  referredByErased = (
    await gate(asset.slug, {
      email: "left@acme.test",
      name: "Left Behind",
      ref: codeOf(gone.share_url),
    })
  ).lead_id;
  expect((await api(`/api/v1/leads/${gone.lead_id}`, { method: "DELETE" })).status).toBe(200);

  // Every event scored: two requests, the repeat visit, the download, the open and the click.
  await waitFor(
    () =>
      env.DB.prepare(
        "SELECT count(*) AS n FROM score_ledger WHERE lead_id = ? AND kind = 'award' HAVING n >= 6",
      )
        .bind(leadId)
        .first(),
    "the lead's events to be scored",
    QUEUE_WAIT_MS,
  );
  en = await login();
  zh = await login(env.ADMIN_TOKEN, "zh-CN");
});
afterAll(() => drainThenRestore(resend));

describe("the lead page, in English", () => {
  let html: string;
  beforeAll(async () => {
    html = await (await en.get(`/admin/leads/${leadId}`)).text();
  });

  it("shows phone, company size, job title and a link to the lead who referred them", () => {
    expect(fieldRow(html, "phone")).toBe("Phone +8613812345678");
    expect(fieldRow(html, "company_size")).toBe("Company size 201-500");
    expect(fieldRow(html, "job_title")).toBe("Job title 市场总监");
    expect(fieldRow(html, "referred_by")).toBe("Referred by Rita Referrer (rita@acme.test)");
    expect(html).toContain(`<a href="/admin/leads/${referrerId}" data-referrer="${referrerId}">`);
  });

  it("shows the UTM five of the first touch and of the latest", () => {
    expect(fieldRow(html, "utm_source")).toBe("UTM source wechat baidu");
    expect(fieldRow(html, "utm_medium")).toBe("UTM medium social cpc");
    expect(fieldRow(html, "utm_campaign")).toBe("UTM campaign spring autumn");
    expect(fieldRow(html, "utm_term")).toBe("UTM term lead scoring 线索评分");
    expect(fieldRow(html, "utm_content")).toBe("UTM content hero banner-b");
    expect(fieldRow(html, "channel")).toBe("Channel Referral Paid");
  });

  it("tells the timeline in words, not JSON", () => {
    const rows = rowTexts(html);
    const has = (re: RegExp) =>
      expect(
        rows.some((r) => re.test(r)),
        `${re} in:\n${rows.join("\n")}`,
      ).toBe(true);
    has(/Requested 《增长白皮书》 via Referral$/);
    has(/Requested 《增长白皮书》 again via Paid$/);
    has(/Downloaded 《增长白皮书》$/);
    has(/Opened email “您的《增长白皮书》已备好”$/);
    has(/Clicked the download link in email “您的《增长白皮书》已备好”$/);
    has(/Score \+10 \(rule Requested gated content\)$/);
    has(/Score \+15 \(rule Senior job title\)$/);
    has(/Score \+5 \(rule Phone number given\)$/);
    has(/Score \+5 \(rule Clicked a nurture email\)$/);
    has(/Stage Lead → MQL: score \d+ reached the MQL threshold of 50$/);
    has(/Stage MQL → Customer: sales reported: Won$/);
    has(/Sales reported: Won$/);
    expect(html).not.toMatch(/\{&quot;|\{"|touch_id|send_id/);
    expect(html).not.toMatch(/>gate_submitted<|>email_opened</);
  });

  it("a lead whose referrer was erased says so, with no link to a page that is gone", async () => {
    const page = await (await en.get(`/admin/leads/${referredByErased}`)).text();
    expect(fieldRow(page, "referred_by")).toBe("Referred by a lead whose personal data was erased");
    expect(page).not.toMatch(/data-referrer="\d/);
    expect(page).toContain('data-referrer="erased"');
  });
});

describe("the lead page, in Chinese", () => {
  let html: string;
  beforeAll(async () => {
    html = await (await zh.get(`/admin/leads/${leadId}`)).text();
  });

  it("names the fields, stage and channels in Chinese", () => {
    expect(fieldRow(html, "phone")).toBe("手机号 +8613812345678");
    expect(fieldRow(html, "company_size")).toBe("公司规模 201-500");
    expect(fieldRow(html, "stage")).toBe("阶段 客户");
    expect(fieldRow(html, "referred_by")).toBe("推荐人 Rita Referrer (rita@acme.test)");
    expect(fieldRow(html, "channel")).toBe("渠道 转介绍 付费广告");
    expect(fieldRow(html, "utm_term")).toBe("UTM 关键词 lead scoring 线索评分");
  });

  it("tells the timeline and the reasons in Chinese", () => {
    const rows = rowTexts(html);
    const has = (re: RegExp) =>
      expect(
        rows.some((r) => re.test(r)),
        `${re} in:\n${rows.join("\n")}`,
      ).toBe(true);
    has(/通过转介绍提交表单，索取《增长白皮书》$/);
    has(/通过付费广告再次索取《增长白皮书》$/);
    has(/下载了《增长白皮书》$/);
    has(/打开了邮件「您的《增长白皮书》已备好」$/);
    has(/评分 \+15（规则：高级职位）$/);
    has(/评分 \+10（规则：索取资料）$/);
    has(/点击了邮件「您的《增长白皮书》已备好」中的下载链接$/);
    has(/评分 \+5（规则：点击培育邮件）$/);
    has(/阶段：线索 → 市场合格线索（评分 \d+ 达到 MQL 阈值 50）$/);
    has(/阶段：市场合格线索 → 客户（销售反馈：已成交）$/);
    has(/市场合格线索 → 客户 销售反馈：已成交$/);
    expect(html).not.toMatch(/Sales reported|Requested|rule /);
  });

  it("the lead list names stages in Chinese too", async () => {
    const list = await (await zh.get("/admin/leads")).text();
    expect(list).toContain('<span class="pill">客户</span>');
    expect(list).toMatch(/<option value="mql"[^>]*>市场合格线索<\/option>/);
  });
});
