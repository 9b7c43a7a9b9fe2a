// The thank-you URL is signed: it cannot be forged, altered to show another lead's links, moved to another asset,
// or used past its week.
import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { fetchWorker, postForm } from "../support/http";
import { thanksPath, type ThanksClaims } from "../../src/domain/lead-links";
import { signLink } from "../../src/domain/signed-link";
import { base64Url, fromBase64Url } from "../../src/domain/encoding";

const DAY = 86_400;
let asset: Awaited<ReturnType<typeof makeAsset>>;
let other: Awaited<ReturnType<typeof makeAsset>>;
let mine: string; // the thank-you URL a real submission got

beforeAll(async () => {
  asset = await makeAsset({ title: "Signed Report" });
  other = await makeAsset({ title: "Other Report" });
  mine = (await postForm(`/p/${asset.slug}`, { email: "me@example.com", name: "Me" })).headers.get(
    "location",
  )!;
  await postForm(`/p/${asset.slug}`, { email: "victim@example.com", name: "Vic" });
});

const tokenOf = (location: string) =>
  new URL(location, "https://lodestone.test").searchParams.get("t")!;
const pageFor = (slug: string, token: string) =>
  fetchWorker(`/p/${slug}/thanks?t=${encodeURIComponent(token)}`);
const leadId = async (email: string) =>
  (await env.DB.prepare("SELECT id FROM leads WHERE email = ?").bind(email).first<number>("id"))!;

/** The token with its claims rewritten and the original signature kept. */
function altered(token: string, change: (claims: ThanksClaims) => ThanksClaims) {
  const [body, sig] = token.split(".");
  const decoded = JSON.parse(new TextDecoder().decode(fromBase64Url(body!)));
  decoded.d = change(decoded.d);
  return `${base64Url(new TextEncoder().encode(JSON.stringify(decoded)))}.${sig}`;
}

/** The invalid-link page: no lead's links, and a way back to the gate of the asset whose path it was. */
async function expectInvalid(res: Response, slug = asset.slug) {
  expect(res.status).toBe(403);
  const html = await res.text();
  expect(html).toContain("This link is not valid");
  expect(html).toContain(`href="/p/${slug}"`);
  expect(html).not.toContain("/d/");
  expect(html).not.toContain("/r/");
}

describe("a thank-you URL that Lodestone did not sign as it is", () => {
  it("pointed at another lead (the signature kept) shows the invalid-link page, not their links", async () => {
    const victim = await leadId("victim@example.com");
    await expectInvalid(
      await pageFor(
        asset.slug,
        altered(tokenOf(mine), (c) => ({ ...c, l: victim })),
      ),
    );
  });

  it("signed with another secret is refused", async () => {
    const claims = { a: asset.id, l: await leadId("victim@example.com"), r: null, at: 0 };
    const forged = await thanksPath("not-the-signing-secret-0123456789-abcdef", asset.slug, {
      ...claims,
      at: Math.floor(Date.now() / 1000),
    });
    await expectInvalid(await fetchWorker(forged));
  });

  it("made for another asset is refused on this asset's path", async () => {
    const res = await postForm(`/p/${other.slug}`, { email: "me@example.com", name: "Me" });
    await expectInvalid(await pageFor(asset.slug, tokenOf(res.headers.get("location")!)));
  });

  it("moved from its asset to another asset's path is refused", async () => {
    await expectInvalid(await pageFor(other.slug, tokenOf(mine)), other.slug);
  });

  it("signed for another purpose (a download link's token) is refused", async () => {
    const download = await signLink(
      env.SIGNING_SECRET,
      "download",
      { l: await leadId("me@example.com"), a: asset.id },
      Math.floor(Date.now() / 1000) + DAY,
    );
    await expectInvalid(await pageFor(asset.slug, download));
  });

  it.each([
    ["missing", ""],
    ["cut short", "eyJwIjoidGhhbmtzIn0"],
    ["garbage", "%%%.###"],
  ])("%s is refused", async (_, token) => {
    await expectInvalid(
      await fetchWorker(`/p/${asset.slug}/thanks${token ? `?t=${encodeURIComponent(token)}` : ""}`),
    );
  });
});

describe("a thank-you URL past its week", () => {
  it("answers 410 with a way back to the gate, and shows no links", async () => {
    const claims = {
      a: asset.id,
      l: await leadId("me@example.com"),
      r: null,
      at: Math.floor(Date.now() / 1000) - 8 * DAY,
    };
    const res = await fetchWorker(await thanksPath(env.SIGNING_SECRET, asset.slug, claims));
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain("This link has expired");
    expect(html).toContain(`href="/p/${asset.slug}"`);
    expect(html).not.toContain("/d/");
  });

  it("still works on its sixth day, with a download link that ends when the page does", async () => {
    const at = Math.floor(Date.now() / 1000) - 6 * DAY;
    const claims = { a: asset.id, l: await leadId("me@example.com"), r: null, at };
    const res = await fetchWorker(await thanksPath(env.SIGNING_SECRET, asset.slug, claims));
    expect(res.status).toBe(200);
    const href = /id="download" href="[^"]*\/d\/([^"]+)"/.exec(await res.text())![1]!;
    const exp = JSON.parse(new TextDecoder().decode(fromBase64Url(href.split(".")[0]!))).e;
    expect(exp).toBe(at + 7 * DAY);
  });
});

describe("an unknown or unpublished asset", () => {
  it("answers 404 whatever the token", async () => {
    const draft = await makeAsset({ status: "draft" });
    expect((await pageFor("no-such-asset", tokenOf(mine))).status).toBe(404);
    expect((await pageFor(draft.slug, tokenOf(mine))).status).toBe(404);
  });
});
