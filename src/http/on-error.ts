// The one place that turns errors into HTTP answers: the JSON envelope, or a small page for browsers.
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./app-env";
import { ConfigError } from "../env";
import { AppError, errorBody, type ErrorCode } from "../errors";
import { errorFields, log } from "../platform/logger";

const STATUS_CODE: Record<number, ErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  410: "GONE",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException && STATUS_CODE[err.status]) {
    return new AppError(STATUS_CODE[err.status]!, err.message || "Request refused");
  }
  if (err instanceof ConfigError) return new AppError("INTERNAL", err.message);
  return new AppError("INTERNAL", "Something went wrong on our side");
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const appError = toAppError(err);
  if (appError.status >= 500) log.error("unhandled error", errorFields(err));
  if (appError.retryAfter !== undefined) c.header("Retry-After", String(appError.retryAfter));
  return c.json(errorBody(appError), appError.status);
};
