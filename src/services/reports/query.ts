// What a report asks for, validated with zod at every edge (API query, dashboard form, CSV export).
import { z } from "zod";
import { ATTRIBUTION_MODELS } from "../../db/schema";
import { DIMENSIONS } from "./assemble";
import { GRAINS, isValidDay, daySpan } from "../../domain/report-days";

const MAX_REPORT_DAYS = 731;

const day = z.string().refine(isValidDay, "Use a calendar day as YYYY-MM-DD");

export const reportQueryShape = z.object({
  from: day,
  to: day,
  grain: z.enum(GRAINS).default("range"),
  model: z.enum(ATTRIBUTION_MODELS).default("first_touch"),
  by: z
    .preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(z.enum(DIMENSIONS)).max(3),
    )
    .default(["asset"]),
  asset_id: z.coerce.number().int().positive().optional(),
  channel: z.string().min(1).max(32).optional(),
  campaign: z.string().max(200).optional(),
});

export function checkRange(q: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (q.to < q.from)
    ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be on or after `from`" });
  else if (daySpan(q.from, q.to) > MAX_REPORT_DAYS)
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: `A report covers at most ${MAX_REPORT_DAYS} days`,
    });
}

export const reportQuery = reportQueryShape.superRefine(checkRange);
export type ReportQuery = z.infer<typeof reportQuery>;
