// Test data builders: each test file makes its own assets and leads.
import { env } from "cloudflare:workers";
import { getDb } from "../../src/db/client";
import { assets, courseSessions, type FormSettings, type NewAsset } from "../../src/db/schema";

export const db = () => getDb(env.DB);

export const STANDARD_FORM: FormSettings = {
  fields: {
    name: "required",
    company: "optional",
    job_title: "optional",
    phone: "optional",
    company_size: "optional",
  },
  consent: { mode: "optional", text: "", version: "v1", basis: null },
  privacy: { required: false },
};

let seq = 0;
export async function makeAsset(over: Partial<NewAsset> = {}) {
  seq++;
  const now = Date.now();
  const [asset] = await db()
    .insert(assets)
    .values({
      slug: `asset-${seq}-${Math.random().toString(36).slice(2, 8)}`,
      kind: "whitepaper",
      title: `Whitepaper ${seq}`,
      summary: "A useful report",
      outline: ["Part one", "Part two"],
      locale: "en",
      form: STANDARD_FORM,
      fileKey: `assets/test-${seq}.pdf`,
      fileName: `report-${seq}.pdf`,
      fileType: "application/pdf",
      status: "published",
      createdAt: now,
      updatedAt: now,
      ...over,
    })
    .returning();
  if (asset!.fileKey && asset!.kind === "whitepaper")
    await env.FILES.put(asset!.fileKey, "%PDF-1.4 test file", {
      httpMetadata: { contentType: "application/pdf" },
    });
  return asset!;
}

export async function makeSession(assetId: number, startsAt: number, timezone = "Europe/London") {
  const [s] = await db()
    .insert(courseSessions)
    .values({
      assetId,
      startsAt,
      timezone,
      joinUrl: "https://meet.example.com/room-1",
      durationMinutes: 60,
      createdAt: Date.now(),
    })
    .returning();
  return s!;
}
