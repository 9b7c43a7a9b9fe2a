import { describe, it, expect } from "vitest";
import {
  classifyTraffic,
  classifyVisit,
  revealsEarlierClicks,
  type TrafficSignals,
} from "../../src/domain/machine-traffic";

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const APPLE_MAIL_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const OUTLOOK_DESKTOP =
  "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)";
const GMAIL_PROXY =
  "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const WECHAT_ANDROID =
  "Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/5197 MMWEBSDK/20230805 MMWEBID/2586 MicroMessenger/8.0.42.2460(0x28002A3D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
const HEADLESS =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 Safari/537.36";

const at = (path: string, secondsAgo: number) => ({
  url: `https://acme.example${path}`,
  secondsAgo,
});

const open = (over: Partial<TrafficSignals>): TrafficSignals => ({
  kind: "open",
  userAgent: IPHONE_SAFARI,
  ip: "203.0.113.7",
  secondsSinceSent: 3600,
  ...over,
});
const click = (over: Partial<TrafficSignals>): TrafficSignals => ({
  kind: "click",
  userAgent: CHROME_WINDOWS,
  ip: "198.51.100.20",
  secondsSinceSent: 600,
  url: "https://acme.example/report",
  recentClicks: [],
  linksInMessage: 3,
  ...over,
});

describe("opens", () => {
  it.each([
    [
      "Apple Mail Privacy Protection's proxy (bare agent, Apple address)",
      open({ userAgent: "Mozilla/5.0", ip: "17.58.101.44" }),
      "apple_mpp",
    ],
    [
      "Apple Mail Privacy Protection through Private Relay egress",
      open({ userAgent: "Mozilla/5.0", ip: "172.225.46.59", secondsSinceSent: 40 }),
      "apple_mpp",
    ],
    ["no user agent at all", open({ userAgent: null }), "no_agent"],
    ["a blank user agent", open({ userAgent: "   " }), "no_agent"],
    [
      "Barracuda's scanner rendering the message",
      open({ userAgent: "Barracuda Sentinel (EE)" }),
      "scanner_agent",
    ],
    [
      "a Proofpoint gateway address",
      open({ userAgent: CHROME_WINDOWS, ip: "148.163.150.22" }),
      "scanner_network",
    ],
    [
      "Exchange Online Protection's address",
      open({ userAgent: CHROME_WINDOWS, ip: "40.107.22.71" }),
      "scanner_network",
    ],
    [
      "Exchange Online Protection over IPv6",
      open({ userAgent: CHROME_WINDOWS, ip: "2a01:111:f400:fe1e::30" }),
      "scanner_network",
    ],
    ["a Mimecast gateway address", open({ ip: "205.139.110.61" }), "scanner_network"],
    [
      "a Mimecast address written as IPv4-mapped IPv6",
      open({ ip: "::ffff:205.139.110.61" }),
      "scanner_network",
    ],
    ["a headless browser", open({ userAgent: HEADLESS }), "bot_agent"],
    ["a pixel fetched one second after sending", open({ secondsSinceSent: 1 }), "too_soon"],
    ["a prefetch the browser announced", open({ purpose: "prefetch" }), "prefetch"],
  ])("%s is a machine (%s)", (_name, signals, reason) => {
    expect(classifyTraffic(signals)).toEqual({ by: "machine", reason });
  });

  it.each([
    ["Safari on an iPhone an hour later", open({})],
    [
      "Apple Mail on a Mac with protection off",
      open({ userAgent: APPLE_MAIL_MAC, ip: "17.100.4.2" }),
    ],
    [
      "Outlook on Windows loading images",
      open({ userAgent: "Mozilla/4.0 (compatible; ms-office; MSOffice 16)" }),
    ],
    ["Outlook on Windows, newer agent", open({ userAgent: OUTLOOK_DESKTOP })],
    [
      "Gmail's image proxy, fetching when the reader opens",
      open({ userAgent: GMAIL_PROXY, ip: "66.249.84.3" }),
    ],
    ["WeChat's browser on Android", open({ userAgent: WECHAT_ANDROID, ip: "101.227.12.8" })],
    ["an open whose sending time is not known", open({ secondsSinceSent: null })],
    ["an open three seconds after sending", open({ secondsSinceSent: 3 })],
  ])("%s is a person", (_name, signals) => {
    expect(classifyTraffic(signals)).toEqual({ by: "human" });
  });

  it("an open reported without its agent or address (Resend's) is judged by its timing alone", () => {
    const resend = { kind: "open", userAgent: undefined, ip: null } as const;
    expect(classifyTraffic({ ...resend, secondsSinceSent: 1 })).toEqual({
      by: "machine",
      reason: "too_soon",
    });
    expect(classifyTraffic({ ...resend, secondsSinceSent: 900 })).toEqual({ by: "human" });
  });
});

