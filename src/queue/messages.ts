// Every message on the work queue, validated with zod on the way in.
import { z } from "zod";

export const viewMessage = z.object({
  type: z.literal("view"),
  assetId: z.number().int().positive(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  channel: z.string().min(1).max(32),
  campaign: z.string().max(200),
});
export type ViewMessage = z.infer<typeof viewMessage>;

export const jobMessage = z.discriminatedUnion("type", [viewMessage]);
export type JobMessage = z.infer<typeof jobMessage>;
