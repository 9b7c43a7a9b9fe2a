// Routing test helpers: teammates inserted as an admin's invitation leaves them, rules through the API, MQLs through scoring.
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { db } from "../support/fixtures";
import { addTouch, insertLead } from "../support/leads";
import { scoreAndQualify } from "../../src/services/qualification/score-and-qualify";

let n = 0;
export async function person(
  role: "admin" | "marketer" | "sales" | "viewer",
  over: { locale?: "en" | "zh-CN"; name?: string } = {},
): Promise<{ id: number; email: string }> {
  const email = `${role}-${++n}-${Math.random().toString(36).slice(2, 7)}@team.test`;
  const row = await env.DB.prepare(
    "INSERT INTO people (email, name, role, locale, invited_by_label, created_at, updated_at) VALUES (?, ?, ?, ?, 'ADMIN_TOKEN', ?, ?) RETURNING id",
  )
    .bind(email, over.name ?? `Person ${n}`, role, over.locale ?? "en", Date.now(), Date.now())
    .first<{ id: number }>();
  return { id: row!.id, email };
}

export async function removePerson(id: number) {
  await env.DB.prepare("UPDATE people SET removed_at = ? WHERE id = ?").bind(Date.now(), id).run();
}

export async function clearRules() {
  await env.DB.prepare("DELETE FROM routing_rules").run();
}

export async function makeRule(body: {
  name?: string;
  position: number;
  match: string;
  values?: string[];
  team: number[];
}): Promise<{ id: number }> {
  const res = await api("/api/v1/routing-rules", {
    method: "POST",
    json: { name: "rule", values: [], ...body },
  });
  if (res.status !== 201) throw new Error(`rule not made: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A lead scored past a low threshold: it becomes an MQL (and is routed) now. */
export async function qualifiedLead(
  assetId: number,
  over: { country?: string; now?: number } = {},
): Promise<number> {
  const now = over.now ?? Date.now();
  const leadId = await insertLead({ job_title: "VP Engineering", company_size: "5000+" });
  if (over.country)
    await env.DB.prepare("UPDATE leads SET country = ? WHERE id = ?")
      .bind(over.country, leadId)
      .run();
  await addTouch(leadId, assetId, now);
  const out = await scoreAndQualify(
    { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 10 },
    leadId,
    [{ type: "gate_submitted", at: now, data: { new: true } }],
    now,
  );
  if (!out.ok || !out.value?.qualified) throw new Error(`lead ${leadId} did not qualify`);
  return leadId;
}

export async function routingOf(leadId: number) {
  return env.DB.prepare(
    "SELECT owner_id, owner_assigned_at, accept_by, accepted_at, routing_rule_id, routing_tried, routing_flagged_at FROM leads WHERE id = ?",
  )
    .bind(leadId)
    .first<{
      owner_id: number | null;
      owner_assigned_at: number | null;
      accept_by: number | null;
      accepted_at: number | null;
      routing_rule_id: number | null;
      routing_tried: string | null;
      routing_flagged_at: number | null;
    }>();
}
