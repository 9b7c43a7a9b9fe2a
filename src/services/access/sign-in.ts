// Signing in by one-time link: asking for one mails it only to a current member (the answer is the same for
// anyone); opening it (GET) only checks it; confirming (POST) uses it up atomically and names the person.
import type { Config, Db } from "../../env";
import type { Locale, Person } from "../../db/schema";
import { personByEmail, personById } from "../../store/people";
import {
  consumeSignInLink,
  insertSignInLink,
  linksSentSince,
  liveSignInLink,
} from "../../store/sign-in-links";
import { emailSchema } from "../../domain/email-address";
import { randomBase64Url, sha256Hex } from "../../domain/encoding";
import { log } from "../../platform/logger";
import { signInEmail } from "../../../templates/emails/team";
import { sendTeamMail } from "./team-mail";

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** At most this many links per person per 15 minutes: nobody can flood a teammate's inbox. */
export const LINKS_PER_WINDOW = 3;

/** Secrets are 32 random bytes in base64url: 43 characters. Anything else is not a link of ours. */
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Mails a sign-in link if `email` is a current member's and they have not had too many lately. Says nothing
 * either way: the caller answers "check your inbox" to everyone, so no one learns who is a member.
 */
export async function requestSignInLink(
  db: Db,
  config: Config,
  input: { email: string; locale: Locale; linkBase: string },
  now: number,
): Promise<void> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return;
  const person = await personByEmail(db, email.data);
  if (!person || person.removedAt !== null) return;
  if ((await linksSentSince(db, person.id, now - SIGN_IN_LINK_TTL_MS)) >= LINKS_PER_WINDOW) {
    log.warn("sign-in link not sent: too many asked for lately", { person_id: person.id });
    return;
  }
  const secret = randomBase64Url(32);
  const hash = await sha256Hex(secret);
  await insertSignInLink(
    db,
    { hash, personId: person.id, expiresAt: now + SIGN_IN_LINK_TTL_MS },
    now,
  );
  await sendTeamMail(
    config,
    {
      to: person.email,
      locale: input.locale,
      kind: "sign_in",
      content: signInEmail(input.locale, {
        name: person.name,
        url: `${input.linkBase}/${secret}?lang=${input.locale}`,
        minutes: SIGN_IN_LINK_TTL_MS / 60_000,
      }),
    },
    `sign-in:${hash.slice(0, 32)}`,
    now,
  );
}

/** Whether the link can still be used; reads only (mail scanners open links: a GET must not use it up). */
export async function signInLinkIsLive(db: Db, secret: string, now: number): Promise<boolean> {
  if (!SECRET_SHAPE.test(secret)) return false;
  return !!(await liveSignInLink(db, await sha256Hex(secret), now));
}

/** Uses the link up and returns its person; null when it is unknown, used, expired, or they were removed. */
export async function useSignInLink(db: Db, secret: string, now: number): Promise<Person | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const used = await consumeSignInLink(db, await sha256Hex(secret), now);
  if (!used) return null;
  const person = await personById(db, used.personId);
  return person && person.removedAt === null ? person : null;
}