describe("clicks", () => {
  it.each([
    ["the hidden link", click({ honeypot: true }), "honeypot"],
    ["a link after the hidden one was followed", click({ honeypotRecently: true }), "honeypot"],
    [
      "the third different link within seconds",
      click({ recentClicks: [at("/a", 2), at("/b", 20)], linksInMessage: 5 }),
      "link_burst",
    ],
    [
      "both links of a two-link message within seconds",
      click({ recentClicks: [at("/a", 1)], linksInMessage: 2 }),
      "link_burst",
    ],
    ["a HEAD request checking the link", click({ method: "HEAD" }), "prefetch"],
    ["a click five seconds after sending", click({ secondsSinceSent: 5 }), "too_soon"],
    [
      "Microsoft Office checking the link before the browser opens it",
      click({ userAgent: OUTLOOK_DESKTOP }),
      "scanner_agent",
    ],
    [
      "Proofpoint URL Defense",
      click({ userAgent: "Mozilla/5.0 (compatible; Proofpoint URL Defense)" }),
      "scanner_agent",
    ],
    [
      "Defender detonating from Exchange Online Protection",
      click({ ip: "52.101.62.19" }),
      "scanner_network",
    ],
    ["a Barracuda gateway address", click({ ip: "209.222.82.252" }), "scanner_network"],
    ["a bare Mozilla/5.0 click", click({ userAgent: "Mozilla/5.0" }), "bot_agent"],
    ["a script", click({ userAgent: "python-requests/2.31.0" }), "bot_agent"],
  ])("%s is a machine (%s)", (_name, signals, reason) => {
    expect(classifyTraffic(signals)).toEqual({ by: "machine", reason });
  });

  it.each([
    ["one link a minute after sending", click({ secondsSinceSent: 60 })],
    [
      "a second, different link of a three-link message",
      click({ recentClicks: [at("/a", 8)], linksInMessage: 3 }),
    ],
    [
      "the second link of a two-link message twenty seconds after the first",
      click({ recentClicks: [at("/a", 20)], linksInMessage: 2 }),
    ],
    [
      "the same link clicked three times",
      click({ url: "https://acme.example/a", recentClicks: [at("/a", 1), at("/a", 2)] }),
    ],
    ["the only link of a one-link message", click({ linksInMessage: 1 })],
    [
      "a link of a message whose link count is not known",
      click({ linksInMessage: null, recentClicks: [at("/a", 1)] }),
    ],
    ["WeChat's browser", click({ userAgent: WECHAT_ANDROID, ip: "101.227.12.8" })],
    ["Safari from an Apple office address", click({ userAgent: IPHONE_SAFARI, ip: "17.100.4.2" })],
  ])("%s is a person", (_name, signals) => {
    expect(classifyTraffic(signals)).toEqual({ by: "human" });
  });

  it("a burst or the hidden link shows the clicks just before it were a machine's too; a slow agent does not", () => {
    expect(revealsEarlierClicks(classifyTraffic(click({ honeypot: true })))).toBe(true);
    expect(
      revealsEarlierClicks(classifyTraffic(click({ recentClicks: [at("/a", 1), at("/b", 2)] }))),
    ).toBe(true);
    expect(revealsEarlierClicks(classifyTraffic(click({ userAgent: OUTLOOK_DESKTOP })))).toBe(
      false,
    );
    expect(revealsEarlierClicks(classifyTraffic(click({})))).toBe(false);
  });
});

describe("downloads opened from a link", () => {
  it.each([
    [
      "Barracuda following the link to the file",
      { userAgent: "Barracuda Sentinel (EE)", ip: "198.51.100.9" },
      "scanner_agent",
    ],
    [
      "Exchange Online Protection fetching the file",
      { userAgent: CHROME_WINDOWS, ip: "40.92.3.14" },
      "scanner_network",
    ],
    ["a HEAD check", { userAgent: CHROME_WINDOWS, ip: "198.51.100.9", method: "HEAD" }, "prefetch"],
  ])("%s is a machine (%s)", (_name, signals, reason) => {
    expect(classifyVisit(signals)).toEqual({ by: "machine", reason });
  });

  it.each([
    ["a browser", { userAgent: CHROME_WINDOWS, ip: "198.51.100.9" }],
    ["a request without an agent (a download tool)", { userAgent: null, ip: "198.51.100.9" }],
  ])("%s is a person", (_name, signals) => {
    expect(classifyVisit(signals)).toEqual({ by: "human" });
  });
});
