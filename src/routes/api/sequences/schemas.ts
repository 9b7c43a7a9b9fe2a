// The sequence shapes of the API, for validation and the OpenAPI document.
import { z } from "@hono/zod-openapi";

const stepSchema = z.object({
  template: z.string().openapi({ example: "whitepaper-follow-up" }),
  anchor: z.enum(["enrolment", "session_start"]).optional(),
  delayMinutes: z.number().int().openapi({ example: 2880 }),
  conditions: z
    .object({
      skipIfDownloaded: z.boolean().optional(),
      skipIfClicked: z.boolean().optional(),
      skipIfQualified: z.boolean().optional(),
      skipIfAttended: z.boolean().optional(),
      skipIfNoShow: z.boolean().optional(),
    })
    .optional(),
  sendWindow: z
    .object({
      days: z.array(z.number().int()),
      startHour: z.number().int(),
      endHour: z.number().int(),
      timezone: z.enum(["lead", "asset"]),
    })
    .nullable()
    .optional(),
});

export const sequenceBody = z
  .object({ name: z.string(), steps: z.array(stepSchema) })
  .openapi("SequenceInput", {
    example: {
      name: "Whitepaper follow-up",
      steps: [
        { template: "whitepaper-welcome", delayMinutes: 0 },
        {
          template: "whitepaper-follow-up",
          delayMinutes: 2880,
          sendWindow: { days: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, timezone: "lead" },
        },
      ],
    },
  });

export const sequenceOut = z
  .object({
    sequence_id: z.number().int(),
    name: z.string(),
    steps: z.array(
      z.object({
        position: z.number().int(),
        template: z.string(),
        anchor: z.string(),
        delay_minutes: z.number().int(),
        conditions: z.record(z.string(), z.boolean().optional()),
        send_window: z.unknown(),
      }),
    ),
  })
  .openapi("Sequence");
