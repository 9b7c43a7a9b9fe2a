// What every API route shares in the OpenAPI document: the bearer scheme, the error envelope, JSON helpers.
import { z } from "@hono/zod-openapi";

const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "BAD_REQUEST" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

const DESCRIPTIONS = {
  400: "Invalid input; details.fields names each problem",
  401: "No valid API token",
  403: "The token's scopes do not include the permission this route needs",
  404: "Not found",
  409: "Conflicts with the current state",
  410: "The lead's personal data was erased",
  413: "The body is over this route's size limit",
  415: "The body is not one of the types this route takes",
  429: "Too many requests for this token (see Retry-After)",
} as const;

export function errorResponses(...codes: (keyof typeof DESCRIPTIONS)[]) {
  const all = [...new Set([401, 403, 429, ...codes] as (keyof typeof DESCRIPTIONS)[])];
  return Object.fromEntries(
    all.map((code) => [
      code,
      { description: DESCRIPTIONS[code], content: { "application/json": { schema: errorSchema } } },
    ]),
  );
}

export const security = [{ bearer: [] }];

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

const pathId = (name: string) =>
  z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name, in: "path" }, example: 42 });
export const idParams = z.object({ id: pathId("id") });
