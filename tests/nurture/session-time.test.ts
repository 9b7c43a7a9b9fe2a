// {{session_time}} in an email reads as the landing page does: the session's own zone named as people say it
// (北京时间), and the reader's own time beside it when their clock reads differently.
import { describe, expect, it } from "vitest";
import { sessionTimeFor } from "../../src/services/nurture/session-time";

// 19:00 in Shanghai on 9 December 2026 is 11:00 UTC and 06:00 in New York.
const AT = Date.UTC(2026, 11, 9, 11, 0);

describe("the session time in an email", () => {
  it("a reader in China gets the time once, in 北京时间", () => {
    expect(sessionTimeFor(AT, "Asia/Shanghai", "CN", "zh-CN")).toBe(
      "2026年12月9日 19:00（北京时间）",
    );
  });

  it("a reader in New York also gets their own time, named", () => {
    const text = sessionTimeFor(AT, "Asia/Shanghai", "US", "en");
    expect(text).toMatch(/^December 9, 2026 at 7:00\sPM \(China Standard Time\) · Your time: /);
    expect(text).toMatch(/Dec 9, 2026, 6:00\sAM \(Eastern Time\)$/);
  });

  it("a zone with the same clock at that moment (Singapore beside Shanghai) is not repeated", () => {
    expect(sessionTimeFor(AT, "Asia/Shanghai", "SG", "en")).toMatch(
      /^December 9, 2026 at 7:00\sPM \(China Standard Time\)$/,
    );
  });

  it("in Chinese, the reader's own time is 您的时间", () => {
    expect(sessionTimeFor(AT, "Asia/Shanghai", "US", "zh-CN")).toMatch(
      /^2026年12月9日 19:00（北京时间） · 您的时间 2026年12月9日 06:00（北美东部时间）$/,
    );
  });
});
