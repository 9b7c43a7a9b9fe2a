import { describe, it, expect } from "vitest";
import { EMAIL_TEMPLATES } from "../../templates/emails";
import { EMAIL_VARIABLES } from "../../templates/emails/types";
import { authorSequence, stepProblems } from "../../src/services/nurture/author-sequence";
import { MissingVariableError, renderEmail } from "../../src/services/nurture/render-email";
import { AppError } from "../../src/errors";
import { db, makeAsset } from "../support/fixtures";
import { LOCALES } from "../../src/db/schema";

const ctx = {
  origin: "https://lodestone.test",
  secret: "test-secret-0123456789-0123456789-abc",
  sendId: 7,
  unsubscribeUrl: "https://lodestone.test/u/x",
};
const fullVars = Object.fromEntries(
  EMAIL_VARIABLES.map((v) => [v, v === "name" ? "Ann" : `https://example.com/${v}`]),
);

describe("authoring a sequence checks each step against its template", () => {
  it("refuses a course template on a whitepaper: it needs the session time a whitepaper cannot supply", async () => {
    const asset = await makeAsset();
    const attempt = authorSequence(
      db(),
      asset,
      {
        name: "Wrong",
        steps: [{ template: "course-reminder-day", anchor: "enrolment", delayMinutes: 0 }],
      },
      Date.now(),
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { fields: { "steps.0": [expect.stringContaining("session_time")] } },
    });
  });

  it.each([
    [
      "an unknown template",
      { template: "no-such-email", anchor: "enrolment" as const, delayMinutes: 0 },
      /no email template/,
    ],
    [
      "the opt-in confirmation as a step",
      { template: "optin-confirm", anchor: "enrolment" as const, delayMinutes: 0 },
      /no email template/,
    ],
    [
      "a session anchor on a whitepaper",
      { template: "whitepaper-welcome", anchor: "session_start" as const, delayMinutes: -60 },
      /session start/,
    ],
    [
      "a step before the enrolment",
      { template: "whitepaper-welcome", anchor: "enrolment" as const, delayMinutes: -5 },
      /before the enrolment/,
    ],
  ])("names %s", (_name, step, message) => {
    expect(
      stepProblems({ ...step, conditions: {}, sendWindow: null }, "whitepaper").join(" "),
    ).toMatch(message);
  });

  it("accepts course reminders on a course and attaches the sequence to the asset", async () => {
    const asset = await makeAsset({ kind: "course", fileKey: null });
    const { sequenceId } = await authorSequence(
      db(),
      asset,
      {
        name: "Course",
        steps: [{ template: "course-reminder-day", anchor: "session_start", delayMinutes: -1440 }],
      },
      Date.now(),
    );
    const stored = await db().query.assets.findFirst({ where: (a, { eq }) => eq(a.id, asset.id) });
    expect(stored!.sequenceId).toBe(sequenceId);
  });

  it("refuses a send window that closes before it opens", async () => {
    const asset = await makeAsset();
    const attempt = authorSequence(
      db(),
      asset,
      {
        name: "W",
        steps: [
          {
            template: "whitepaper-welcome",
            delayMinutes: 0,
            sendWindow: { days: [1], startHour: 17, endHour: 9, timezone: "lead" },
          },
        ],
      },
      Date.now(),
    );
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("every template, in both locales", () => {
  const cases = Object.values(EMAIL_TEMPLATES).flatMap((t) =>
    LOCALES.map((l) => [t.id, l] as const),
  );
  it.each(cases)(
    "%s (%s) renders with only the variables it declares, a subject, a preheader and no blanks",
    async (id, locale) => {
      const template = EMAIL_TEMPLATES[id]!;
      const vars = Object.fromEntries(["name", ...template.requires].map((k) => [k, fullVars[k]]));
      const email = await renderEmail(template, locale, vars as never, ctx);
      expect(email.subject.length).toBeGreaterThan(3);
      expect(email.html).toContain("display:none");
      expect(email.html).not.toMatch(/undefined|null|NaN/);
      expect(email.text).toContain(ctx.unsubscribeUrl);
      expect(email.html).toContain("/t/o/");
    },
  );

  it("a missing variable is an error, not a blank", async () => {
    const template = EMAIL_TEMPLATES["whitepaper-welcome"]!;
    await expect(
      renderEmail(template, "en", { name: null, asset_title: "T", share_url: "https://x" }, ctx),
    ).rejects.toBeInstanceOf(MissingVariableError);
  });

  it("greets without a name in both languages", async () => {
    const template = EMAIL_TEMPLATES["whitepaper-follow-up"]!;
    const en = await renderEmail(
      template,
      "en",
      { name: null, asset_title: "T", download_url: "https://x" },
      ctx,
    );
    const zh = await renderEmail(
      template,
      "zh-CN",
      { name: "  ", asset_title: "T", download_url: "https://x" },
      ctx,
    );
    expect(en.text.startsWith("Hi there,")).toBe(true);
    expect(zh.text.startsWith("您好：")).toBe(true);
  });
});
