// Teammates in dashboard tests, through HTTP only: an admin invites them, they ask for a link on the sign-in
// page, the link is read from the mail Resend would have delivered (faked at its HTTP boundary), and confirmed.
import { expect } from "vitest";
import type { Role } from "../../../src/db/schema";
import { BASE, postForm } from "../../support/http";
import { waitFor } from "../../support/leads";
import type { ResendFake } from "../../nurture/support/resend-fake";
import { sessionOf, type Session } from "./browser-like";

let n = 0;
/** A fresh address for a test's teammate. */
export const teammate = (tag = "mate") =>
  `${tag}-${++n}-${Math.random().toString(36).slice(2, 7)}@team.test`;

/** The admin invites `email` with `role` from /admin/people; answers the redirect. */
export async function invite(
  admin: Session,
  email: string,
  role: Role,
  extra: Record<string, string> = {},
): Promise<Response> {
  const res = await admin.post("/admin/people", { email, role, name: "", ...extra });
  expect(res.status, await res.clone().text()).toBe(303);
  return res;
}

/** Asks the sign-in page to mail a link to `email`; the page answers the same for anyone. */
export function askForLink(email: string, locale = "en") {
  return postForm("/admin/login/email", { email, locale }, { headers: { origin: BASE } });
}

/** The nth sign-in link mailed to `email` (waiting for it: the mail is sent after the answer). */
export async function linkMailedTo(resend: ResendFake, email: string, nth = 1): Promise<string> {
  const mail = await waitFor(
    async () =>
      resend.delivered.filter(
        (d) => d.to === email && d.tags.some((t) => t.name === "kind" && t.value === "sign_in"),
      )[nth - 1],
    `sign-in mail ${nth} to ${email}`,
  );
  const url = /https?:\/\/\S+\/admin\/login\/link\/[A-Za-z0-9_-]+\?lang=[A-Za-z-]+/.exec(
    mail.text,
  )?.[0];
  if (!url) throw new Error(`no sign-in link in: ${mail.text}`);
  return new URL(url).pathname + new URL(url).search;
}

/** Presses the confirm page's button: the link's POST, as a browser on our origin sends it. */
export function confirmLink(path: string, locale = "en") {
  return postForm(new URL(path, BASE).pathname, { locale }, { headers: { origin: BASE } });
}

/** Signs `email` in through the whole link flow and returns their browser. */
export async function signInByLink(resend: ResendFake, email: string): Promise<Session> {
  const before = resend.delivered.filter((d) => d.to === email).length;
  expect((await askForLink(email)).status).toBe(200);
  const path = await waitFor(
    async () =>
      resend.delivered.filter((d) => d.to === email).length > before &&
      linkMailedTo(resend, email, countLinks(resend, email)),
    `a new sign-in link for ${email}`,
  );
  const res = await confirmLink(path);
  expect(res.status, await res.clone().text()).toBe(303);
  return sessionOf(res.headers.get("set-cookie")!.split(";")[0]!);
}

const countLinks = (resend: ResendFake, email: string) =>
  resend.delivered.filter(
    (d) => d.to === email && d.tags.some((t) => t.name === "kind" && t.value === "sign_in"),
  ).length;

/** A teammate with `role`, invited by `admin` and signed in by link. */
export async function memberSignedIn(
  resend: ResendFake,
  admin: Session,
  role: Role,
  email = teammate(role),
): Promise<Session & { email: string }> {
  await invite(admin, email, role);
  return Object.assign(await signInByLink(resend, email), { email });
}
