// Refused offline conversion requests: a 400 naming the field, never a file the platform would reject.
import { describe, expect, it } from "vitest";
import { api, makeToken } from "../support/api";

const today = new Date().toISOString().slice(0, 10);
const base = `platform=google_ads&stage=mql&from=${today}&to=${today}`;
const file = (q: string, token?: string) =>
  api(`/api/v1/exports/offline-conversions.csv?${q}`, token ? { token } : {});

async function fieldsOf(res: Response): Promise<Record<string, string[]>> {
  expect(res.status, await res.clone().text()).toBe(400);
  const body = (await res.json()) as {
    error: { code: string; details: { fields: Record<string, string[]> } };
  };
  expect(body.error.code).toBe("BAD_REQUEST");
  return body.error.details.fields;
}

describe("offline conversion export: bad requests", () => {
  it.each([
    ["an unknown platform", `platform=tiktok&stage=mql&from=${today}&to=${today}`, "platform"],
    ["no platform", `stage=mql&from=${today}&to=${today}`, "platform"],
    ["an unknown stage", `platform=meta&stage=lost&from=${today}&to=${today}`, "stage"],
    ["a day that does not exist", `platform=meta&stage=mql&from=2026-02-30&to=${today}`, "from"],
    [
      "a time instead of a day",
      `platform=meta&stage=mql&from=${today}T00:00:00Z&to=${today}`,
      "from",
    ],
    ["no `to`", `platform=meta&stage=mql&from=${today}`, "to"],
    ["`to` before `from`", `platform=meta&stage=mql&from=2026-03-02&to=2026-03-01`, "to"],
    ["more than a year", `platform=meta&stage=mql&from=2024-01-01&to=2025-06-01`, "to"],
    [
      "an enhanced variant for Microsoft",
      `platform=microsoft_ads&stage=mql&from=${today}&to=${today}&variant=enhanced`,
      "variant",
    ],
    ["an unknown variant", `${base}&variant=fancy`, "variant"],
    ["a time zone that is not one", `${base}&time_zone=Mars/Olympus`, "time_zone"],
    ["an offset beyond +14 hours", `${base}&time_zone=%2B1500`, "time_zone"],
    [
      "a zone name for Microsoft's offset-only template",
      `platform=microsoft_ads&stage=mql&from=${today}&to=${today}&time_zone=Europe/Berlin`,
      "time_zone",
    ],
    ["a conversion name with a line break", `${base}&conversion_name=a%0Ab`, "conversion_name"],
    ["an empty conversion name", `${base}&conversion_name=`, "conversion_name"],
    [
      "a conversion name over 100 characters",
      `${base}&conversion_name=${"x".repeat(101)}`,
      "conversion_name",
    ],
  ])("%s is a 400 on that field", async (_, q, field) => {
    const fields = await fieldsOf(await file(q));
    expect(Object.keys(fields)).toContain(field);
  });

  it("sales and viewer-like tokens may not download hashed emails for the ad platforms", async () => {
    const sales = (await makeToken(["sales"])).token;
    expect((await file(base, sales)).status).toBe(403);
    const marketing = (await makeToken(["marketing"])).token;
    expect((await file(base, marketing)).status).toBe(200);
  });

  it("an empty window is still a well-formed file: the template's lines and no rows", async () => {
    const res = await file(base);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-conversions")).toBe("0");
    expect(await res.text()).toBe(
      "Parameters:TimeZone=+0000\r\nGoogle Click ID,Conversion Name,Conversion Time,Conversion Value,Conversion Currency\r\n",
    );
  });
});
