import { describe, it, expect } from "vitest";
import { checkWebhookTarget } from "../../src/domain/webhook-target";

const production = { localDev: false };
const localDev = { localDev: true };

describe("where a webhook may be sent", () => {
  it.each([
    "https://crm.example.com/hooks/lodestone",
    "https://CRM.Example.com:8443/h?x=1",
    "https://8.8.8.8/hook",
    "https://[2606:4700:4700::1111]/hook",
    "https://user:pass@crm.example.com/h",
  ])("%s is a public https receiver, allowed everywhere", (url) => {
    expect(checkWebhookTarget(url, production).ok).toBe(true);
    expect(checkWebhookTarget(url, localDev).ok).toBe(true);
  });

  it.each([
    ["http://localhost:3000/hook"],
    ["http://127.0.0.1:9999/crm"],
    ["http://[::1]:8080/h"],
    ["https://localhost/h"],
    ["http://LOCALHOST:3000/"],
  ])("%s is a local CRM mock: allowed in local dev only", (url) => {
    expect(checkWebhookTarget(url, localDev).ok).toBe(true);
    expect(checkWebhookTarget(url, production)).toMatchObject({ ok: false });
  });

  it.each([
    // The cloud metadata address and its disguises.
    ["https://169.254.169.254/latest/meta-data/", "link-local"],
    ["https://2852039166/", "metadata in decimal"],
    ["https://0xa9.0xfe.0xa9.0xfe/", "metadata in hex"],
    ["https://0251.0376.0251.0376/", "metadata in octal"],
    ["https://169.254.43518/", "metadata in short form"],
    ["https://[::ffff:169.254.169.254]/", "metadata IPv4-mapped, dotted"],
    ["https://[::ffff:a9fe:a9fe]/", "metadata IPv4-mapped, hex"],
    ["https://[fe80::1]/", "IPv6 link-local"],
    // Unspecified.
    ["https://0.0.0.0/", "unspecified"],
    ["http://0.0.0.0:8080/", "unspecified over http"],
    ["https://0/", "unspecified, short"],
    ["https://[::]/", "IPv6 unspecified"],
    // Loopback, in every spelling but the three plain ones.
    ["http://2130706433/", "loopback in decimal"],
    ["http://0177.0.0.1/", "loopback in octal"],
    ["http://0x7f.1/", "loopback in hex"],
    ["http://127.1/", "loopback, short form"],
    ["http://127.0.0.2/", "another loopback address"],
    ["http://127.0.0.1./", "loopback with a trailing dot"],
    ["http://%31%32%37.0.0.1/", "loopback percent-encoded"],
    ["http://[::ffff:127.0.0.1]/", "loopback IPv4-mapped"],
    ["http://[0:0:0:0:0:0:0:1]/", "IPv6 loopback, long form"],
    ["http://app.localhost/", "a name under localhost"],
    ["http://localhost./", "localhost with a trailing dot"],
    ["http:\\\\127.1\\h", "backslashes before a short form"],
    // Private networks and other special ranges.
    ["https://10.0.0.5/", "private 10/8"],
    ["https://10.1/", "private, short form"],
    ["https://172.16.0.1/", "private 172.16/12"],
    ["https://192.168.1.1/", "private 192.168/16"],
    ["https://100.64.0.1/", "carrier-grade NAT"],
    ["https://[fd00::1]/", "IPv6 unique-local"],
    ["https://[fc00::1]/", "IPv6 unique-local fc00"],
    ["https://224.0.0.1/", "multicast"],
    ["https://[ff02::1]/", "IPv6 multicast"],
    ["https://255.255.255.255/", "broadcast"],
    ["https://192.0.2.10/", "reserved (documentation)"],
    ["https://[64:ff9b::a9fe:a9fe]/", "NAT64 of the metadata address"],
    ["https://[2002:a9fe:a9fe::]/", "6to4 of the metadata address"],
    // Not https, or not a web URL at all.
    ["http://crm.example.com/hook", "plain http to a public host"],
    ["ftp://crm.example.com/hook", "another scheme"],
    ["javascript:alert(1)", "script"],
    ["https://crm.example.com/h\r\nX: y", "CR/LF"],
    [" https://crm.example.com/h", "leading space"],
    ["crm", "not a URL"],
  ])("%s (%s) is refused everywhere", (url) => {
    const prod = checkWebhookTarget(url, production);
    const dev = checkWebhookTarget(url, localDev);
    expect(prod.ok).toBe(false);
    expect(dev.ok).toBe(false);
    expect(!prod.ok && prod.reason).toMatch(/\w/);
  });

  it("says why an address is refused, naming its range", () => {
    expect(checkWebhookTarget("https://192.168.1.1/", production)).toEqual({
      ok: false,
      reason: "192.168.1.1 is in the private range: only public hosts receive webhooks",
    });
    expect(checkWebhookTarget("http://2130706433/", localDev)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("decimal, octal, hex or short form"),
    });
  });
});
