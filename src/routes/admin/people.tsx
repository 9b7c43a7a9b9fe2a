/** @jsxImportSource hono/jsx */
// /admin/people (admins only): the team, inviting a teammate by email, changing a role, removing someone.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { readAdminForm } from "../../http/admin-form";
import { audit, noChange } from "../../http/audit";
import { publicOrigin } from "../../http/context";
import { AppError } from "../../errors";
import { LOCALES, ROLES, type Role } from "../../db/schema";
import {
  changeRole,
  invitePerson,
  listPeople,
  personRecord,
  removePerson,
} from "../../services/access/people";
import { PeoplePage } from "../../../templates/admin/pages/people";
import { at } from "../../../templates/admin/messages";

async function render(
  c: Context<AppEnv>,
  extra: { values?: Record<string, string>; errors?: Record<string, string[]>; message?: string },
  status: 200 | 400 = 200,
) {
  const s = c.get("admin");
  return c.html(
    <PeoplePage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      people={await listPeople(c.get("db"))}
      roles={ROLES}
      locales={LOCALES}
      selfId={s.actor.kind === "person" ? s.actor.id : null}
      {...extra}
    />,
    status,
  );
}

const roleOf = (v: string | undefined): Role => {
  if (!(ROLES as readonly string[]).includes(v ?? ""))
    throw new AppError("BAD_REQUEST", "Choose a role");
  return v as Role;
};

export function registerPeople(app: Hono<AppEnv>) {
  app.get("/people", (c) => {
    const L = c.get("admin").locale;
    const q = c.req.query();
    const message = q.invited
      ? at(L, q.mailed === "1" ? "people_invited" : "people_invited_unmailed", { email: q.invited })
      : q.saved
        ? at(L, "people_role_saved")
        : q.removed
          ? at(L, "people_removed")
          : undefined;
    return render(c, { message });
  });

  app.post("/people", async (c) => {
    const { fields } = await readAdminForm(c);
    const s = c.get("admin");
    const origin = publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url);
    const result = await invitePerson(
      c.get("db"),
      c.get("config"),
      { ...fields, locale: fields.locale || s.locale },
      { actor: s.actor, signInUrl: `${origin}/admin/login` },
      c.get("now"),
    );
    if (!result.ok) return render(c, { values: fields, errors: result.errors }, 400);
    await audit(c, {
      action: result.before ? "person.reinvite" : "person.invite",
      subject: { type: "person", id: result.person.id },
      before: result.before ? personRecord(result.before) : null,
      after: personRecord(result.person),
    });
    const q = new URLSearchParams({
      invited: result.person.email,
      mailed: result.mailed ? "1" : "0",
    });
    return c.redirect(`/admin/people?${q}`, 303);
  });

  app.post("/people/:id{[0-9]+}/role", async (c) => {
    const { fields } = await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const { before, after } = await changeRole(
      c.get("db"),
      id,
      roleOf(fields.role),
      c.get("admin").actor,
      c.get("now"),
    );
    if (before.role !== after.role)
      await audit(c, {
        action: "person.role_change",
        subject: { type: "person", id },
        before: personRecord(before),
        after: personRecord(after),
      });
    else noChange(c);
    return c.redirect("/admin/people?saved=1", 303);
  });

  app.post("/people/:id{[0-9]+}/remove", async (c) => {
    await readAdminForm(c);
    const id = Number(c.req.param("id"));
    const { before, after } = await removePerson(
      c.get("db"),
      id,
      c.get("admin").actor,
      c.get("now"),
    );
    await audit(c, {
      action: "person.remove",
      subject: { type: "person", id },
      before: personRecord(before),
      after: personRecord(after),
    });
    return c.redirect("/admin/people?removed=1", 303);
  });
}
