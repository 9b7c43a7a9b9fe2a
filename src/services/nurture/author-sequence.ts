// Authoring a sequence for an asset: steps are checked against their templates before anything is stored.
import { z } from "zod";
import type { Db } from "../../env";
import { AppError, badRequest, type FieldErrors } from "../../errors";
import { STEP_ANCHORS, type Asset, type AssetKind } from "../../db/schema";
import { insertSequence } from "../../store/sequences";
import { insertSequenceSteps } from "../../store/sequence-steps";
import { assignAssetSequence } from "../../store/assets";
import { findEmailTemplate } from "../../../templates/emails";
import type { EmailVariable } from "../../../templates/emails/types";
import { OPTIN_TEMPLATE_ID } from "../../../templates/emails/optin";
import { forgetAsset } from "../assets/find-asset";

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

const stepInput = z.object({
  template: z.string().min(1).max(100),
  anchor: z.enum(STEP_ANCHORS).default("enrolment"),
  delayMinutes: z
    .number()
    .int()
    .min(-60 * 24 * 60)
    .max(60 * 24 * 365),
  conditions: z
    .object({
      skipIfDownloaded: z.boolean().optional(),
      skipIfClicked: z.boolean().optional(),
      skipIfQualified: z.boolean().optional(),
      skipIfAttended: z.boolean().optional(),
      skipIfNoShow: z.boolean().optional(),
    })
    .strict()
    .default({}),
  sendWindow: sendWindowSchema.nullable().default(null),
});
export const sequenceInput = z.object({
  name: z.string().min(1).max(200),
  steps: z.array(stepInput).min(1).max(20),
});
export type SequenceInput = z.input<typeof sequenceInput>;
type StepInput = z.infer<typeof stepInput>;

/** What a step of an asset of this kind can hand its template at send time. */
function suppliedVariables(kind: AssetKind): Set<EmailVariable> {
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
  const template = findEmailTemplate(step.template);
  if (!template || template.id === OPTIN_TEMPLATE_ID)
    return [`There is no email template called "${step.template}"`];
  const problems: string[] = [];
  const supplied = suppliedVariables(kind);
  const missing = template.requires.filter((v) => !supplied.has(v));
  if (missing.length)
    problems.push(
      `Template "${template.id}" needs ${missing.join(", ")}, which a ${kind} cannot supply`,
    );
  if (step.anchor === "session_start" && kind !== "course")
    problems.push("Only course steps can count from the session start");
  if (step.anchor === "enrolment" && step.delayMinutes < 0)
    problems.push("A step cannot be sent before the enrolment");
  return problems;
}

/** Creates the sequence and its steps and starts it from the asset; refuses with field details otherwise. */
export async function authorSequence(
  db: Db,
  asset: Pick<Asset, "id" | "kind">,
  raw: unknown,
  now: number,
): Promise<{ sequenceId: number }> {
  const parsed = sequenceInput.safeParse(raw);
  if (!parsed.success) throw badRequest(parsed.error, "The sequence is not valid");
  const fields: FieldErrors = {};
  parsed.data.steps.forEach((s, i) => {
    const problems = stepProblems(s, asset.kind);
    if (problems.length) fields[`steps.${i}`] = problems;
  });
  if (Object.keys(fields).length)
    throw new AppError("BAD_REQUEST", "Some steps cannot be sent as written", {
      details: { fields },
    });

  const sequenceId = await insertSequence(db, { name: parsed.data.name, createdAt: now });
  // The steps and the asset's switch to them land together (one D1 batch).
  await db.batch([
    insertSequenceSteps(
      db,
      parsed.data.steps.map((s, i) => ({ sequenceId, position: i + 1, ...s, createdAt: now })),
    ),
    assignAssetSequence(db, asset.id, sequenceId, now),
  ]);
  forgetAsset();
  return { sequenceId };
}
