// What each kind of asset delivers and the status changes an asset may make: pure rules the API and dashboard share.
import { FILE_ASSET_KINDS, type AssetKind, type AssetStatus } from "./vocabulary";

export type Delivery = "file" | "session" | "link";

/** How the signed link delivers an asset of this kind. */
export function deliveryOf(kind: AssetKind): Delivery {
  if ((FILE_ASSET_KINDS as readonly string[]).includes(kind)) return "file";
  return kind === "course" ? "session" : "link";
}

/** The file kinds share one set of words and emails: a report or an ebook reads like a whitepaper. */
export function copyKind(kind: AssetKind): "whitepaper" | "course" | "link" {
  const d = deliveryOf(kind);
  return d === "file" ? "whitepaper" : d === "session" ? "course" : "link";
}

/**
 * Where an asset may go from each status. Archived is withdrawn for good (its links answer 410 and nothing brings it
 * back); any other status may move to any other, so a page can be taken down to draft and put up again.
 */
const NEXT: Record<AssetStatus, readonly AssetStatus[]> = {
  draft: ["published", "unlisted", "archived"],
  published: ["draft", "unlisted", "archived"],
  unlisted: ["draft", "published", "archived"],
  archived: [],
};

export function canMove(from: AssetStatus, to: AssetStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** What an asset still lacks before a prospect can be handed it, or null when it can go live. */
export function missingForRelease(a: {
  kind: AssetKind;
  fileKey: string | null;
  linkUrl: string | null;
}): "file" | "link_url" | null {
  const d = deliveryOf(a.kind);
  if (d === "file" && !a.fileKey) return "file";
  if (d === "link" && !a.linkUrl) return "link_url";
  return null;
}
