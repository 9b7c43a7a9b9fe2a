// The asset as the editor's form holds it right now, for the live preview: every field that validates as typed,
// the saved (or standard) value for one that does not yet, so a half-typed form still shows a page. Nothing is saved.
import type { Asset } from "../../db/schema";
import {
  ASSET_DEFAULTS,
  assetShape,
  fromDashboardForm,
  inputOf,
  rowOf,
  type AssetInput,
} from "./asset-input";

const BLANK: AssetInput = {
  ...ASSET_DEFAULTS,
  slug: "preview",
  kind: "whitepaper",
  title: "",
  locale: "en",
};

export function previewAsset(
  raw: Record<string, string>,
  before: Asset | null,
  now: number,
): Asset {
  const typed = fromDashboardForm(raw) as Record<string, unknown>;
  const current: AssetInput = before ? inputOf(before) : BLANK;
  const input = Object.fromEntries(
    (Object.keys(assetShape) as (keyof AssetInput)[]).map((key) => {
      const r = assetShape[key].safeParse(typed[key]);
      return [key, r.success ? r.data : current[key]];
    }),
  ) as AssetInput;
  return {
    id: before?.id ?? 0,
    status: before?.status ?? "draft",
    fileKey: before?.fileKey ?? null,
    fileName: before?.fileName ?? null,
    fileType: before?.fileType ?? null,
    coverKey: before?.coverKey ?? null,
    coverType: before?.coverType ?? null,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    ...rowOf(input),
  } as Asset;
}
