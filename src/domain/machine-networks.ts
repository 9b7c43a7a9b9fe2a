// The networks and user agents of machines that fetch email content: mail security gateways and image proxies.
import ipaddr from "ipaddr.js";

/**
 * Mail security gateways' own networks, as their vendors publish them for allow-listing mail flow. A person does
 * not browse from a mail gateway, so an open or a click from one is the gateway scanning the message.
 */
const SCANNER_NETWORKS: Record<string, string[]> = {
  // Exchange Online Protection (Microsoft 365 "URLs and IP address ranges", Exchange Online).
  microsoft: [
    "40.92.0.0/15",
    "40.107.0.0/16",
    "52.100.0.0/14",
    "104.47.0.0/17",
    "2a01:111:f400::/48",
    "2a01:111:f403::/48",
  ],
  proofpoint: ["148.163.128.0/19", "67.231.144.0/20"],
  mimecast: [
    "205.139.110.0/24",
    "207.211.30.0/24",
    "91.220.42.0/24",
    "146.101.78.0/24",
    "195.130.217.0/24",
  ],
  barracuda: ["209.222.80.0/21", "64.235.144.0/20"],
};

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
const parsed = (list: string[]): Cidr[] => list.map((c) => ipaddr.parseCIDR(c));
const SCANNERS: [string, Cidr[]][] = Object.entries(SCANNER_NETWORKS).map(([k, v]) => [
  k,
  parsed(v),
]);

function address(ip: string | null): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ip || !ipaddr.isValid(ip.trim())) return null;
  // ::ffff:17.1.2.3 is an IPv4 address written as IPv6.
  return ipaddr.process(ip.trim());
}

const within = (a: ipaddr.IPv4 | ipaddr.IPv6, ranges: Cidr[]) =>
  ranges.some(([net, bits]) => a.kind() === net.kind() && a.match(net, bits));

/** The gateway vendor whose network `ip` is in, or null. */
export function scannerNetworkOf(ip: string | null): string | null {
  const a = address(ip);
  if (!a) return null;
  return SCANNERS.find(([, ranges]) => within(a, ranges))?.[0] ?? null;
}

/** Words in the user agents of mail security scanners (case-insensitive). */
export const SCANNER_AGENT_WORDS = [
  "barracuda",
  "proofpoint",
  "mimecast",
  "safelinks",
  "ironport",
  "ciscosecureemail",
  "trend micro",
  "tmes",
  "forcepoint",
  "symantec",
  "sophos",
  "fortimail",
  "trellix",
  "fireeye",
  "zscaler",
  "cloudmark",
  "bitdefender",
];

/**
 * Microsoft Office checks a link itself before it hands the click to the browser, so the person's click still
 * arrives, from the browser. Outlook's own image loads carry the same words: for an open they are the reader's.
 */
export const OFFICE_LINK_CHECK = /ms-office|msoffice|microsoft office|microsoft outlook/i;

/** Mail providers' image proxies fetch images when a person opens the message: such an open is the person's. */
export const MAIL_IMAGE_PROXY = /GoogleImageProxy|ggpht\.com|YahooMailProxy/i;
