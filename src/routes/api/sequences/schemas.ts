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
