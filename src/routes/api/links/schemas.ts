// Request and response shapes of the link builder API.
import { z } from "@hono/zod-openapi";
import { LINK_PRESET_NAMES } from "../../../domain/tagged-link";
import type { TaggedLinkRow } from "../../../store/tagged-links";

const utm = (max: number) => z.string().max(max);

export const linkInput = z
  .object({
    asset_id: z.number().int().positive(),
    preset: z
      .enum(LINK_PRESET_NAMES as [string, ...string[]])
      .optional()
      .openapi({ description: "Fills utm_source and utm_medium when they are not given" }),
    utm_source: utm(100).optional(),
    utm_medium: utm(100).optional(),
    utm_campaign: utm(200),
    utm_content: utm(200).optional(),
    utm_term: utm(200).optional(),
  })
  .openapi("LinkInput");

export const linkRecord = z
  .object({
    id: z.number().int(),
    url: z.string(),
    asset: z.object({ id: z.number().int(), slug: z.string(), title: z.string() }),
    utm_source: z.string(),
    utm_medium: z.string(),
    utm_campaign: z.string(),
    utm_content: z.string().nullable(),
    utm_term: z.string().nullable(),
    created_by: z.string().openapi({ description: "Who made it, as the audit log names them" }),
    created_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("TaggedLink");

export function linkJson(l: TaggedLinkRow): z.infer<typeof linkRecord> {
  return {
    id: l.id,
    url: l.url,
    asset: { id: l.assetId, slug: l.assetSlug, title: l.assetTitle },
    utm_source: l.utmSource,
    utm_medium: l.utmMedium,
    utm_campaign: l.utmCampaign,
    utm_content: l.utmContent,
    utm_term: l.utmTerm,
    created_by: l.createdByLabel,
    created_at: new Date(l.createdAt).toISOString(),
  };
}
