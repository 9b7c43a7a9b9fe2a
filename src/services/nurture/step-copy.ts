// A step's copy at authoring: what the API accepts per locale, what the code template fills in, what is refused.
import { z } from "zod";
import { LOCALES, type AssetKind, type Locale } from "../../db/schema";
import type { FieldErrors } from "../../errors";
import { copyProblems, type CopyFields } from "../../domain/email-copy";
import type { EmailTemplate } from "../../../templates/emails/types";
import { kindName, suppliedCopyVariables } from "./copy-variables";
import { defaultCopy } from "./default-copy";

export const copyFieldsInput = z
  .object({
    subject: z.string().max(300),
    preheader: z.string().max(300).default(""),
    body: z.string().max(20_000),
  })
  .strict();
export const stepCopyInput = z
  .object({ en: copyFieldsInput.optional(), "zh-CN": copyFieldsInput.optional() })
  .strict();
export type StepCopyInput = z.infer<typeof stepCopyInput>;
export type StepCopy = Record<Locale, CopyFields>;

/**
 * The step's copy in both locales: what was written, else the template's words. Problems are keyed
 * `steps.<i>.copy.<locale>.<field>` (or `steps.<i>.copy.<locale>` when there is nothing to start from).
 */
export function resolveStepCopy(
  index: number,
  given: StepCopyInput | undefined,
  template: EmailTemplate | null,
  kind: AssetKind,
  fields: FieldErrors,
): StepCopy | null {
  const out: Partial<StepCopy> = {};
  const supplied = suppliedCopyVariables(kind);
  for (const locale of LOCALES) {
    const written = given?.[locale];
    const key = `steps.${index}.copy.${locale}`;
    if (!written && !template) {
      fields[key] = [`Write the ${locale} subject and body, or start the step from a template`];
      continue;
    }
    const copy = written ?? defaultCopy(template!, locale);
    // The template's own words were checked when it was written: only a marketer's copy is checked here.
    if (written) {
      const problems = copyProblems(copy, supplied, kindName(kind));
      for (const [field, list] of Object.entries(problems)) fields[`${key}.${field}`] = list!;
    }
    out[locale] = copy;
  }
  return LOCALES.every((l) => out[l]) ? (out as StepCopy) : null;
}

/** Whether the step's copy in every locale is the marketer's (so the template's needs do not apply). */
export const fullyWritten = (given: StepCopyInput | undefined) =>
  LOCALES.every((l) => given?.[l] !== undefined);
