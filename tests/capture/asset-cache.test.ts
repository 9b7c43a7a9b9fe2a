import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { fetchWorker } from "../support/http";
import { ASSET_CACHE_MS, findPublishedAsset } from "../../src/services/assets/find-asset";
import { setAssetStatus } from "../../src/services/assets/edit-asset";
import { db } from "../support/fixtures";

describe("published asset cache", () => {
  it("serves a repeat page view without reading D1, and sees a change made elsewhere after the cache time", async () => {
    const asset = await makeAsset({ title: "Before" });
    const now = Date.now();
    expect((await findPublishedAsset(db(), asset.slug, now))!.title).toBe("Before");
    await env.DB.prepare("UPDATE assets SET title = 'After' WHERE id = ?").bind(asset.id).run();
    expect((await findPublishedAsset(db(), asset.slug, now + 1000))!.title).toBe("Before");
    expect((await findPublishedAsset(db(), asset.slug, now + ASSET_CACHE_MS + 1))!.title).toBe(
      "After",
    );
  });

  it("an unpublish through Lodestone takes the page down at once", async () => {
    const asset = await makeAsset();
    expect((await fetchWorker(`/p/${asset.slug}`)).status).toBe(200);
    await setAssetStatus(db(), asset.id, "draft", Date.now());
    expect((await fetchWorker(`/p/${asset.slug}`)).status).toBe(404);
  });
});
