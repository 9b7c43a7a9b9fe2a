// The demo drips: a 3-step sequence on each demo asset, created once however often the seed runs.
import type { Db } from "../../env";
import type { Asset } from "../../db/schema";
import { assetBySlug } from "../../store/assets";
import { sequenceHasSteps } from "../../store/sequence-steps";
import { authorSequence, type SequenceInput } from "../nurture/author-sequence";

export const DEMO_WHITEPAPER_SLUG = "saas-growth-whitepaper";
export const DEMO_COURSE_SLUG = "lead-scoring-open-class";

const weekdays = { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 18, timezone: "lead" as const };

const DEMO_SEQUENCES: Record<string, SequenceInput> = {
  [DEMO_WHITEPAPER_SLUG]: {
    name: "SaaS growth whitepaper: follow-up",
    steps: [
      { template: "whitepaper-welcome", delayMinutes: 0 },
      {
        template: "whitepaper-follow-up",
        delayMinutes: 2 * 24 * 60,
        sendWindow: weekdays,
        conditions: { skipIfQualified: true },
      },
      {
        template: "whitepaper-open-class",
        delayMinutes: 5 * 24 * 60,
        sendWindow: weekdays,
        conditions: { skipIfQualified: true },
      },
    ],
  },
  [DEMO_COURSE_SLUG]: {
    name: "Lead scoring open class: reminders and replay",
    steps: [
      { template: "course-reminder-day", anchor: "session_start", delayMinutes: -24 * 60 },
      { template: "course-reminder-hour", anchor: "session_start", delayMinutes: -60 },
      // The day after: the replay for those who missed it, thanks (and the same replay) for those who came.
      {
        template: "course-replay",
        anchor: "session_start",
        delayMinutes: 24 * 60,
        conditions: { skipIfAttended: true },
      },
      {
        template: "course-thanks-attended",
        anchor: "session_start",
        delayMinutes: 24 * 60,
        conditions: { skipIfNoShow: true },
      },
    ],
  },
};

async function hasSteps(db: Db, asset: Asset): Promise<boolean> {
  if (!asset.sequenceId) return false;
  return sequenceHasSteps(db, asset.sequenceId);
}

/** Gives each demo asset that exists its sequence, unless it already has one. Returns the slugs given one now. */
export async function ensureDemoSequences(db: Db, now: number): Promise<string[]> {
  const created: string[] = [];
  for (const [slug, sequence] of Object.entries(DEMO_SEQUENCES)) {
    const asset = await assetBySlug(db, slug);
    if (!asset || (await hasSteps(db, asset))) continue;
    await authorSequence(db, asset, sequence, now);
    created.push(slug);
  }
  return created;
}
