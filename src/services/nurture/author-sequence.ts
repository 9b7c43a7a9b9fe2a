// Authoring a sequence for an asset: steps are checked against their templates before anything is stored.
import { z } from "zod";
import type { Db } from "../../env";
import { AppError, badRequest, type FieldErrors } from "../../errors";
import { STEP_ANCHORS, type Asset, type AssetKind } from "../../db/schema";
import { insertSequence } from "../../store/sequences";
import { insertSequenceSteps } from "../../store/sequence-steps";
import { insertCopiesOfSequence } from "../../store/email-copies";
import { assignAssetSequence } from "../../store/assets";
import { findEmailTemplate } from "../../../templates/emails";
import type { EmailVariable } from "../../../templates/emails/types";
import { OPTIN_TEMPLATE_ID } from "../../../templates/emails/optin";
import { forgetAsset } from "../assets/find-asset";
import { fullyWritten, resolveStepCopy, stepCopyInput, type StepCopy } from "./step-copy";
import { LOCALES } from "../../db/schema";
import { STEP_CONDITION_KEYS } from "../../domain/vocabulary";

const sendWindowSchema = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
    timezone: z.enum(["lead", "asset"]),
  })
  .refine((w) => w.startHour < w.endHour, {
    message: "startHour must be before endHour",
    path: ["endHour"],
  });

/** What a step was started from when it was written from scratch. */
export const CUSTOM_TEMPLATE = "custom";

const stepInput = z
  .object({
    /** The code template the copy starts from; optional when both locales' copy is written. */
    template: z.string().min(1).max(100).optional(),
    anchor: z.enum(STEP_ANCHORS).default("enrolment"),
    delayMinutes: z
      .number()
      .int()
      .min(-60 * 24 * 60)
      .max(60 * 24 * 365),
    conditions: z
      .object(
        Object.fromEntries(STEP_CONDITION_KEYS.map((k) => [k, z.boolean().optional()])) as Record<
          (typeof STEP_CONDITION_KEYS)[number],
          z.ZodOptional<z.ZodBoolean>
        >,
      )
      .strict()
      .default({}),
    sendWindow: sendWindowSchema.nullable().default(null),
    copy: stepCopyInput.optional(),
  })
  .strict();
export const sequenceInput = z
  .object({
    name: z.string().min(1).max(200),
    steps: z.array(stepInput).min(1).max(20),
  })
  .strict();
export type SequenceInput = z.input<typeof sequenceInput>;
type StepInput = z.infer<typeof stepInput>;
/** A step as it is stored: checked, with its copy in both locales. */
export type CheckedStep = Omit<StepInput, "copy" | "template"> & {
  template: string;
  copy: StepCopy;
};
export interface CheckedSequence {
  name: string;
  steps: CheckedStep[];
}

/** What a step of an asset of this kind can hand its template at send time. */
export function suppliedVariables(kind: AssetKind): Set<EmailVariable> {
  const always: EmailVariable[] = [
    "name",
    "asset_title",
    "download_url",
    "share_url",
    "unsubscribe_url",
  ];
  return new Set(kind === "course" ? [...always, "session_time", "join_url"] : always);
}

/** Problems with one step, in words a marketer can act on; empty when the step can be sent. */
export function stepProblems(step: StepInput, kind: AssetKind): string[] {
  const template = step.template ? findEmailTemplate(step.template) : null;
  if (step.template && (!template || template.id === OPTIN_TEMPLATE_ID))
    return [`There is no email template called "${step.template}"`];
  const problems: string[] = [];
  const supplied = suppliedVariables(kind);
  const missing = fullyWritten(step.copy)
    ? []
    : (template?.requires ?? []).filter((v) => !supplied.has(v));
  if (template && missing.length)
    problems.push(
      `Template "${template.id}" needs ${missing.join(", ")}, which a ${kind} cannot supply`,
    );
  if (step.anchor === "session_start" && kind !== "course")
    problems.push("Only course steps can count from the session start");
  if (step.anchor === "enrolment" && step.delayMinutes < 0)
    problems.push("A step cannot be sent before the enrolment");
  return problems;
}

/** The sequence checked against its asset, every step with its copy in both locales; refuses with field details. */
export function checkSequence(raw: unknown, kind: AssetKind): CheckedSequence {
  const parsed = sequenceInput.safeParse(raw);
  if (!parsed.success) throw badRequest(parsed.error, "The sequence is not valid");
  const fields: FieldErrors = {};
  const steps: CheckedStep[] = [];
  parsed.data.steps.forEach((s, i) => {
    const problems = stepProblems(s, kind);
    if (problems.length) fields[`steps.${i}`] = problems;
    const template = s.template ? findEmailTemplate(s.template) : null;
    const copy = problems.length ? null : resolveStepCopy(i, s.copy, template, kind, fields);
    const { copy: _given, template: _id, ...rest } = s;
    if (copy) steps.push({ ...rest, template: s.template ?? CUSTOM_TEMPLATE, copy });
  });
  if (Object.keys(fields).length)
    throw new AppError("BAD_REQUEST", "Some steps cannot be sent as written", {
      details: { fields },
    });
  return { name: parsed.data.name, steps };
}

/** Creates the sequence, its steps and their copy, and starts it from the asset; refuses with field details otherwise. */
export async function authorSequence(
  db: Db,
  asset: Pick<Asset, "id" | "kind">,
  raw: unknown,
  now: number,
): Promise<{ sequenceId: number }> {
  const checked = checkSequence(raw, asset.kind);
  const sequenceId = await insertSequence(db, { name: checked.name, createdAt: now });
  // The steps, their copy and the asset's switch to them land together (one D1 batch).
  const copies = checked.steps.flatMap((s, i) =>
    LOCALES.map((locale) => ({ position: i + 1, locale, ...s.copy[locale] })),
  );
  await db.batch([
    insertSequenceSteps(
      db,
      checked.steps.map(({ copy: _copy, ...s }, i) => ({
        sequenceId,
        position: i + 1,
        ...s,
        createdAt: now,
      })),
    ),
    ...insertCopiesOfSequence(db, sequenceId, copies, now),
    assignAssetSequence(db, asset.id, sequenceId, now),
  ]);
  forgetAsset();
  return { sequenceId };
}
