// An asset's file and cover image in R2: checked by their bytes against an allow-list, stored under a fresh key per
// upload (a download in flight keeps its bytes), the old object removed once the row points at the new one.
import type { Db } from "../../env";
import type { Asset } from "../../db/schema";
import { AppError } from "../../errors";
import { DOCUMENT_TYPES, IMAGE_TYPES } from "../../domain/file-types";
import { checkedUpload, imageVersion, MAX_IMAGE_BYTES } from "../uploads/checked-upload";
import { deliveryOf } from "../../domain/asset-lifecycle";
import { updateAsset } from "../../store/assets";
import { forgetAsset } from "./find-asset";

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export { MAX_IMAGE_BYTES };
/** A file name safe for a key and a Content-Disposition: no path, no control characters, at most 120 long. */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const cleaned = (name ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
    .replace(/[\\/\u0000-\u001f\u007f]/g, "_")
    .trim()
    .slice(-120);
  return cleaned || fallback;
}

/** Stores the asset's file (a file kind only) and points the asset at it. */
export async function storeAssetFile(
  db: Db,
  files: R2Bucket,
  asset: Asset,
  upload: { bytes: Uint8Array; declaredType: string | null; name: string | null },
  now: number,
): Promise<Asset> {
  if (deliveryOf(asset.kind) !== "file")
    throw new AppError("CONFLICT", `A ${asset.kind} asset has no file to upload`, {
      details: { fields: { file: ["Only whitepaper, report and ebook assets take a file"] } },
    });
  const type = checkedUpload(
    "file",
    upload.bytes,
    upload.declaredType,
    DOCUMENT_TYPES,
    MAX_FILE_BYTES,
  );
  let name = safeFileName(upload.name, `${asset.slug}.${type.ext}`);
  if (!name.toLowerCase().endsWith(`.${type.ext}`)) name = `${name}.${type.ext}`;
  const key = `assets/${asset.id}/${crypto.randomUUID()}/${name}`;
  await files.put(key, upload.bytes, { httpMetadata: { contentType: type.type } });
  const updated = await updateAsset(db, asset.id, {
    fileKey: key,
    fileName: name,
    fileType: type.type,
    updatedAt: now,
  });
  forgetAsset();
  if (asset.fileKey && asset.fileKey !== key) await files.delete(asset.fileKey);
  return updated!;
}

/** Stores the landing page's cover image and points the asset at it. */
export async function storeCover(
  db: Db,
  files: R2Bucket,
  asset: Asset,
  upload: { bytes: Uint8Array; declaredType: string | null },
  now: number,
): Promise<Asset> {
  const type = checkedUpload(
    "cover",
    upload.bytes,
    upload.declaredType,
    IMAGE_TYPES,
    MAX_IMAGE_BYTES,
  );
  const key = `covers/${asset.id}/${crypto.randomUUID()}.${type.ext}`;
  await files.put(key, upload.bytes, { httpMetadata: { contentType: type.type } });
  const updated = await updateAsset(db, asset.id, {
    coverKey: key,
    coverType: type.type,
    updatedAt: now,
  });
  forgetAsset();
  if (asset.coverKey && asset.coverKey !== key) await files.delete(asset.coverKey);
  return updated!;
}

/** A short version of the cover (from its key), so its URL changes with it and may be cached for long. */
export function coverVersion(a: Pick<Asset, "coverKey">): string | null {
  return imageVersion(a.coverKey);
}

/** The cover's public path with its version, or null without a cover. */
export function coverPath(a: Pick<Asset, "coverKey" | "slug">): string | null {
  const v = coverVersion(a);
  return v ? `/p/${a.slug}/cover?v=${v}` : null;
}
