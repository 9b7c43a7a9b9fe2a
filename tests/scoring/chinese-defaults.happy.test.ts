import { describe, it, expect, beforeAll, vi } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset, STANDARD_FORM } from "../support/fixtures";
import { captureViaGate } from "../support/api";
import { QUEUE_TIMEOUTS, QUEUE_WAIT_MS, waitFor } from "../support/leads";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";

vi.setConfig(QUEUE_TIMEOUTS);

const SENIOR = "Senior job title";
const MANAGER = "Manager-level job title";
const FUNCTION = "Works in marketing, sales or operations";
const FREE = "Free-mail address";

const TITLES: [string, Record<string, number>][] = [
  ["市场总监", { [SENIOR]: 15, [FUNCTION]: 5 }],
  ["销售副总裁", { [SENIOR]: 15, [FUNCTION]: 5 }],
  ["首席营销官", { [SENIOR]: 15, [FUNCTION]: 5 }],
  ["华东区运营负责人", { [SENIOR]: 15, [FUNCTION]: 5 }],
  ["市场VP", { [SENIOR]: 15, [FUNCTION]: 5 }],
  ["集团CMO", { [SENIOR]: 15 }],
  ["销售经理", { [MANAGER]: 5, [FUNCTION]: 5 }],
  ["客服主管", { [MANAGER]: 5 }],
  ["Director of Marketing", { [SENIOR]: 15, [FUNCTION]: 5 }],
  ["实习生", {}],
];
const FREE_MAIL = [
  "163.com",
  "126.com",
  "qq.com",
  "sina.com",
  "sina.cn",
  "sohu.com",
  "foxmail.com",
  "yeah.net",
  "aliyun.com",
  "139.com",
  "gmail.com",
];

/** The fit rules that matched the lead, by label, with their points. */
async function fitOf(leadId: number) {
  const rows = await env.DB.prepare(
    `SELECT r.label, sum(l.points) AS points FROM score_ledger l JOIN score_rules r ON r.id = l.rule_id
     WHERE l.lead_id = ? AND l.kind = 'fit' GROUP BY r.label HAVING sum(l.points) != 0 ORDER BY r.label`,
  )
    .bind(leadId)
    .all<{ label: string; points: number }>();
  return Object.fromEntries(rows.results.map((r) => [r.label, r.points]));
}

describe("the default rules score Chinese leads as they score English ones", () => {
  const byTitle = new Map<string, number>();
  const byDomain = new Map<string, number>();
  beforeAll(async () => {
    await ensureDefaultRules(db());
    const { slug } = await makeAsset({ locale: "zh-CN", title: "增长白皮书", form: STANDARD_FORM });
    // Every lead through the real gate first, then one wait for the queue to score them all.
    let n = 0;
    for (const [title] of TITLES)
      byTitle.set(
        title,
        await captureViaGate(slug, {
          email: `title${++n}@example-corp.cn`,
          name: "王芳",
          job_title: title,
        }),
      );
    for (const domain of [...FREE_MAIL, "huawei.com"])
      byDomain.set(
        domain,
        await captureViaGate(slug, { email: `zhang.wei@${domain}`, name: "张伟" }),
      );
    await waitFor(
      async () =>
        (
          await env.DB.prepare("SELECT count(*) AS n FROM leads WHERE scored_at IS NULL").first<{
            n: number;
          }>()
        )?.n === 0,
      "every lead to be scored",
      QUEUE_WAIT_MS,
    );
  });

  it.each(TITLES)("a lead titled %s gets the matching fit rules", async (title, expected) => {
    expect(await fitOf(byTitle.get(title)!)).toEqual(expected);
  });

  it.each(FREE_MAIL)("an address at %s is free mail", async (domain) => {
    expect(await fitOf(byDomain.get(domain)!)).toEqual({ [FREE]: -10 });
  });

  it("a company address is not free mail", async () => {
    expect(await fitOf(byDomain.get("huawei.com")!)).toEqual({});
  });
});
