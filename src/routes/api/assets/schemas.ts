// Asset shapes in the API: the body fields (the dashboard's own validation, asset-input.ts) and the asset answered.
import { z } from "@hono/zod-openapi";
import { ASSET_STATUSES, type Asset } from "../../../db/schema";
import { assetShape, inputOf } from "../../../services/assets/asset-input";
import { coverVersion } from "../../../services/assets/asset-files";

const s = assetShape;
const formPatch = z.strictObject({
  fields: s.form.shape.fields.partial().optional(),
  privacy: s.form.shape.privacy.partial().optional(),
});
const optional = {
  summary: s.summary.optional(),
  outline: s.outline.optional(),
  timezone: s.timezone.optional(),
  room_url: s.room_url.optional(),
  link_url: s.link_url.optional().openapi({
    description: "A `link` asset's https URL: the signed download link redirects to it",
  }),
  double_opt_in: s.double_opt_in.optional(),
  sequence_id: s.sequence_id.optional(),
  form: formPatch.optional().openapi({
    description:
      "Gate fields (hidden/optional/required) and whether the privacy box must be ticked",
  }),
  consent: s.consent.partial().optional().openapi({
    description:
      "Marketing consent mode (optional, implied, required) with its words and version; `required` needs `basis`",
  }),
};

export const createAssetBody = z
  .strictObject({
    slug: s.slug,
    kind: s.kind,
    title: s.title,
    locale: s.locale.optional().openapi({ description: "Default: the workspace's default_locale" }),
    ...optional,
  })
  .openapi("NewAsset");

export const patchAssetBody = z
  .strictObject({
    slug: s.slug.optional(),
    kind: s.kind.optional(),
    title: s.title.optional(),
    locale: s.locale.optional(),
    ...optional,
    status: z.enum(ASSET_STATUSES).optional().openapi({
      description:
        "draft, published, unlisted (no page; signed links still serve it) or archived (for good)",
    }),
  })
  .openapi("AssetPatch");

export const assetSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    kind: s.kind,
    status: z.enum(ASSET_STATUSES),
    title: z.string(),
    summary: z.string(),
    outline: z.array(z.string()),
    locale: s.locale,
    timezone: z.string(),
    room_url: z.string().nullable(),
    link_url: z.string().nullable(),
    double_opt_in: z.boolean(),
    sequence_id: z.number().int().nullable(),
    form: z.object({
      fields: z.record(z.string(), z.enum(["hidden", "optional", "required"])),
      privacy: z.object({ required: z.boolean() }),
    }),
    consent: z.object({
      mode: z.enum(["optional", "implied", "required"]),
      text: z.string(),
      version: z.string(),
      basis: z.string().nullable(),
    }),
    file: z.object({ name: z.string(), type: z.string() }).nullable(),
    cover_url: z
      .string()
      .nullable()
      .openapi({ description: "Served publicly while the asset is published" }),
    landing_url: z
      .string()
      .nullable()
      .openapi({ description: "The live page; null unless published" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Asset");

export function assetOut(a: Asset, origin: string) {
  const v = coverVersion(a);
  return assetSchema.parse({
    id: a.id,
    status: a.status,
    ...inputOf(a),
    file: a.fileKey ? { name: a.fileName ?? "", type: a.fileType ?? "" } : null,
    cover_url: v ? `${origin}/p/${a.slug}/cover?v=${v}` : null,
    landing_url: a.status === "published" ? `${origin}/p/${a.slug}` : null,
    created_at: new Date(a.createdAt).toISOString(),
    updated_at: new Date(a.updatedAt).toISOString(),
  });
}
