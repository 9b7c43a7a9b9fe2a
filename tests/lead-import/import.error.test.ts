// Lead import refusals: every bad input is a 400 naming what is wrong, and nothing is written.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { db } from "../support/fixtures";
import { batch } from "../../src/store/batch";
import { suppressErased } from "../../src/store/suppressions";
import { emailHashes } from "../../src/domain/email-address";
import { loadConfig, suppressionSecret } from "../../src/env";

const post = (csv: string | Uint8Array, q: Record<string, string> = {}) =>
  api(`/api/v1/leads/import?${new URLSearchParams({ source: "List", ...q })}`, {
    method: "POST",
    body: csv,
    headers: { "content-type": "text/csv" },
  });
const leads = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM leads").first<{ n: number }>())!.n;

describe("a lead list that cannot be imported", () => {
  it.each([
    [
      "no column holds an email",
      "Name,Company\nAnn,Acme\n",
      {},
      "No column holds the email address",
    ],
    [
      "a mapping that is not JSON",
      "Email\na@b.example\n",
      { mapping: "{nope" },
      "mapping must be a JSON object",
    ],
    [
      "a mapping to a field that does not exist",
      "Email\na@b.example\n",
      { mapping: '{"Email":"e-mail"}' },
      "mapping",
    ],
    [
      "a basis without its consent version",
      "Email\na@b.example\n",
      { basis: "Badge scan" },
      "Some fields are invalid",
    ],
    [
      "consent words without a basis",
      "Email\na@b.example\n",
      { consent_version: "v1" },
      "Some fields are invalid",
    ],
    [
      "an asset that does not exist",
      "Email\na@b.example\n",
      { asset_id: "999999" },
      "Some fields are invalid",
    ],
    [
      "enrolment without an asset",
      "Email\na@b.example\n",
      { enrol: "true" },
      "Some fields are invalid",
    ],
  ])("%s is a 400", async (_what, csv, q, message) => {
    const before = await leads();
    const res = await post(csv, q as Record<string, string>);
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(body.error.message).toContain(message);
    expect(await leads()).toBe(before);
  });

  it("an Excel workbook is refused with what to do instead", async () => {
    const res = await post(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]));
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { message: string } }>()).error.message).toContain("not a CSV");
  });

  it("more than 5,000 rows is refused before anything is written", async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `p${i}@many.example`).join("\n");
    const res = await post(`Email\n${rows}\n`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { details: { max_rows: 5000, rows: 5001 } } });
  });

  it("a source is required", async () => {
    const res = await api("/api/v1/leads/import", {
      method: "POST",
      body: "Email\na@b.example\n",
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(400);
  });

  it("an erased person's address is never imported again", async () => {
    const hashes = await emailHashes("gone@erased.example", suppressionSecret(loadConfig(env)));
    await batch(db(), suppressErased(hashes, Date.now()));
    const res = await post("Email,Name\ngone@erased.example,Gone Person\n", {
      basis: "Badge scan",
      consent_version: "v1",
    });
    expect(await res.json()).toMatchObject({ new: 0, erased: [{ line: 2 }] });
    const row = await env.DB.prepare(
      "SELECT id FROM leads WHERE email = 'gone@erased.example'",
    ).first();
    expect(row).toBeNull();
  });
});
