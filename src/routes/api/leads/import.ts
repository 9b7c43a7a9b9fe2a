// POST /api/v1/leads/import (marketing): a lead list as CSV, dry run or for real (README "Lead import").
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { suppressionSecret } from "../../../env";
import { audit, noChange } from "../../../http/audit";
import { leadImportRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { largeBody } from "../../../http/body-limits";
import { AppError } from "../../../errors";
import { importLeads } from "../../../services/lead-import/import-leads";
import { IMPORT_FIELDS } from "../../../domain/lead-import/columns";
import { errorResponses, jsonContent, security } from "../../../http/openapi";

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true");
const query = z.object({
  dry_run: flag.openapi({ description: "true: report what would happen, write nothing" }),
  source: z.string().trim().min(1).max(200).openapi({ example: "CES 2026 badge scans" }),
  basis: z.string().trim().min(1).max(500).optional().openapi({
    description:
      "The marketing basis the marketer states (e.g. 'trade show scan with consent'); without it no lead gets marketing consent",
  }),
  consent_text: z.string().trim().max(2000).optional(),
  consent_version: z.string().trim().min(1).max(64).optional(),
  asset_id: z.coerce.number().int().positive().optional(),
  enrol: flag.openapi({
    description: "true: enrol leads with a marketing basis in the asset's sequence",
  }),
  mapping: z
    .string()
    .max(4000)
    .optional()
    .openapi({
      description: `JSON object header → ${[...IMPORT_FIELDS, "ignore"].join("|")}; unmapped headers are guessed (en and zh-CN names)`,
      example: '{"Work email":"email","备注":"ignore"}',
    }),
});
const mappingSchema = z.record(z.string().max(200), z.enum([...IMPORT_FIELDS, "ignore"]));

export const importResultSchema = z
  .object({
    dry_run: z.boolean(),
    encoding: z.string(),
    mapping: z.record(z.string(), z.string()),
    rows: z.number().int(),
    new: z.number().int(),
    updated: z.number().int().openapi({
      description: "Existing leads with blank fields the file filled (nothing is overwritten)",
    }),
    unchanged: z.number().int(),
    suppressed: z.number().int().openapi({
      description:
        "Unsubscribed, bounced or complained: imported without marketing consent, never enrolled",
    }),
    erased: z
      .array(z.object({ line: z.number().int() }))
      .openapi({ description: "Erased people's addresses: not imported" }),
    duplicates: z.array(z.object({ line: z.number().int(), first_line: z.number().int() })),
    invalid: z.array(z.object({ line: z.number().int(), reasons: z.array(z.string()) })),
    enrolled: z.number().int(),
    marketing_consent: z.boolean(),
  })
  .openapi("LeadImport");

const route = createRoute({
  method: "post",
  path: "/api/v1/leads/import",
  tags: ["Leads"],
  summary: "Import a lead list (CSV body; dry_run to preview)",
  description:
    "The body is the CSV file as is (UTF-8 with or without BOM, UTF-16, GBK/GB18030; comma, tab or semicolon), at most 5,000 rows and 2 MB. Deduped by email: an existing lead only gets the fields it has blank. Invalid lines are listed with their reasons and skipped; the rest are imported.",
  security,
  middleware: [requirePermission("leads.import"), largeBody] as const,
  request: {
    query,
    body: { required: true, content: { "text/csv": { schema: z.string() } } },
  },
  responses: {
    200: jsonContent(importResultSchema, "What was (or would be) done"),
    ...errorResponses(400),
  },
});

export function registerImportLeads(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    let mapping: z.infer<typeof mappingSchema> | undefined;
    if (q.mapping) {
      const parsed = (() => {
        try {
          return mappingSchema.safeParse(JSON.parse(q.mapping!));
        } catch {
          return null;
        }
      })();
      if (!parsed?.success)
        throw new AppError("BAD_REQUEST", "mapping must be a JSON object of header → field", {
          details: {
            fields: { mapping: ["header → one of " + [...IMPORT_FIELDS, "ignore"].join(", ")] },
          },
        });
      mapping = parsed.data;
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const result = await importLeads(
      { db: c.get("db"), jobs: c.env.JOBS, suppressionSecret: suppressionSecret(c.get("config")) },
      bytes,
      {
        mapping,
        source: q.source,
        basis: q.basis,
        consentText: q.consent_text,
        consentVersion: q.consent_version,
        assetId: q.asset_id,
        enrol: q.enrol,
        dryRun: q.dry_run,
      },
      c.get("now"),
    );
    if (!result.dry_run && result.new + result.updated + result.unchanged > 0)
      await audit(c, {
        action: "leads.import",
        subject: { type: "lead_import", id: null },
        before: null,
        after: leadImportRecord(result, q.asset_id),
      });
    else noChange(c);
    return c.json(importResultSchema.parse(result), 200);
  });
}
