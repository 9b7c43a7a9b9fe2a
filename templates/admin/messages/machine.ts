// Dashboard words for opens and clicks made by machines (Apple's mail proxy, mail security scanners), en and zh-CN.
import type { MachineReason } from "../../../src/db/schema";

type MachineWords = Record<`machine_${MachineReason}` | "machine_event", string>;

export const machineEn = {
  machine_event: "machine",
  machine_apple_mpp: "Apple Mail Privacy Protection loaded the images when the message arrived",
  machine_scanner_agent: "A mail security scanner (known by its user agent)",
  machine_scanner_network: "A mail security gateway's network",
  machine_bot_agent: "An automated client, not a browser",
  machine_no_agent: "A request that named no browser",
  machine_prefetch: "A prefetch or link check, not a visit",
  machine_honeypot: "Followed the hidden link that only machines see",
  machine_too_soon: "Seconds after sending, before anyone could read it",
  machine_link_burst: "Several links of the message within seconds: a scanner walking it",
} as const satisfies MachineWords;

export const machineZh: Record<keyof typeof machineEn, string> = {
  machine_event: "机器",
  machine_apple_mpp: "Apple 邮件隐私保护在邮件到达时自动加载了图片",
  machine_scanner_agent: "邮件安全扫描程序（由其 User-Agent 识别）",
  machine_scanner_network: "来自邮件安全网关的网络",
  machine_bot_agent: "自动化程序，而非浏览器",
  machine_no_agent: "请求未标明任何浏览器",
  machine_prefetch: "预取或链接检查，而非访问",
  machine_honeypot: "访问了只有机器才能看到的隐藏链接",
  machine_too_soon: "发送后几秒内，还没人来得及阅读",
  machine_link_burst: "几秒内访问了邮件中的多个链接：扫描程序在逐一检查",
};
