// An asset's drip as the API shows it, and replacing it: a new sequence when its steps change, the same
// steps with new words when only the copy (or the name) changed (docs/decisions/0018-email-copy-in-d1.md).
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { LOCALES, type Asset, type SequenceStep } from "../../db/schema";
import { renameSequence, sequenceById } from "../../store/sequences";
import { stepsOfSequence } from "../../store/sequence-steps";
import { copiesOfSteps, upsertCopies, type EmailCopy } from "../../store/email-copies";
import { findEmailTemplate } from "../../../templates/emails";
import type { CopyFields } from "../../domain/email-copy";
import { findAssetById } from "../assets/find-asset";
import { authorSequence, checkSequence, type CheckedStep } from "./author-sequence";
import { defaultCopy } from "./default-copy";
import type { StepCopy } from "./step-copy";

export interface AssetSequence {
  sequence_id: number;
  name: string;
  steps: {
    id: number;
    position: number;
    template: string;
    anchor: string;
    delay_minutes: number;
    conditions: Record<string, boolean | undefined>;
    send_window: unknown;
    /** Whether the copy is stored in D1; false for a step written before, which renders from its code template. */
    copy_stored: boolean;
    copy: Partial<StepCopy>;
  }[];
}

function copyOfStep(step: SequenceStep, copies: EmailCopy[]): Partial<StepCopy> {
  const template = findEmailTemplate(step.template);
  const out: Partial<StepCopy> = {};
  for (const locale of LOCALES) {
    const c = copies.find((x) => x.stepId === step.id && x.locale === locale);
    const copy: CopyFields | null = c
      ? { subject: c.subject, preheader: c.preheader, body: c.body }
      : template
        ? defaultCopy(template, locale)
        : null;
    if (copy) out[locale] = copy;
  }
  return out;
}

export async function sequenceOfAsset(
  db: Db,
  asset: Pick<Asset, "sequenceId">,
): Promise<AssetSequence | null> {
  if (!asset.sequenceId) return null;
  const [sequence, steps] = await Promise.all([
    sequenceById(db, asset.sequenceId),
    stepsOfSequence(db, asset.sequenceId),
  ]);
  const copies = await copiesOfSteps(
    db,
    steps.map((s) => s.id),
  );
  return {
    sequence_id: asset.sequenceId,
    name: sequence?.name ?? "",
    steps: steps.map((s) => ({
      id: s.id,
      position: s.position,
      template: s.template,
      anchor: s.anchor,
      delay_minutes: s.delayMinutes,
      conditions: { ...s.conditions },
      send_window: s.sendWindow ?? null,
      copy_stored: copies.some((c) => c.stepId === s.id),
      copy: copyOfStep(s, copies),
    })),
  };
}

export async function getAssetSequence(db: Db, assetId: number): Promise<AssetSequence | null> {
  const asset = await findAssetById(db, assetId);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  return sequenceOfAsset(db, asset);
}

const trueKeys = (c: Record<string, boolean | undefined>) =>
  Object.keys(c)
    .filter((k) => c[k])
    .sort()
    .join(",");

/** Whether the new steps are the stored ones with (at most) other words: same order, timing, conditions, window. */
function sameSteps(stored: SequenceStep[], next: CheckedStep[]): boolean {
  return (
    stored.length === next.length &&
    stored.every((s, i) => {
      const n = next[i]!;
      return (
        s.template === n.template &&
        s.anchor === n.anchor &&
        s.delayMinutes === n.delayMinutes &&
        trueKeys(s.conditions as Record<string, boolean>) === trueKeys(n.conditions) &&
        JSON.stringify(s.sendWindow ?? null) === JSON.stringify(n.sendWindow ?? null)
      );
    })
  );
}

/**
 * Authors the asset's drip. A change of steps makes a new sequence for leads who pass the gate from now on
 * (leads already enrolled finish the one they started); a change of words only rewrites the copy of the
 * same steps, so every send not yet made, for every enrolled lead, uses the new words.
 */
export async function replaceAssetSequence(
  db: Db,
  assetId: number,
  input: unknown,
  now: number,
): Promise<{ sequence: AssetSequence; edited: "copy" | "steps" }> {
  const asset = await findAssetById(db, assetId);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  const checked = checkSequence(input, asset.kind);
  const stored = asset.sequenceId ? await stepsOfSequence(db, asset.sequenceId) : [];
  if (asset.sequenceId && stored.length && sameSteps(stored, checked.steps)) {
    const rows = stored.flatMap((s, i) =>
      LOCALES.map((locale) => ({ stepId: s.id, locale, ...checked.steps[i]!.copy[locale] })),
    );
    await db.batch([
      renameSequence(db, asset.sequenceId, checked.name),
      ...upsertCopies(db, rows, now),
    ]);
    return { sequence: (await sequenceOfAsset(db, asset))!, edited: "copy" };
  }
  await authorSequence(db, asset, input, now);
  return { sequence: (await getAssetSequence(db, assetId))!, edited: "steps" };
}
