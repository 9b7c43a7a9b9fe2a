// A Resend fake at the HTTP boundary: records what would be delivered, keeps Idempotency-Keys like Resend, answers as scripted.
import { vi } from "vitest";

export type Answer =
  | "ok"
  | { status: 429; retryAfter: number }
  | { status: 500 }
  | { status: 422 }
  | "accept-then-drop";

export interface Delivered {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
  key: string | null;
  /** As sent: base64 content (a calendar update's .ics). */
  attachments: { filename: string; content: string; content_type?: string }[];
}

export interface ResendFake {
  delivered: Delivered[];
  requests: { key: string | null; validation: string | null; count: number; status: number }[];
  /** Answers for the next requests, in order; afterwards every request is answered "ok". */
  script: Answer[];
  restore(): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

export function fakeResend(base = "https://resend.test"): ResendFake {
  const seen = new Map<string, { hash: string; body: unknown }>();
  const fake: ResendFake = {
    delivered: [],
    requests: [],
    script: [],
    restore: () => spy.mockRestore(),
  };
  const original = globalThis.fetch;
  let n = 0;
  const spy = vi
    .spyOn(globalThis, "fetch")
    .mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!request.url.startsWith(base)) return original(input, init);
      const key = request.headers.get("idempotency-key");
      const validation = request.headers.get("x-batch-validation");
      const raw = await request.text();
      const emails = (
        request.url.endsWith("/emails/batch") ? JSON.parse(raw) : [JSON.parse(raw)]
      ) as Record<string, unknown>[];
      const answer = fake.script.shift() ?? "ok";
      const record = (status: number) =>
        fake.requests.push({ key, validation, count: emails.length, status });
      if (answer !== "ok" && answer !== "accept-then-drop") {
        record(answer.status);
        if (answer.status === 429)
          return json(
            429,
            { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
            { "retry-after": String(answer.retryAfter) },
          );
        if (answer.status === 500)
          return json(500, {
            statusCode: 500,
            name: "internal_server_error",
            message: "Something broke",
          });
        return json(422, {
          statusCode: 422,
          name: "validation_error",
          message: "Invalid `from` field",
        });
      }
      if (key && seen.has(key)) {
        const prior = seen.get(key)!;
        record(prior.hash === raw ? 200 : 409);
        if (prior.hash !== raw)
          return json(409, {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same key, different payload",
          });
        return json(200, prior.body);
      }
      const data: { id: string }[] = [];
      const errors: { index: number; message: string }[] = [];
      for (const [index, e] of emails.entries()) {
        const to = ([e.to].flat()[0] ?? "") as string;
        if (to.includes("invalid")) {
          errors.push({ index, message: "Invalid `to` field" });
          continue;
        }
        data.push({ id: `re_${++n}_${crypto.randomUUID()}` });
        fake.delivered.push({
          to,
          subject: e.subject as string,
          html: e.html as string,
          text: e.text as string,
          headers: (e.headers ?? {}) as Record<string, string>,
          tags: (e.tags ?? []) as Delivered["tags"],
          key,
          attachments: (e.attachments ?? []) as Delivered["attachments"],
        });
      }
      if (errors.length && validation !== "permissive") {
        record(422);
        return json(422, {
          statusCode: 422,
          name: "validation_error",
          message: errors[0]!.message,
        });
      }
      const body = request.url.endsWith("/emails/batch")
        ? validation === "permissive"
          ? { data, errors }
          : { data }
        : data[0];
      if (key) seen.set(key, { hash: raw, body });
      record(200);
      if (answer === "accept-then-drop")
        throw new TypeError("Network connection lost after the request was accepted");
      return json(200, body);
    });
  return fake;
}
