/** @jsxImportSource hono/jsx */
// /admin/routing (routing.manage: marketers and admins): the sales routing rules, added, edited and deleted here.
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/app-env";
import { readAdminForm } from "../../http/admin-form";
import { chromeOf } from "../../http/admin-guard";
import { audit } from "../../http/audit";
import { routingRuleRecord } from "../../http/audit-records";
import { fieldErrors, fieldErrorsOf } from "../../errors";
import { ROUTING_MATCHES } from "../../db/schema";
import {
  createRoutingRule,
  editRoutingRule,
  removeRoutingRule,
  routingRules,
  type RoutingRule,
} from "../../services/routing/rules-admin";
import { loadRoster } from "../../services/routing/team";
import { RoutingPage } from "../../../templates/admin/pages/routing";
import { at } from "../../../templates/admin/messages";

const ruleForm = z.object({
  name: z.string().trim().min(1).max(120),
  position: z.coerce.number().int().min(0).max(100_000),
  match: z.enum(ROUTING_MATCHES),
  values: z
    .string()
    .max(4000)
    .transform((v) => v.split(/[,，\s]+/).filter(Boolean)),
  team: z.array(z.coerce.number().int().positive()).max(50),
});

type FormState = { values: Record<string, string>; team: number[]; editing: number | null };
const EMPTY: FormState = { values: {}, team: [], editing: null };
const stateOf = (r: RoutingRule): FormState => ({
  values: {
    name: r.name,
    position: String(r.position),
    match: r.match,
    values: r.values.join(", "),
  },
  team: r.team,
  editing: r.id,
});

async function page(
  c: Context<AppEnv>,
  form: FormState,
  extra: { errors?: Record<string, string[]>; message?: string } = {},
  status: 200 | 400 = 200,
) {
  const s = c.get("admin");
  const db = c.get("db");
  const [rules, roster] = await Promise.all([routingRules(db), loadRoster(db)]);
  const label = (p: { name: string | null; email: string }) =>
    p.name ? `${p.name} <${p.email}>` : p.email;
  const people = [...roster.owners].map((id) => ({ id, label: label(roster.byId.get(id)!) }));
  const names = new Map(
    [...roster.byId.values()].map((p) => [
      p.id,
      { label: p.name ?? p.email, removed: p.removedAt !== null },
    ]),
  );
  return c.html(
    <RoutingPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      rules={rules}
      matches={ROUTING_MATCHES}
      people={people}
      names={names}
      form={form}
      {...extra}
    />,
    status,
  );
}

/** The posted rule, or the page again with what is wrong (a 400, the form as it was sent). */
async function readRule(c: Context<AppEnv>) {
  const { fields } = await readAdminForm(c);
  // Checkboxes repeat their name: the body again with every value (hono keeps the parsed form).
  const all = await c.req.parseBody({ all: true });
  const team = ([] as unknown[]).concat(all.team ?? []).map(String);
  const parsed = ruleForm.safeParse({ ...fields, team });
  const state = { values: fields, team: team.map(Number).filter(Number.isInteger) };
  return { parsed, state };
}

export function registerRouting(app: Hono<AppEnv>) {
  app.get("/routing", async (c) => {
    const s = c.get("admin");
    const edit = Number(c.req.query("edit") ?? "");
    const rule = edit ? (await routingRules(c.get("db"))).find((r) => r.id === edit) : undefined;
    const q = c.req.query("done");
    const message =
      q === "saved"
        ? at(s.locale, "routing_saved")
        : q === "deleted"
          ? at(s.locale, "routing_deleted")
          : undefined;
    return page(c, rule ? stateOf(rule) : EMPTY, { message });
  });

  const save = async (c: Context<AppEnv>, id: number | null) => {
    const { parsed, state } = await readRule(c);
    const form = { ...state, editing: id };
    if (!parsed.success) return page(c, form, { errors: fieldErrors(parsed.error) }, 400);
    try {
      if (id === null) {
        const row = await createRoutingRule(c.get("db"), parsed.data, c.get("now"));
        await audit(c, {
          action: "routing_rule.create",
          subject: { type: "routing_rule", id: row.id },
          before: null,
          after: routingRuleRecord(row),
        });
      } else {
        const { before, after } = await editRoutingRule(c.get("db"), id, parsed.data, c.get("now"));
        await audit(c, {
          action: "routing_rule.update",
          subject: { type: "routing_rule", id },
          before: routingRuleRecord(before),
          after: routingRuleRecord(after),
        });
      }
    } catch (err) {
      const errors = fieldErrorsOf(err, "BAD_REQUEST");
      if (errors) return page(c, form, { errors }, 400);
      throw err;
    }
    return c.redirect("/admin/routing?done=saved", 303);
  };
  app.post("/routing", (c) => save(c, null));
  app.post("/routing/:id{[0-9]+}", (c) => save(c, Number(c.req.param("id"))));

  app.post("/routing/:id{[0-9]+}/delete", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const before = await removeRoutingRule(c.get("db"), id);
    await audit(c, {
      action: "routing_rule.delete",
      subject: { type: "routing_rule", id },
      before: routingRuleRecord(before),
      after: null,
    });
    return c.redirect("/admin/routing?done=deleted", 303);
  });
}
