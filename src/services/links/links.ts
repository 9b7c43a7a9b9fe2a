// The link builder: a tagged landing URL for an asset and campaign, stored with who made it, and the list of them.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import type { Actor } from "../../domain/audit";
import {
  cleanLinkUtm,
  LINK_PRESETS,
  taggedLandingUrl,
  type LinkPreset,
} from "../../domain/tagged-link";
import { assetById } from "../../store/assets";
import { insertTaggedLink, latestTaggedLinks, type TaggedLinkRow } from "../../store/tagged-links";
import type { TaggedLink } from "../../db/schema";

export interface LinkInput {
  asset_id: number;
  /** Fills source and medium when they are not given. */
  preset?: LinkPreset;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign: string;
  utm_content?: string;
  utm_term?: string;
}

const bad = (field: string, message: string) =>
  new AppError("BAD_REQUEST", message, { details: { fields: { [field]: [message] } } });

/** Makes and stores one tagged link. Refuses an unknown or archived asset and empty UTMs (400 with the field). */
export async function makeLink(
  db: Db,
  input: LinkInput,
  ctx: { origin: string; actor: Actor; now: number },
): Promise<TaggedLink & { assetTitle: string; assetSlug: string }> {
  const asset = await assetById(db, input.asset_id);
  if (!asset) throw bad("asset_id", "No asset has this id");
  if (asset.status === "archived")
    throw bad("asset_id", "This asset is archived: its landing page no longer opens");
  const preset = input.preset ? LINK_PRESETS[input.preset] : null;
  const utm = cleanLinkUtm({
    source: input.utm_source ?? preset?.source ?? "",
    medium: input.utm_medium ?? preset?.medium ?? "",
    campaign: input.utm_campaign,
    content: input.utm_content,
    term: input.utm_term,
  });
  if (!utm.utmSource) throw bad("utm_source", "Give a source (or a preset)");
  if (!utm.utmMedium) throw bad("utm_medium", "Give a medium (or a preset)");
  if (!utm.utmCampaign) throw bad("utm_campaign", "Give the campaign");
  const row = await insertTaggedLink(db, {
    assetId: asset.id,
    url: taggedLandingUrl(ctx.origin, asset.slug, utm),
    ...utm,
    createdByKind: ctx.actor.kind,
    createdById: ctx.actor.id,
    createdByLabel: ctx.actor.label,
    createdAt: ctx.now,
  });
  return { ...row, assetTitle: asset.title, assetSlug: asset.slug };
}

export const LINK_LIST_LIMIT = 200;

export async function listLinks(db: Db): Promise<TaggedLinkRow[]> {
  return latestTaggedLinks(db, LINK_LIST_LIMIT);
}
