// The API's asset operations: create a draft, patch fields (and status) with the dashboard's validation, and delete
// honestly: an asset anything refers to is archived, never removed, so no lead or touch loses its asset.
import type { Db } from "../../env";
import { AppError, type FieldErrors } from "../../errors";
import type { Asset } from "../../db/schema";
import type { AssetStatus } from "../../domain/vocabulary";
import { assetById, deleteUnusedDraft } from "../../store/assets";
import { ASSET_DEFAULTS, inputOf, type AssetInput } from "./asset-input";
import { setAssetStatus, writeAsset } from "./edit-asset";
import { forgetAsset } from "./find-asset";
import { loadSettings } from "../settings/settings";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };
export type AssetPatch = DeepPartial<Omit<AssetInput, "form">> & {
  form?: { fields?: Partial<AssetInput["form"]["fields"]>; privacy?: { required?: boolean } };
  status?: AssetStatus;
};

const invalid = (errors: FieldErrors) =>
  new AppError("BAD_REQUEST", "Some fields are invalid", { details: { fields: errors } });

/** A slug clash is a conflict with another asset (409); every other refusal is bad input (400). */
function refused(errors: FieldErrors): AppError {
  if (errors.slug?.includes("Another asset already uses this slug"))
    return new AppError("CONFLICT", "Another asset already uses this slug", {
      details: { fields: { slug: errors.slug } },
    });
  return invalid(errors);
}

/**
 * A new draft: what the body says over the standard gate and consent, in the workspace's default language and time
 * zone (Settings) unless it says otherwise.
 */
export async function createAsset(
  db: Db,
  body: Omit<AssetPatch, "status">,
  now: number,
): Promise<Asset> {
  const d = ASSET_DEFAULTS;
  const s = await loadSettings(db, now);
  const input = {
    ...d,
    locale: s.default_locale ?? "en",
    timezone: s.time_zone ?? d.timezone,
    ...body,
    form: {
      fields: { ...d.form.fields, ...body.form?.fields },
      privacy: { ...d.form.privacy, ...body.form?.privacy },
    },
    consent: { ...d.consent, ...body.consent },
  };
  const saved = await writeAsset(db, null, input, now);
  if (!saved.ok) throw refused(saved.errors);
  return saved.asset;
}

/** Changes only the fields given; the whole asset is then validated as the dashboard validates it. */
export async function patchAsset(
  db: Db,
  id: number,
  patch: AssetPatch,
  now: number,
): Promise<{ before: Asset; after: Asset }> {
  const before = await assetById(db, id);
  if (!before) throw new AppError("NOT_FOUND", "No asset has this id");
  const { status, ...fields } = patch;
  const current = inputOf(before);
  const input = {
    ...current,
    ...fields,
    form: {
      fields: { ...current.form.fields, ...fields.form?.fields },
      privacy: { ...current.form.privacy, ...fields.form?.privacy },
    },
    consent: { ...current.consent, ...fields.consent },
  };
  const saved = await writeAsset(db, before, input, now, status);
  if (!saved.ok) throw refused(saved.errors);
  return { before, after: saved.asset };
}

export type Removal =
  | { outcome: "deleted"; before: Asset }
  | { outcome: "archived"; before: Asset; after: Asset };

/**
 * DELETE: a draft nothing refers to goes (with its file and cover); any other asset is archived instead (its page
 * and links stop, its leads, touches and figures stay). Deleting an archived asset again changes nothing.
 */
export async function removeAsset(
  db: Db,
  files: R2Bucket,
  id: number,
  now: number,
): Promise<Removal> {
  const before = await assetById(db, id);
  if (!before) throw new AppError("NOT_FOUND", "No asset has this id");
  if (before.status === "draft" && (await deleteUnusedDraft(db, id))) {
    forgetAsset();
    const keys = [before.fileKey, before.coverKey].filter((k): k is string => Boolean(k));
    if (keys.length) await files.delete(keys);
    return { outcome: "deleted", before };
  }
  const after = await setAssetStatus(db, id, "archived", now);
  return { outcome: "archived", before, after };
}
