// Mail about sales routing: a lead for its new owner (summary, why this score, deadline) and marketing's notice of a lapse.
import type { Locale } from "../../src/db/schema";
import type { EmailBlock, EmailContent } from "./types";
import { greeting } from "./types";

export interface OwnerMailVars {
  ownerName: string | null;
  /** The lead as a line: name, job title, company, country (what is known). */
  lead: string;
  score: number;
  /** Why this score: the top reasons as "label (+points)". */
  reasons: string[];
  /** The deadline in the workspace's time zone, written for people. */
  acceptBy: string;
  leadUrl: string;
  /** True when the lead came from a teammate who did not accept it in time. */
  handedOn: boolean;
}

function reasonBlocks(locale: Locale, reasons: string[]): EmailBlock[] {
  if (!reasons.length) return [];
  const head = locale === "zh-CN" ? "评分依据：" : "Why this score:";
  return [{ p: `${head} ${reasons.join(locale === "zh-CN" ? "；" : "; ")}` }];
}

export function ownerEmail(locale: Locale, v: OwnerMailVars): EmailContent {
  if (locale === "zh-CN")
    return {
      subject: `新的合格线索：${v.lead}`,
      preheader: `请在 ${v.acceptBy} 前接受`,
      blocks: [
        { p: greeting("zh-CN", v.ownerName) },
        {
          p: v.handedOn
            ? `这条线索原负责人未按时接受，现已分配给您：${v.lead}，评分 ${v.score}。`
            : `一条线索刚达到 MQL 标准并分配给您：${v.lead}，评分 ${v.score}。`,
        },
        ...reasonBlocks("zh-CN", v.reasons),
        { p: `请在 ${v.acceptBy} 前在控制台接受，逾期将转给团队中的下一位同事。` },
        { button: { label: "查看并接受线索", href: v.leadUrl } },
      ],
    };
  return {
    subject: `New qualified lead: ${v.lead}`,
    preheader: `Accept by ${v.acceptBy}`,
    blocks: [
      { p: greeting("en", v.ownerName) },
      {
        p: v.handedOn
          ? `A teammate did not accept this lead in time, so it is yours now: ${v.lead}, score ${v.score}.`
          : `A lead just qualified and is yours: ${v.lead}, score ${v.score}.`,
      },
      ...reasonBlocks("en", v.reasons),
      {
        p: `Accept it in the dashboard by ${v.acceptBy}; after that it goes to the next person in the team.`,
      },
      { button: { label: "Open and accept the lead", href: v.leadUrl } },
    ],
  };
}

export interface LapseMailVars {
  name: string | null;
  lead: string;
  /** Who let it lapse (name or address). */
  from: string;
  /** Who has it now; null when the team is exhausted and marketing holds it. */
  to: string | null;
  leadUrl: string;
}

export function lapseEmail(locale: Locale, v: LapseMailVars): EmailContent {
  if (locale === "zh-CN")
    return {
      subject: v.to ? `线索已转交：${v.lead}` : `线索无人接受，已退回市场：${v.lead}`,
      preheader: `${v.from} 未按时接受`,
      blocks: [
        { p: greeting("zh-CN", v.name) },
        {
          p: v.to
            ? `${v.from} 未在期限内接受线索 ${v.lead}，已自动转交给 ${v.to}。`
            : `${v.from} 未在期限内接受线索 ${v.lead}，团队中已无其他人可接手，线索现由市场团队持有并已标记。`,
        },
        { button: { label: "查看线索", href: v.leadUrl } },
      ],
    };
  return {
    subject: v.to ? `Lead handed on: ${v.lead}` : `Nobody accepted a lead: ${v.lead}`,
    preheader: `${v.from} did not accept it in time`,
    blocks: [
      { p: greeting("en", v.name) },
      {
        p: v.to
          ? `${v.from} did not accept ${v.lead} in time, so it went to ${v.to}.`
          : `${v.from} did not accept ${v.lead} in time and nobody else in the team is left: marketing holds it now, flagged.`,
      },
      { button: { label: "Open the lead", href: v.leadUrl } },
    ],
  };
}
