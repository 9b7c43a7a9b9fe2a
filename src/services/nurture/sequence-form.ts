// The sequence editor's form: a draft read from the stored drip or the posted fields, edited (add, remove,
// reorder) without saving, and turned into the same input the API's PUT takes.
import { LOCALES, type AssetKind, type Locale } from "../../db/schema";
import { STEP_CONDITION_KEYS } from "../../domain/vocabulary";
import type { CopyFields } from "../../domain/email-copy";
import { EMAIL_TEMPLATES, findEmailTemplate } from "../../../templates/emails";
import { OPTIN_TEMPLATE_ID } from "../../../templates/emails/optin";
import type { EmailTemplate } from "../../../templates/emails/types";
import type { AssetSequence } from "./asset-sequence";
import { CUSTOM_TEMPLATE, type SequenceInput } from "./author-sequence";
import { suppliedVariables } from "./author-sequence";
import { defaultCopy } from "./default-copy";

import {
  copyField,
  DELAY_UNITS,
  stepField,
  type DelayUnit,
} from "../../../templates/admin/components/sequence-fields";

export interface StepDraft {
  template: string;
  anchor: "enrolment" | "session_start";
  delay: string;
  unit: DelayUnit;
  window: boolean;
  days: number[];
  startHour: string;
  endHour: string;
  timezone: "lead" | "asset";
  conditions: Record<string, boolean>;
  copy: Record<Locale, CopyFields>;
}
export interface SequenceDraft {
  name: string;
  steps: StepDraft[];
}

/** The templates a step of this kind of asset can start from; a course's own (timed by its session) first. */
export function templatesFor(kind: AssetKind): string[] {
  const supplied = suppliedVariables(kind);
  const bySession = (t: EmailTemplate) => (t.timing?.anchor === "session_start" ? 0 : 1);
  return Object.values(EMAIL_TEMPLATES)
    .filter((t) => t.id !== OPTIN_TEMPLATE_ID && t.requires.every((v) => supplied.has(v)))
    .sort((a, b) => (kind === "course" ? bySession(a) - bySession(b) : 0))
    .map((t) => t.id);
}

function unitOf(minutes: number): DelayUnit {
  if (minutes % 1440 === 0) return "days";
  return minutes % 60 === 0 ? "hours" : "minutes";
}

/** A new step started from a template's words (or blank when there is none). */
export function newStep(templateId: string | undefined, kind: AssetKind): StepDraft {
  const template = templateId ? findEmailTemplate(templateId) : null;
  const usable = template && templatesFor(kind).includes(template.id) ? template : null;
  const blank = { subject: "", preheader: "", body: "Hi {{first_name}},\n\n" };
  const timing = usable?.timing ?? { anchor: "enrolment" as const, delayMinutes: 24 * 60 };
  const unit = unitOf(timing.delayMinutes);
  return {
    template: usable?.id ?? CUSTOM_TEMPLATE,
    anchor: timing.anchor,
    delay: String(timing.delayMinutes / DELAY_UNITS[unit]),
    unit,
    window: false,
    days: [1, 2, 3, 4, 5],
    startHour: "9",
    endHour: "17",
    timezone: "lead",
    conditions: { ...usable?.timing?.conditions },
    copy: Object.fromEntries(
      LOCALES.map((l) => [l, usable ? defaultCopy(usable, l) : { ...blank }]),
    ) as Record<Locale, CopyFields>,
  };
}

