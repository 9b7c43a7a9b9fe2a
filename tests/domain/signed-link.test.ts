import { describe, it, expect } from "vitest";
import { signLink, verifyLink } from "../../src/domain/signed-link";
import { buildIcs } from "../../src/domain/ics";

const SECRET = "a-secret-of-at-least-32-characters-long";
const NOW = Date.UTC(2026, 10, 23, 12);

describe("signed links", () => {
  it("verifies its own token and returns the payload", async () => {
    const token = await signLink(SECRET, "download", { l: 1, a: 2 }, NOW / 1000 + 60);
    expect(await verifyLink(SECRET, "download", token, NOW)).toEqual({
      ok: true,
      payload: { l: 1, a: 2 },
    });
  });

  it("refuses a token whose payload was altered", async () => {
    const token = await signLink(SECRET, "download", { l: 1, a: 2 }, NOW / 1000 + 60);
    const [body, sig] = token.split(".");
    const forged = btoa(atob(body!.replace(/-/g, "+").replace(/_/g, "/")).replace('"l":1', '"l":9'))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    expect((await verifyLink(SECRET, "download", `${forged}.${sig}`, NOW)).ok).toBe(false);
  });

  it.each([["garbage"], ["a.b"], ["a.b.c"], [""], ["x".repeat(5000)]])(
    "refuses malformed token %#",
    async (token) => {
      expect(await verifyLink(SECRET, "download", token, NOW)).toMatchObject({
        ok: false,
        reason: "tampered",
      });
    },
  );

  it("refuses a token signed with another secret", async () => {
    const token = await signLink(
      "another-secret-of-at-least-32-characters",
      "download",
      { l: 1 },
      null,
    );
    expect(await verifyLink(SECRET, "download", token, NOW)).toMatchObject({
      ok: false,
      reason: "tampered",
    });
  });

  it("refuses a token made for another purpose", async () => {
    const token = await signLink(SECRET, "unsubscribe", { l: 1 }, null);
    expect(await verifyLink(SECRET, "download", token, NOW)).toMatchObject({
      ok: false,
      reason: "tampered",
    });
  });

  it("says expired (with the payload, to offer a fresh link) after the expiry", async () => {
    const token = await signLink(SECRET, "download", { l: 1, a: 2 }, NOW / 1000 - 1);
    expect(await verifyLink(SECRET, "download", token, NOW)).toEqual({
      ok: false,
      reason: "expired",
      payload: { l: 1, a: 2 },
    });
  });
});

describe("calendar file", () => {
  it("is a valid VEVENT with escaped text and CRLF line ends", () => {
    const ics = buildIcs({
      uid: "s-1@lodestone",
      startsAt: Date.UTC(2026, 11, 1, 14),
      durationMinutes: 90,
      title: "Scoring, decay; and you",
      description: "Line one\nLine two",
      joinUrl: "https://x.test/p/a",
      sequence: 0,
      now: NOW,
    });
    expect(ics).toContain("DTSTART:20261201T140000Z\r\n");
    expect(ics).toContain("DTEND:20261201T153000Z\r\n");
    expect(ics).toContain("SUMMARY:Scoring\\, decay\\; and you\r\n");
    expect(ics).toContain("DESCRIPTION:Line one\\nLine two\\n\\nhttps://x.test/p/a\r\n");
    expect(ics.split("\r\n").every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });
});
