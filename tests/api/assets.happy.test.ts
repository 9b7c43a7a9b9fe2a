// The assets API from an integrator's side: an asset made only through the API gets a landing page, a gate and a
// download from R2; link assets redirect; lists page; patches merge; a used asset is archived, never deleted.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api, captureViaGate } from "../support/api";
import { fetchWorker, postJson } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { pdfBytes, pngBytes, docxBytes } from "../support/files";

type AssetJson = Record<string, unknown> & { id: number; slug: string; status: string };
const slug = (p: string) => `${p}-${crypto.randomUUID().slice(0, 8)}`;
const json = async <T = AssetJson>(res: Response, status = 200): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};
const put = (path: string, body: Uint8Array, type: string) =>
  api(path, { method: "PUT", body, headers: { "content-type": type } });
const patch = (id: number, body: unknown) =>
  api(`/api/v1/assets/${id}`, { method: "PATCH", json: body });

describe("an asset made purely by API", () => {
  it("gets a landing page with its cover, a gate, and a download of its file from R2", async () => {
    const s = slug("api-guide");
    const created = await json(
      await api("/api/v1/assets", {
        method: "POST",
        json: {
          slug: s,
          kind: "whitepaper",
          title: "The API Guide",
          summary: "Everything by API",
          outline: ["Create", "Upload", "Publish"],
          form: { fields: { company: "required" } },
        },
      }),
      201,
    );
    expect(created).toMatchObject({
      slug: s,
      status: "draft",
      locale: "en",
      timezone: "UTC",
      file: null,
      cover_url: null,
      landing_url: null,
      form: {
        fields: { name: "required", company: "required", phone: "hidden" },
        privacy: { required: false },
      },
      consent: { mode: "optional", version: "v1", basis: null },
    });
    expect((await fetchWorker(`/p/${s}`)).status).toBe(404);

    const bytes = pdfBytes("the guide");
    const withFile = await json(
      await put(`/api/v1/assets/${created.id}/file?name=API%20Guide.pdf`, bytes, "application/pdf"),
    );
    expect(withFile.file).toEqual({ name: "API Guide.pdf", type: "application/pdf" });
    const withCover = await json(
      await put(`/api/v1/assets/${created.id}/cover`, pngBytes(), "image/png"),
    );
    expect(withCover.cover_url).toMatch(new RegExp(`/p/${s}/cover\\?v=[0-9a-f]{8}$`));

    const live = await json(await patch(created.id, { status: "published" }));
    expect(live.landing_url).toMatch(new RegExp(`/p/${s}$`));
    const page = await fetchWorker(`/p/${s}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("The API Guide");
    expect(html).toContain("Get the whitepaper");
    const coverPath =
      new URL(withCover.cover_url as string).pathname +
      new URL(withCover.cover_url as string).search;
    expect(html).toContain(`src="${coverPath.replace("?", "?")}"`);
    expect(html).toMatch(/<input id="company"[^>]*required/);

    const cover = await fetchWorker(coverPath);
    expect(cover.status).toBe(200);
    expect(cover.headers.get("content-type")).toBe("image/png");
    expect(cover.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await cover.arrayBuffer())).toEqual(pngBytes());
    const again = await fetchWorker(coverPath, {
      headers: { "if-none-match": cover.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    expect((await fetchWorker(`/p/${s}/cover`)).headers.get("cache-control")).toBe(
      "public, max-age=300",
    );

    const gate = await json<{ download_url: string; lead_id: number }>(
      await postJson(`/p/${s}`, { email: "api-reader@example.com", name: "Ada", company: "Acme" }),
      201,
    );
    const download = await fetchWorker(new URL(gate.download_url).pathname);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("API%20Guide.pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it("a link asset hands out its https URL through the signed link, and nowhere else", async () => {
    const s = slug("webinar");
    const a = await json(
      await api("/api/v1/assets", {
        method: "POST",
        json: {
          slug: s,
          kind: "link",
          title: "Recorded webinar",
          link_url: "https://video.example.com/w/42",
        },
      }),
      201,
    );
    await json(await patch(a.id, { status: "published" }));
    const page = await (await fetchWorker(`/p/${s}`)).text();
    expect(page).toContain("Get access");
    expect(page).not.toContain("video.example.com");
    const gate = await json<{ download_url: string }>(
      await postJson(`/p/${s}`, { email: "viewer@example.com", name: "Vi" }),
      201,
    );
    const open = await fetchWorker(new URL(gate.download_url).pathname);
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe("https://video.example.com/w/42");
    expect(open.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it.each([
    ["report", "en", "Get the report", "Your report is ready to download."],
    ["ebook", "zh-CN", "免费获取电子书", "电子书已准备好，可立即下载。"],
  ])(
    "a %s behaves like a whitepaper, in its own words (%s)",
    async (kind, locale, submit, thanks) => {
      const s = slug(kind);
      const a = await json(
        await api("/api/v1/assets", {
          method: "POST",
          json: { slug: s, kind, title: `A ${kind}`, locale },
        }),
        201,
      );
      await json(await put(`/api/v1/assets/${a.id}/file`, docxBytes(), "application/octet-stream"));
      await json(await patch(a.id, { status: "published" }));
      expect(await (await fetchWorker(`/p/${s}`)).text()).toContain(submit);
      const email = `${kind}@example.com`;
      const thanksPage = await fetchWorker(
        (
          await fetchWorker(`/p/${s}`, {
            method: "POST",
            body: new URLSearchParams({ email, name: "Lin" }),
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
          })
        ).headers.get("location")!,
      );
      expect(await thanksPage.text()).toContain(thanks);
    },
  );
});

describe("reading and editing by API", () => {
  it("lists newest first, a page at a time, until has_more is false", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await json(
            await api("/api/v1/assets", {
              method: "POST",
              json: { slug: slug(`page-${i}`), kind: "report", title: `Page ${i}` },
            }),
            201,
          )
        ).id,
      );
    const first = await json<{ data: AssetJson[]; next_cursor: number; has_more: boolean }>(
      await api("/api/v1/assets?limit=2"),
    );
    expect(first.data.map((a) => a.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await json<{ data: AssetJson[] }>(
      await api(`/api/v1/assets?limit=2&cursor=${first.next_cursor}`),
    );
    expect(second.data[0]!.id).toBe(ids[0]);
    expect((await json(await api(`/api/v1/assets/${ids[1]}`))).slug).toContain("page-1");
  });

  it("a patch changes only what it names, gate fields and consent key by key", async () => {
    const a = await makeAsset({ status: "draft" });
    const after = await json(
      await patch(a.id, {
        summary: "New summary",
        form: { fields: { phone: "required" }, privacy: { required: true } },
        consent: { mode: "required", basis: "US audience only: CAN-SPAM permits it" },
      }),
    );
    expect(after).toMatchObject({
      title: a.title,
      summary: "New summary",
      form: {
        fields: { name: "required", phone: "required", company: "optional" },
        privacy: { required: true },
      },
      consent: { mode: "required", basis: "US audience only: CAN-SPAM permits it", version: "v1" },
    });
    const back = await json(await patch(a.id, { consent: { mode: "optional" } }));
    expect(back.consent).toMatchObject({ mode: "optional", basis: null });
  });
});

describe("deleting", () => {
  it("removes a draft nothing refers to, with its file", async () => {
    const a = await json(
      await api("/api/v1/assets", {
        method: "POST",
        json: { slug: slug("gone"), kind: "ebook", title: "Gone" },
      }),
      201,
    );
    const withFile = await json(
      await put(`/api/v1/assets/${a.id}/file`, pdfBytes(), "application/pdf"),
    );
    const key = (await env.DB.prepare("SELECT file_key FROM assets WHERE id = ?")
      .bind(a.id)
      .first<{ file_key: string }>())!.file_key;
    expect(withFile.file).not.toBeNull();
    expect(await env.FILES.head(key)).not.toBeNull();
    expect(await json(await api(`/api/v1/assets/${a.id}`, { method: "DELETE" }))).toEqual({
      outcome: "deleted",
      asset: null,
    });
    expect((await api(`/api/v1/assets/${a.id}`)).status).toBe(404);
    expect(await env.FILES.head(key)).toBeNull();
  });

  it("archives an asset with leads instead: the page and links stop, the lead and its touch stay", async () => {
    const a = await makeAsset({ status: "published" });
    const lead = await captureViaGate(a.slug, { email: "kept@example.com", name: "Kept" });
    const gate = await json<{ download_url: string }>(
      await postJson(`/p/${a.slug}`, { email: "kept@example.com", name: "Kept" }),
    );
    const removed = await json<{ outcome: string; asset: AssetJson }>(
      await api(`/api/v1/assets/${a.id}`, { method: "DELETE" }),
    );
    expect(removed.outcome).toBe("archived");
    expect(removed.asset.status).toBe("archived");
    expect((await fetchWorker(`/p/${a.slug}`)).status).toBe(404);
    expect((await fetchWorker(new URL(gate.download_url).pathname)).status).toBe(410);
    const detail = await json<{ touches: { asset: { id: number; slug: string } }[] }>(
      await api(`/api/v1/leads/${lead}`),
    );
    expect(detail.touches.map((t) => t.asset)).toContainEqual(
      expect.objectContaining({ id: a.id, slug: a.slug }),
    );
    // A draft that once had a lead is archived too: the lead keeps its asset.
    const draft = await makeAsset({ status: "published" });
    await captureViaGate(draft.slug, { email: "early@example.com", name: "Early" });
    await json(await patch(draft.id, { status: "draft" }));
    expect(
      (
        await json<{ outcome: string }>(
          await api(`/api/v1/assets/${draft.id}`, { method: "DELETE" }),
        )
      ).outcome,
    ).toBe("archived");
  });
});
