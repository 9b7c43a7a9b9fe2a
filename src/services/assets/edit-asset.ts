// Asset editing for the dashboard and the API: one validation (asset-input.ts), create/update, status changes.
import type { Db } from "../../env";
import { AppError, fieldErrors, type FieldErrors } from "../../errors";
import type { Asset } from "../../db/schema";
import type { AssetStatus } from "../../domain/vocabulary";
import { canMove, deliveryOf, missingForRelease } from "../../domain/asset-lifecycle";
import { assetById, assetIdBySlug, assetPage, insertAsset, updateAsset } from "../../store/assets";
import { sequenceExists, sequencePickerRows } from "../../store/sequences";
import { stepPerformanceRows, type StepPerformanceRow } from "../../store/sends";
import { forgetAsset } from "./find-asset";
import {
  assetInput,
  dashboardErrors,
  dashboardValuesOf,
  fromDashboardForm,
  rowOf,
  type AssetInput,
} from "./asset-input";
import { MAX_FILE_BYTES, MAX_IMAGE_BYTES, storeAssetFile, storeCover } from "./asset-files";
import { checkedUpload } from "../uploads/checked-upload";
import { DOCUMENT_TYPES, IMAGE_TYPES } from "../../domain/file-types";

export { MAX_FILE_BYTES, MAX_IMAGE_BYTES };

type SaveResult = { ok: true; asset: Asset } | { ok: false; errors: FieldErrors };

/**
 * Validates and writes an asset: a new draft (`before` null) or an edit of `before`, optionally moving it to `status`
 * in the same write. A live asset (or one going live) must keep what its kind delivers.
 */
export async function writeAsset(
  db: Db,
  before: Asset | null,
  raw: unknown,
  now: number,
  status?: AssetStatus,
): Promise<SaveResult> {
  const parsed = assetInput.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v: AssetInput = parsed.data;
  const next = status ?? before?.status ?? "draft";
  if (before && !canMove(before.status, next))
    throw new AppError("CONFLICT", `An ${before.status} asset cannot become ${next}`, {
      details: { fields: { status: ["An archived asset stays archived"] } },
    });
  if (next === "published" || next === "unlisted")
    releaseCheck({ fileKey: before?.fileKey ?? null, kind: v.kind, linkUrl: v.link_url });
  const taken = await assetIdBySlug(db, v.slug);
  if (taken && taken.id !== before?.id)
    return { ok: false, errors: { slug: ["Another asset already uses this slug"] } };
  if (v.sequence_id !== null && !(await sequenceExists(db, v.sequence_id)))
    return { ok: false, errors: { sequence_id: ["No such sequence"] } };
  const row = { ...rowOf(v), status: next, updatedAt: now };
  const asset =
    before === null
      ? await insertAsset(db, { ...row, createdAt: now })
      : await updateAsset(db, before.id, row);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  forgetAsset();
  return { ok: true, asset };
}

/** Refuses to put live an asset without what a prospect will be handed: a file kind's file, a link's URL. */
function releaseCheck(a: Pick<Asset, "kind" | "fileKey" | "linkUrl">): void {
  const missing = missingForRelease(a);
  if (missing === "file")
    throw new AppError("CONFLICT", `Upload the ${a.kind}'s file before publishing`, {
      details: { fields: { file: ["Upload the file first"] } },
    });
  if (missing === "link_url")
    throw new AppError("CONFLICT", "Give the link asset its https:// link before publishing", {
      details: { fields: { link_url: ["Required to publish a link asset"] } },
    });
}

/** Form values of an existing asset, to fill the edit form. */
export const valuesOf = dashboardValuesOf;

const bytesOf = async (f: File | null | undefined) =>
  f && f.size > 0 ? new Uint8Array(await f.arrayBuffer()) : null;

/**
 * The dashboard's save: the form's fields, its file and its cover (each checked by its bytes before anything is
 * written, so a refused save changes nothing), each refusal shown on its field.
 */
export async function saveAsset(
  db: Db,
  id: number | null,
  raw: Record<string, string>,
  uploads: { file?: File | null; cover?: File | null },
  files: R2Bucket,
  now: number,
): Promise<SaveResult> {
  const before = id === null ? null : ((await assetById(db, id)) ?? null);
  if (id !== null && !before) throw new AppError("NOT_FOUND", "No asset has this id");
  const [file, cover] = [await bytesOf(uploads.file), await bytesOf(uploads.cover)];
  try {
    if (file) checkedUpload("file", file, uploads.file!.type, DOCUMENT_TYPES, MAX_FILE_BYTES);
    if (cover) checkedUpload("cover", cover, uploads.cover!.type, IMAGE_TYPES, MAX_IMAGE_BYTES);
    const saved = await writeAsset(db, before, fromDashboardForm(raw), now);
    if (!saved.ok) return { ok: false, errors: dashboardErrors(saved.errors) };
    let asset = saved.asset;
    if (file && deliveryOf(asset.kind) === "file")
      asset = await storeAssetFile(
        db,
        files,
        asset,
        { bytes: file, declaredType: uploads.file!.type || null, name: uploads.file!.name },
        now,
      );
    if (cover)
      asset = await storeCover(
        db,
        files,
        asset,
        { bytes: cover, declaredType: uploads.cover!.type || null },
        now,
      );
    return { ok: true, asset };
  } catch (e) {
    const details = e instanceof AppError ? (e.details as { fields?: FieldErrors }) : undefined;
    if (details?.fields) return { ok: false, errors: details.fields };
    throw e;
  }
}

/** A status change where the lifecycle allows it (archived is for good: 409), going live only when ready. */
export async function setAssetStatus(
  db: Db,
  id: number,
  status: AssetStatus,
  now: number,
): Promise<Asset> {
  const asset = await assetById(db, id);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  if (!canMove(asset.status, status))
    throw new AppError("CONFLICT", `An ${asset.status} asset cannot become ${status}`, {
      details: { fields: { status: ["An archived asset stays archived"] } },
    });
  if (status === "published" || status === "unlisted") releaseCheck(asset);
  if (asset.status === status) return asset;
  const row = await updateAsset(db, id, { status, updatedAt: now });
  forgetAsset();
  return row!;
}

export async function listAssets(
  db: Db,
  opts: { limit: number; before?: number },
): Promise<{ rows: Asset[]; nextCursor: number | null }> {
  const rows = await assetPage(db, opts);
  const page = rows.slice(0, opts.limit);
  return { rows: page, nextCursor: rows.length > opts.limit ? page.at(-1)!.id : null };
}

export async function sequenceOptions(db: Db): Promise<{ id: number; name: string }[]> {
  return sequencePickerRows(db);
}

export type StepPerformance = StepPerformanceRow;

/** Email steps of an asset's sends, from the send ledger (one row per enrolment × step). */
export async function stepPerformance(db: Db, assetId: number): Promise<StepPerformance[]> {
  return stepPerformanceRows(db, assetId);
}
