// Token shapes: what is created, and what is listed (never the secret or its hash).
import { z } from "@hono/zod-openapi";
import { SCOPES } from "../../../db/schema";
import type { TokenRow } from "../../../services/access/tokens";
import { isoTimeOrNull as iso } from "../../../domain/http-time";

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ example: "ldst_Ab3xYz" }),
    scopes: z.array(z.enum(SCOPES)),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .openapi("ApiToken");

export function tokenOut(row: TokenRow) {
  return tokenSchema.parse({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    created_at: iso(row.createdAt),
    last_used_at: iso(row.lastUsedAt),
    revoked_at: iso(row.revokedAt),
  });
}
