// The shape of a nurture email template: what it needs, and its words in both locales.
import type { Locale } from "../../src/db/schema";
import type { STEP_ANCHORS, StepConditionKey } from "../../src/domain/vocabulary";
import type { RichBlock } from "./rich-blocks";

/** Every variable a step can hand a template. `name` is always offered but may be empty. */
export const EMAIL_VARIABLES = [
  "name",
  "asset_title",
  "download_url",
  "share_url",
  "unsubscribe_url",
  "session_time",
  "join_url",
  "optin_url",
] as const;
export type EmailVariable = (typeof EMAIL_VARIABLES)[number];
export type EmailVars = { name: string | null } & Partial<
  Record<Exclude<EmailVariable, "name">, string>
>;

/**
 * A paragraph, a call-to-action button, a plain link, or a block of Markdown copy (rich-blocks.tsx).
 * Every href is tracked through /t/c.
 */
export type EmailBlock =
  | { p: string }
  | { rich: RichBlock }
  | { button: { label: string; href: string } }
  | { link: { label: string; href: string } };

export interface EmailContent {
  subject: string;
  preheader: string;
  blocks: EmailBlock[];
}

export interface EmailTemplate<
  V extends Exclude<EmailVariable, "name"> = Exclude<EmailVariable, "name">,
> {
  id: string;
  /** Variables the template reads besides `name`; authoring refuses a step that cannot supply them. */
  requires: readonly V[];
  /**
   * Where a step started from this template goes unless the marketer moves it (a day-before reminder is
   * counted from the session start, not from sign-up).
   */
  timing?: {
    anchor: (typeof STEP_ANCHORS)[number];
    delayMinutes: number;
    conditions?: Partial<Record<StepConditionKey, true>>;
  };
  content: Record<Locale, (v: { name: string | null } & Record<V, string>) => EmailContent>;
}

export function defineEmail<V extends Exclude<EmailVariable, "name">>(
  t: EmailTemplate<V>,
): EmailTemplate {
  return t as unknown as EmailTemplate;
}

/** A greeting that reads well with or without a name. */
export function greeting(locale: Locale, name: string | null): string {
  const n = name?.trim();
  if (locale === "zh-CN") return n ? `${n}，您好：` : "您好：";
  return n ? `Hi ${n},` : "Hi there,";
}
