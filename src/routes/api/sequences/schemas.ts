// The sequence shapes of the API, for validation and the OpenAPI document. Strict: a key the API does not
// know (a `subject` beside a step, say) is a 400 naming it, never silently dropped.
import { z } from "@hono/zod-openapi";
import { STEP_CONDITION_KEYS } from "../../../domain/vocabulary";

const copyFields = z
  .object({
    subject: z.string().openapi({ example: "Your copy of “{{asset_title}}”" }),
    preheader: z.string().optional(),
    body: z.string().openapi({
      description:
        "Markdown: paragraphs, **bold**, *italic*, [label](url), lists, # headings, and a button on its own line: [[label]]({{download_link}}). Variables: {{first_name}}, {{name}}, {{company}}, {{asset_title}}, {{download_link}}, {{share_link}}, {{session_time}} and {{join_link}} (courses).",
      example:
        "Hi {{first_name}},\n\nThanks for reading **{{asset_title}}**.\n\n[[Download the report]]({{download_link}})",
    }),
  })
  .strict()
  .openapi("EmailCopy");
const stepCopy = z
  .object({ en: copyFields.optional(), "zh-CN": copyFields.optional() })
  .strict()
  .openapi({
    description: "The step's email per locale; a locale left out starts from the template's words.",
  });

const conditions = z
  .object(Object.fromEntries(STEP_CONDITION_KEYS.map((k) => [k, z.boolean().optional()])))
  .strict();
const sendWindow = z
  .object({
    days: z.array(z.number().int()),
    startHour: z.number().int(),
    endHour: z.number().int(),
    timezone: z.enum(["lead", "asset"]),
  })
  .strict();

const stepSchema = z
  .object({
    template: z.string().optional().openapi({
      example: "whitepaper-follow-up",
      description:
        "The code template the copy starts from; optional when both locales' copy is given.",
    }),
    anchor: z.enum(["enrolment", "session_start"]).optional(),
    delayMinutes: z.number().int().openapi({ example: 2880 }),
    conditions: conditions.optional(),
    sendWindow: sendWindow.nullable().optional(),
    copy: stepCopy.optional(),
  })
  .strict();

export const sequenceBody = z
  .object({ name: z.string(), steps: z.array(stepSchema) })
  .strict()
  .openapi("SequenceInput", {
    example: {
      name: "Whitepaper follow-up",
      steps: [
        { template: "whitepaper-welcome", delayMinutes: 0 },
        {
          template: "whitepaper-follow-up",
          delayMinutes: 2880,
          sendWindow: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, timezone: "lead" },
          copy: {
            en: {
              subject: "Three ideas from {{asset_title}}",
              preheader: "A short follow-up.",
              body: "Hi {{first_name}},\n\n[[Open the report]]({{download_link}})",
            },
          },
        },
      ],
    },
  });

const copyOut = z.object({ subject: z.string(), preheader: z.string(), body: z.string() });

export const sequenceOut = z
  .object({
    sequence_id: z.number().int(),
    name: z.string(),
    steps: z.array(
      z.object({
        id: z.number().int(),
        position: z.number().int(),
        template: z.string(),
        anchor: z.string(),
        delay_minutes: z.number().int(),
        conditions: z.record(z.string(), z.boolean().optional()),
        send_window: z.unknown(),
        copy_stored: z.boolean(),
        copy: z.object({ en: copyOut.optional(), "zh-CN": copyOut.optional() }),
      }),
    ),
  })
  .openapi("Sequence");

const pathInt = (name: string, example: number) =>
  z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name, in: "path" }, example });
export const stepParams = z.object({ id: pathInt("id", 42), n: pathInt("n", 2) });

const previewFields = {
  locale: z.enum(["en", "zh-CN"]).optional().openapi({
    description: "Defaults to the lead's locale, else the asset's.",
  }),
  lead_id: z.number().int().positive().optional(),
  lead_email: z.string().optional().openapi({ description: "A real lead, found by email." }),
  sample: z
    .object({ name: z.string().optional(), company: z.string().optional() })
    .strict()
    .optional()
    .openapi({ description: "Values for a sample lead (used when no lead is given)." }),
  copy: copyFields.optional().openapi({
    description: "Unsaved copy to render instead of the stored copy (checked like a PUT).",
  }),
};
export const previewBody = z.object(previewFields).strict().openapi("StepPreviewInput");
export const testSendBody = z
  .object({ to: z.string().openapi({ example: "me@example.com" }), ...previewFields })
  .strict()
  .openapi("StepTestSendInput");

export const previewOut = z
  .object({
    locale: z.enum(["en", "zh-CN"]),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    lead: z.object({ id: z.number().int(), email: z.string() }).nullable(),
    copy_source: z.enum(["draft", "stored", "template"]),
  })
  .openapi("StepPreview");
export const testSendOut = z
  .object({
    to: z.string(),
    subject: z.string(),
    locale: z.enum(["en", "zh-CN"]),
    resend_id: z.string(),
  })
  .openapi("StepTestSend");
