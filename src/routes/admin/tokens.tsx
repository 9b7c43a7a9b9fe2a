/** @jsxImportSource hono/jsx */
// /admin/tokens (tokens.manage: admins): scoped API tokens: list, create (the secret on the answer page only,
// never in a URL), revoke.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { readAdminForm } from "../../http/admin-form";
import { audit, noChange } from "../../http/audit";
import { tokenRecord } from "../../http/audit-records";
import { AppError } from "../../errors";
import { SCOPES, type Scope } from "../../db/schema";
import { createToken, listTokens, revokeToken } from "../../services/access/tokens";
import { TokensPage } from "../../../templates/admin/pages/tokens";
import { at } from "../../../templates/admin/messages";

type Extra = {
  created?: string;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
};

async function render(c: Context<AppEnv>, extra: Extra, status: 200 | 201 | 400 = 200) {
  const s = c.get("admin");
  return c.html(
    <TokensPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      tokens={await listTokens(c.get("db"))}
      scopes={SCOPES}
      {...extra}
    />,
    status,
  );
}

export function registerTokensPage(app: Hono<AppEnv>) {
  app.get("/tokens", (c) =>
    render(c, {
      message: c.req.query("revoked")
        ? at(c.get("admin").locale, "tokens_revoked_message")
        : undefined,
    }),
  );

  app.post("/tokens", async (c) => {
    const { fields, all } = await readAdminForm(c);
    const L = c.get("admin").locale;
    const name = (fields.name ?? "").trim();
    const scopes = [...new Set(all.scopes ?? [])].filter((s): s is Scope =>
      (SCOPES as readonly string[]).includes(s),
    );
    const errors: Record<string, string[]> = {};
    if (!name || name.length > 100) errors.name = [at(L, "tokens_name_required")];
    if (!scopes.length) errors.scopes = [at(L, "tokens_pick_scope")];
    if (Object.keys(errors).length)
      return render(c, { values: { name, scopes: scopes.join(",") }, errors }, 400);
    const { row, secret } = await createToken(c.get("db"), { name, scopes }, c.get("now"));
    await audit(c, {
      action: "token.create",
      subject: { type: "api_token", id: row.id },
      before: null,
      after: tokenRecord(row),
    });
    c.header("Cache-Control", "no-store");
    return render(c, { created: secret }, 201);
  });

  app.post("/tokens/:id{[0-9]+}/revoke", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const row = await revokeToken(c.get("db"), id, c.get("now"));
    if (!row) throw new AppError("NOT_FOUND", "No token has this id");
    // Revoking is idempotent: only the post that revoked it changed anything.
    if (row.revokedAt === c.get("now"))
      await audit(c, {
        action: "token.revoke",
        subject: { type: "api_token", id },
        before: { ...tokenRecord(row), revoked_at: null },
        after: tokenRecord(row),
      });
    else noChange(c);
    return c.redirect("/admin/tokens?revoked=1", 303);
  });
}
