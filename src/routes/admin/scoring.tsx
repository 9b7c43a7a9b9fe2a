/** @jsxImportSource hono/jsx */
// /admin/scoring: the score rules and the MQL threshold, editing a rule, adding and deleting one, and the preview
// of how many open leads would qualify with a change before it is saved.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { readAdminForm } from "../../http/admin-form";
import { audit, noChange } from "../../http/audit";
import { ruleRecord } from "../../http/audit-records";
import { fieldErrorsOf } from "../../errors";
import { createRule, deleteRule, listRules, updateRule } from "../../services/scoring/rules-store";
import {
  previewQualification,
  type QualificationPreview,
} from "../../services/scoring/rule-preview";
import { BEHAVIOUR_FIELDS, FIT_FIELDS } from "../../services/scoring/rules";
import { mqlThreshold } from "../../services/settings/settings";
import { ScoringPage } from "../../../templates/admin/pages/scoring";
import { at } from "../../../templates/admin/messages";
import { changeFromForm, ruleFromForm } from "./scoring-form";

interface Extra {
  preview?: QualificationPreview;
  /** The form being worked on: "new" or a rule id, with what was typed and what is wrong with it. */
  open?: string;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
}

async function render(c: Context<AppEnv>, extra: Extra, status: 200 | 400 = 200) {
  const s = c.get("admin");
  return c.html(
    <ScoringPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      rules={await listRules(c.get("db"))}
      threshold={await mqlThreshold(c.get("db"), c.get("config").MQL_THRESHOLD)}
      fields={{ fit: FIT_FIELDS, behaviour: BEHAVIOUR_FIELDS }}
      {...extra}
    />,
    status,
  );
}

/** A rule the service refused (field per kind, match needs): the page shows why beside the field. */
const refusedFields = (e: unknown) => fieldErrorsOf(e, "BAD_REQUEST");

const thresholdOf = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : fallback;
};

export function registerScoringPage(app: Hono<AppEnv>) {
  app.get("/scoring", (c) => {
    const L = c.get("admin").locale;
    const q = c.req.query();
    const message = q.saved
      ? at(L, "scoring_saved")
      : q.deleted
        ? at(L, "scoring_deleted")
        : undefined;
    return render(c, { message, open: q.edit });
  });

  app.post("/scoring/preview", async (c) => {
    const { fields } = await readAdminForm(c);
    noChange(c);
    const open = fields.change === "add" ? "new" : fields.rule_id || undefined;
    const change = changeFromForm(fields);
    if (!change.ok) return render(c, { open, values: fields, errors: change.errors }, 400);
    const threshold = thresholdOf(
      fields.threshold,
      await mqlThreshold(c.get("db"), c.get("config").MQL_THRESHOLD),
    );
    try {
      const preview = await previewQualification(
        c.get("db"),
        { threshold, change: change.value },
        c.get("now"),
      );
      return render(c, { preview, open, values: fields });
    } catch (e) {
      const errors = refusedFields(e);
      if (!errors) throw e;
      return render(c, { open, values: fields, errors }, 400);
    }
  });

  app.post("/scoring/rules", async (c) => {
    const { fields } = await readAdminForm(c);
    const rule = ruleFromForm(fields);
    const kindMissing = rule.ok && !rule.value.kind;
    if (!rule.ok || kindMissing)
      return render(
        c,
        {
          open: "new",
          values: fields,
          errors: rule.ok ? { kind: ["Choose fit or behaviour"] } : rule.errors,
        },
        400,
      );
    try {
      const row = await createRule(
        c.get("db"),
        { ...rule.value, kind: rule.value.kind! },
        c.get("now"),
      );
      await audit(c, {
        action: "score_rule.create",
        subject: { type: "score_rule", id: row.id },
        before: null,
        after: ruleRecord(row),
      });
    } catch (e) {
      const errors = refusedFields(e);
      if (!errors) throw e;
      return render(c, { open: "new", values: fields, errors }, 400);
    }
    return c.redirect("/admin/scoring?saved=1", 303);
  });

  app.post("/scoring/rules/:id{[0-9]+}", async (c) => {
    const { fields } = await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const rule = ruleFromForm(fields);
    if (!rule.ok) return render(c, { open: String(id), values: fields, errors: rule.errors }, 400);
    const { kind: _, ...patch } = rule.value;
    try {
      const { before, after } = await updateRule(c.get("db"), id, patch);
      await audit(c, {
        action: "score_rule.update",
        subject: { type: "score_rule", id },
        before: ruleRecord(before),
        after: ruleRecord(after),
      });
    } catch (e) {
      const errors = refusedFields(e);
      if (!errors) throw e;
      return render(c, { open: String(id), values: fields, errors }, 400);
    }
    return c.redirect("/admin/scoring?saved=1", 303);
  });

  app.post("/scoring/rules/:id{[0-9]+}/delete", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const row = await deleteRule(c.get("db"), id);
    await audit(c, {
      action: "score_rule.delete",
      subject: { type: "score_rule", id },
      before: ruleRecord(row),
      after: null,
    });
    return c.redirect("/admin/scoring?deleted=1", 303);
  });
}
