// Dashboard sessions: a person's sign-in link or an API token exchanged for an expiring, HttpOnly cookie with
// its own CSRF secret. A session lives no longer than what made it: revoking the token (or narrowing its
// scopes), removing the person or changing their role ends it, checked on every request.
import type { Db } from "../../env";
import type { Locale, Role, Scope } from "../../db/schema";
import {
  deleteSession,
  insertSession,
  liveSession,
  updateSessionLocale,
  type SessionSource,
} from "../../store/admin-sessions";
import { randomBase64Url, sha256Hex } from "../../domain/encoding";
import {
  permissionsOfRole,
  permissionsOfScopes,
  SCOPE_ROLE,
  type Permission,
} from "../../domain/permissions";
import { BOOTSTRAP_ACTOR, personActor, tokenActor, type Actor } from "../../domain/audit";

export const SESSION_COOKIE = "lodestone_admin";
export const SESSION_TTL_MS = 8 * 3_600_000;

export interface AdminSession {
  idHash: string;
  csrf: string;
  locale: Locale;
  expiresAt: number;
  /** What this session may do: its person's role, or its token's scopes as roles. */
  permissions: ReadonlySet<Permission>;
  /** The roles it acts as (one for a person; a token's scopes as roles). */
  roles: Role[];
  /** Who the audit log names for what this session changes. */
  actor: Actor;
}

/** What a session is made from: a person's sign-in, an API token, or the bootstrap ADMIN_TOKEN (tokenId null). */
export type SessionOrigin =
  | { personId: number; role: Role }
  | { tokenId: number | null; scopes: Scope[] };

/** Creates a session; the returned secret goes in the cookie and is stored only as a hash. Expired sessions are swept. */
export async function createSession(
  db: Db,
  origin: SessionOrigin & { locale: Locale },
  now: number,
): Promise<{ secret: string }> {
  const secret = randomBase64Url(32);
  const person = "personId" in origin;
  await insertSession(
    db,
    {
      idHash: await sha256Hex(secret),
      tokenId: person ? null : origin.tokenId,
      personId: person ? origin.personId : null,
      role: person ? origin.role : null,
      scopes: person ? [] : origin.scopes,
      csrf: randomBase64Url(24),
      locale: origin.locale,
      expiresAt: now + SESSION_TTL_MS,
      createdAt: now,
    },
    now,
  );
  return { secret };
}

/** Roles, permissions and actor of a live session; null when it must end (it outranks what made it). */
function standing(
  session: { scopes: string[]; role: Role | null },
  source: SessionSource,
): Pick<AdminSession, "permissions" | "roles" | "actor"> | null {
  if (source.kind === "person") {
    // A role change ends the session, whichever way it went: the person signs in again with the new role.
    if (session.role !== source.role) return null;
    return {
      permissions: permissionsOfRole(source.role),
      roles: [source.role],
      actor: personActor(source),
    };
  }
  const scopes = session.scopes as Scope[];
  // A token whose scopes no longer cover the session's ends it: a session never outranks its token.
  if (source.kind === "token" && !scopes.every((s) => source.scopes.includes(s))) return null;
  return {
    permissions: permissionsOfScopes(scopes),
    roles: scopes.map((s) => SCOPE_ROLE[s]),
    actor: source.kind === "token" ? tokenActor(source) : BOOTSTRAP_ACTOR,
  };
}

export async function findSession(
  db: Db,
  secret: string | undefined,
  now: number,
): Promise<AdminSession | null> {
  if (!secret || secret.length > 100) return null;
  const live = await liveSession(db, await sha256Hex(secret), now);
  if (!live) return null;
  const { session, source } = live;
  const s = standing(session, source);
  if (!s) {
    await deleteSession(db, session.idHash);
    return null;
  }
  return {
    idHash: session.idHash,
    csrf: session.csrf,
    locale: session.locale === "zh-CN" ? "zh-CN" : "en",
    expiresAt: session.expiresAt,
    ...s,
  };
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}

export async function setSessionLocale(db: Db, idHash: string, locale: Locale): Promise<void> {
  await updateSessionLocale(db, idHash, locale);
}
