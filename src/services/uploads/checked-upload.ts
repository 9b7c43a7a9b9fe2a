// Checking an upload (a file, a cover, a logo) by its bytes against an allow-list and a size limit, with the refusal
// as the API's error envelope (413, 415, 400) naming the field, so a dashboard form can show it too.
import { AppError } from "../../errors";
import { checkUpload, type FileType } from "../../domain/file-types";

/** Covers and logos: a landing page's image, not a print master. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const labels = (types: readonly FileType[]) => types.map((t) => t.label).join(", ");
const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/**
 * The upload's type, or the reason it is refused as an AppError (413 over the size, 415 not an allowed type or
 * sent as another type, 400 empty), with the field named so a form can show it.
 */
export function checkedUpload(
  field: string,
  bytes: Uint8Array,
  declared: string | null | undefined,
  allowed: readonly FileType[],
  maxBytes: number,
): FileType {
  const fields = (message: string) => ({ details: { fields: { [field]: [message] } } });
  if (bytes.length > maxBytes)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The file is larger than ${mb(maxBytes)}`,
      fields(`At most ${mb(maxBytes)}`),
    );
  const check = checkUpload(bytes, declared, allowed);
  if (check.ok) return check.file;
  if (check.reason === "empty")
    throw new AppError("BAD_REQUEST", "The file is empty", fields("The file is empty"));
  const message =
    check.reason === "mismatch"
      ? `The file is ${check.sniffed!.label} but was sent as ${declared}`
      : `Upload one of: ${labels(allowed)}`;
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", message, fields(message));
}

/** A short version of an image (from its key's random part), so its URL changes with it and may be cached long. */
export function imageVersion(key: string | null | undefined): string | null {
  return key ? (/\/([0-9a-f]{8})[0-9a-f-]*\.\w+$/.exec(key)?.[1] ?? "1") : null;
}
