import { describe, it, expect, beforeAll } from "vitest";
import { api, makeToken } from "../support/api";
import { insertLead } from "../support/leads";

let sales = "";
let leadId = 0;
beforeAll(async () => {
  sales = (await makeToken(["sales"])).token;
  leadId = await insertLead({ stage: "mql" });
});
const report = (id: number, json: unknown) =>
  api(`/api/v1/leads/${id}/outcomes`, { method: "POST", token: sales, json });

describe("outcomes refuse what cannot be booked", () => {
  it.each([
    ["won without an amount", { stage: "won", external_id: "e1" }, "amount"],
    [
      "an amount in another currency",
      { stage: "won", amount: 10, currency: "EUR", external_id: "e2" },
      "currency",
    ],
    ["an amount without a currency", { stage: "won", amount: 10, external_id: "e3" }, "currency"],
    [
      "more decimals than the currency has",
      { stage: "won", amount: 10.001, currency: "USD", external_id: "e4" },
      "amount",
    ],
    ["an unknown stage", { stage: "maybe", external_id: "e5" }, "stage"],
    ["no external_id", { stage: "accepted" }, "external_id"],
  ])("%s is a 400 naming the field", async (_what, json, field) => {
    const res = await report(leadId, json);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(body.error.details.fields)).toContain(field);
  });

  it("an external_id reused with different details is a 409", async () => {
    expect((await report(leadId, { stage: "accepted", external_id: "conflict-1" })).status).toBe(
      201,
    );
    const res = await report(leadId, { stage: "lost", external_id: "conflict-1" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "CONFLICT" } });
  });

  it("an outcome for a lead that does not exist is a 404", async () => {
    expect((await report(987_654_321, { stage: "accepted", external_id: "nobody" })).status).toBe(
      404,
    );
  });
});