export function draftOfSequence(seq: AssetSequence | null, kind: AssetKind): SequenceDraft {
  if (!seq) return { name: "", steps: [newStep(templatesFor(kind)[0], kind)] };
  return {
    name: seq.name,
    steps: seq.steps.map((s) => {
      const unit = unitOf(s.delay_minutes);
      const w = s.send_window as {
        days: number[];
        startHour: number;
        endHour: number;
        timezone: "lead" | "asset";
      } | null;
      const fallback = newStep(s.template, kind).copy;
      return {
        template: s.template,
        anchor: s.anchor === "session_start" ? "session_start" : "enrolment",
        delay: String(s.delay_minutes / DELAY_UNITS[unit]),
        unit,
        window: !!w,
        days: w?.days ?? [1, 2, 3, 4, 5],
        startHour: String(w?.startHour ?? 9),
        endHour: String(w?.endHour ?? 17),
        timezone: w?.timezone ?? "lead",
        conditions: Object.fromEntries(STEP_CONDITION_KEYS.map((k) => [k, !!s.conditions[k]])),
        copy: Object.fromEntries(LOCALES.map((l) => [l, s.copy[l] ?? fallback[l]])) as Record<
          Locale,
          CopyFields
        >,
      };
    }),
  };
}

export function draftOfForm(f: Record<string, string>): SequenceDraft {
  const count = Math.min(Math.max(Number(f.step_count) || 0, 0), 20);
  const steps: StepDraft[] = [];
  for (let i = 0; i < count; i++) {
    const v = (name: string) => f[stepField(i, name)] ?? "";
    steps.push({
      template: v("template") || CUSTOM_TEMPLATE,
      anchor: v("anchor") === "session_start" ? "session_start" : "enrolment",
      delay: v("delay"),
      unit: (Object.hasOwn(DELAY_UNITS, v("unit")) ? v("unit") : "days") as DelayUnit,
      window: v("window") === "on",
      days: [0, 1, 2, 3, 4, 5, 6].filter((d) => v(`day${d}`) === "on"),
      startHour: v("start"),
      endHour: v("end"),
      timezone: v("tz") === "asset" ? "asset" : "lead",
      conditions: Object.fromEntries(STEP_CONDITION_KEYS.map((k) => [k, v(`cond_${k}`) === "on"])),
      copy: Object.fromEntries(
        LOCALES.map((l) => [
          l,
          {
            subject: f[copyField(i, l, "subject")] ?? "",
            preheader: f[copyField(i, l, "preheader")] ?? "",
            body: f[copyField(i, l, "body")] ?? "",
          },
        ]),
      ) as Record<Locale, CopyFields>,
    });
  }
  return { name: f.name ?? "", steps };
}

/** Add, remove or move a step of the draft (`add`, `remove:i`, `up:i`, `down:i`); nothing is saved. */
export function editDraft(
  draft: SequenceDraft,
  op: string,
  kind: AssetKind,
  addTemplate?: string,
): SequenceDraft {
  const steps = [...draft.steps];
  const [verb, at] = op.split(":");
  const i = Number(at);
  if (verb === "add" && steps.length < 20) steps.push(newStep(addTemplate, kind));
  else if (verb === "remove" && steps[i] && steps.length > 1) steps.splice(i, 1);
  else if (verb === "up" && i > 0 && steps[i])
    [steps[i - 1], steps[i]] = [steps[i]!, steps[i - 1]!];
  else if (verb === "down" && steps[i + 1]) [steps[i], steps[i + 1]] = [steps[i + 1]!, steps[i]!];
  return { ...draft, steps };
}

const int = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/** The draft as the API's PUT body: every step with its copy in both locales. */
export function inputOfDraft(draft: SequenceDraft): SequenceInput {
  return {
    name: draft.name,
    steps: draft.steps.map((s) => ({
      ...(s.template !== CUSTOM_TEMPLATE ? { template: s.template } : {}),
      anchor: s.anchor,
      delayMinutes: Math.round(int(s.delay) * DELAY_UNITS[s.unit]),
      conditions: Object.fromEntries(Object.entries(s.conditions).filter(([, on]) => on)),
      sendWindow: s.window
        ? {
            days: s.days,
            startHour: int(s.startHour),
            endHour: int(s.endHour),
            timezone: s.timezone,
          }
        : null,
      copy: s.copy,
    })),
  };
}
