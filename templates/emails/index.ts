// Every nurture email template by id: what sequences may use, and what authoring checks against.
import type { EmailTemplate } from "./types";
import { whitepaperWelcome, whitepaperFollowUp, whitepaperOpenClass } from "./whitepaper";
import {
  courseReminderDay,
  courseReminderHour,
  courseReplay,
  courseThanksAttended,
} from "./course";
import { optinConfirm } from "./optin";

export const EMAIL_TEMPLATES: Record<string, EmailTemplate> = Object.fromEntries(
  [
    whitepaperWelcome,
    whitepaperFollowUp,
    whitepaperOpenClass,
    courseReminderDay,
    courseReminderHour,
    courseReplay,
    courseThanksAttended,
    optinConfirm,
  ].map((t) => [t.id, t]),
);

export function findEmailTemplate(id: string): EmailTemplate | null {
  return Object.hasOwn(EMAIL_TEMPLATES, id) ? EMAIL_TEMPLATES[id]! : null;
}
