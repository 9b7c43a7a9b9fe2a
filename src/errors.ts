// One error type, one JSON error shape, one table from error code to HTTP status.
import type { ZodError } from "zod";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

import type { FieldErrors } from "./domain/vocabulary";

export type { FieldErrors };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly retryAfter?: number;
  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: unknown; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }
  get status() {
    return ERROR_STATUS[this.code];
  }
}

interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorBody(err: AppError): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details === undefined ? {} : { details: err.details }),
    },
  };
}

/** zod issues as `{ "field.path": [messages] }`; the root is "_". */
export function fieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    // A field nobody asked for is named as that field, so a client sees which of its keys was refused.
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out[[...issue.path, k].join(".")] = ["Unknown field"];
      continue;
    }
    const key = issue.path.length ? issue.path.join(".") : "_";
    const list = out[key] ?? [];
    list.push(issue.message);
    out[key] = list;
  }
  return out;
}

/**
 * The per-field messages an AppError carries (`details.fields`, the 400's shape), or null: for a dashboard
 * route that shows them beside its form. With `code`, only an error of that code counts.
 */
export function fieldErrorsOf(err: unknown, code?: ErrorCode): FieldErrors | null {
  if (!(err instanceof AppError) || (code && err.code !== code)) return null;
  return (err.details as { fields?: FieldErrors } | undefined)?.fields ?? null;
}

export function badRequest(error: ZodError, message = "Some fields are invalid"): AppError {
  return new AppError("BAD_REQUEST", message, { details: { fields: fieldErrors(error) } });
}

/**
 * Outcome of work outside a request (queue consumers, cron): says whether trying again can help.
 */
export type Outcome<T = void> =
  | { ok: true; value: T }
  | { ok: false; retryable: boolean; message: string; retryAfterSeconds?: number };
