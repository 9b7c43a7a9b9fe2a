// Teammates: an admin invites one by email with a role (the mail says who invited them), changes their role
// or removes them; either ends their sessions and unused sign-in links at once.
import { z } from "zod";
import type { Config, Db } from "../../env";
import { LOCALES, ROLES, type Person, type Role } from "../../db/schema";
import {
  allPeople,
  insertOrRestorePerson,
  markPersonRemoved,
  personByEmail,
  personById,
  updatePersonRole,
} from "../../store/people";
import { deleteSessionsOfPerson } from "../../store/admin-sessions";
import { deleteUnusedLinksOf } from "../../store/sign-in-links";
import { emailSchema } from "../../domain/email-address";
import type { Actor } from "../../domain/audit";
import type { FieldErrors } from "../../domain/vocabulary";
import { AppError, fieldErrors } from "../../errors";
import { invitationEmail } from "../../../templates/emails/team";
import { sendTeamMail } from "./team-mail";

export type { Person };

// Control characters and bidi overrides would reach the invitation's Subject or spoof how a name reads.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const UNSAFE_TEXT = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

export const inviteInput = z.object({
  email: emailSchema,
  name: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(100)
      .refine((s) => !UNSAFE_TEXT.test(s), "Use letters, spaces and punctuation only")
      .optional(),
  ),
  role: z.enum(ROLES, { error: "Choose a role" }),
  locale: z.enum(LOCALES).default("en"),
});

/** A person as the audit log keeps them. */
export function personRecord(p: Person) {
  return { email: p.email, name: p.name, role: p.role, removed_at: p.removedAt };
}

export async function listPeople(db: Db): Promise<Person[]> {
  return allPeople(db);
}

export type InviteResult =
  | { ok: true; person: Person; before: Person | null; mailed: boolean }
  | { ok: false; errors: FieldErrors };

/** Adds (or brings back) a teammate and mails them the invitation in their language. */
export async function invitePerson(
  db: Db,
  config: Config,
  input: unknown,
  by: { actor: Actor; signInUrl: string },
  now: number,
): Promise<InviteResult> {
  const parsed = inviteInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const v = parsed.data;
  const before = (await personByEmail(db, v.email)) ?? null;
  if (before && before.removedAt === null)
    return { ok: false, errors: { email: ["This address is already a member"] } };
  const person = await insertOrRestorePerson(
    db,
    {
      email: v.email,
      name: v.name ?? null,
      role: v.role,
      locale: v.locale,
      invitedBy: by.actor.kind === "person" ? by.actor.id : null,
      invitedByLabel: by.actor.label,
    },
    now,
  );
  if (!person) return { ok: false, errors: { email: ["This address is already a member"] } };
  const mailed = await sendTeamMail(
    config,
    {
      to: person.email,
      locale: person.locale,
      kind: "invitation",
      content: invitationEmail(person.locale, {
        name: person.name,
        inviter: by.actor.label,
        role: person.role,
        signInUrl: by.signInUrl,
      }),
    },
    `invitation:${person.id}:${now}`,
    now,
  );
  return { ok: true, person, before, mailed };
}

/** Refuses changes to yourself: an admin cannot lock themselves out by a slip (another admin can). */
function notSelf(actor: Actor, id: number) {
  if (actor.kind === "person" && actor.id === id)
    throw new AppError(
      "CONFLICT",
      "You cannot change your own role or remove yourself; ask another admin.",
    );
}

async function current(db: Db, id: number): Promise<Person> {
  const p = await personById(db, id);
  if (!p || p.removedAt !== null) throw new AppError("NOT_FOUND", "No current member has this id");
  return p;
}

export async function changeRole(
  db: Db,
  id: number,
  role: Role,
  actor: Actor,
  now: number,
): Promise<{ before: Person; after: Person }> {
  notSelf(actor, id);
  const before = await current(db, id);
  if (before.role === role) return { before, after: before };
  const after = await updatePersonRole(db, id, role, now);
  if (!after) throw new AppError("NOT_FOUND", "No current member has this id");
  // Their sessions check the role on every request anyway; this clears them away at once.
  await deleteSessionsOfPerson(db, id);
  return { before, after };
}

export async function removePerson(
  db: Db,
  id: number,
  actor: Actor,
  now: number,
): Promise<{ before: Person; after: Person }> {
  notSelf(actor, id);
  const before = await current(db, id);
  const after = await markPersonRemoved(db, id, now);
  if (!after) throw new AppError("NOT_FOUND", "No current member has this id");
  await Promise.all([deleteSessionsOfPerson(db, id), deleteUnusedLinksOf(db, id)]);
  return { before, after };
}
