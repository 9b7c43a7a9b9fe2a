// An asset's drip as the API shows it, and replacing it with a newly authored one.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { sequenceById } from "../../store/sequences";
import { stepsOfSequence } from "../../store/sequence-steps";
import { findAssetById } from "../assets/find-asset";
import { authorSequence } from "./author-sequence";

interface AssetSequence {
  sequence_id: number;
  name: string;
  steps: {
    position: number;
    template: string;
    anchor: string;
    delay_minutes: number;
    conditions: Record<string, boolean | undefined>;
    send_window: unknown;
  }[];
}

export async function getAssetSequence(db: Db, assetId: number): Promise<AssetSequence | null> {
  const asset = await findAssetById(db, assetId);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  if (!asset.sequenceId) return null;
  const sequence = await sequenceById(db, asset.sequenceId);
  const steps = await stepsOfSequence(db, asset.sequenceId);
  return {
    sequence_id: asset.sequenceId,
    name: sequence?.name ?? "",
    steps: steps.map((s) => ({
      position: s.position,
      template: s.template,
      anchor: s.anchor,
      delay_minutes: s.delayMinutes,
      conditions: { ...s.conditions },
      send_window: s.sendWindow ?? null,
    })),
  };
}

/**
 * Authors a new sequence and makes it the asset's drip for leads who pass the gate from now on;
 * leads already enrolled finish the sequence they started. Steps are checked against their templates first.
 */
export async function replaceAssetSequence(
  db: Db,
  assetId: number,
  input: unknown,
  now: number,
): Promise<AssetSequence> {
  const asset = await findAssetById(db, assetId);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  await authorSequence(db, asset, input, now);
  return (await getAssetSequence(db, assetId))!;
}
