// The sequence editor's drafts: a step started from a course template lands where that email belongs
// (a day-before reminder is counted from the session start), and a new course's editor starts with one.
import { describe, expect, it } from "vitest";
import {
  draftOfSequence,
  editDraft,
  inputOfDraft,
  newStep,
} from "../../src/services/nurture/sequence-form";

describe("adding a step in the sequence editor", () => {
  it("a day-before reminder is counted from the session start, one day before", () => {
    const step = newStep("course-reminder-day", "course");
    expect([step.anchor, step.delay, step.unit]).toEqual(["session_start", "-1", "days"]);
  });

  it("an hour-before reminder is an hour before the session start", () => {
    const step = newStep("course-reminder-hour", "course");
    expect([step.anchor, step.delay, step.unit]).toEqual(["session_start", "-1", "hours"]);
  });

  it("the replay goes the day after the session, and not to those who came", () => {
    const draft = editDraft(draftOfSequence(null, "course"), "add", "course", "course-replay");
    const replay = inputOfDraft(draft).steps.at(-1)!;
    expect(replay).toMatchObject({
      template: "course-replay",
      anchor: "session_start",
      delayMinutes: 24 * 60,
      conditions: { skipIfAttended: true },
    });
  });

  it("a whitepaper step, and a blank one, go a day after sign-up", () => {
    for (const step of [
      newStep("whitepaper-follow-up", "whitepaper"),
      newStep(undefined, "whitepaper"),
    ])
      expect([step.anchor, step.delay, step.unit]).toEqual(["enrolment", "1", "days"]);
  });

  it("a course with no drip yet opens on a reminder the day before its session", () => {
    const [first] = draftOfSequence(null, "course").steps;
    expect(first).toMatchObject({ template: "course-reminder-day", anchor: "session_start" });
  });
});
