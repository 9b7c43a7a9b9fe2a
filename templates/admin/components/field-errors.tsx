/** @jsxImportSource hono/jsx */
// A form field's error messages, shown beside it.

export function Errors(p: { errors?: Record<string, string[]>; name: string }) {
  const e = p.errors?.[p.name];
  return e ? <span class="field-error">{e.join(" ")}</span> : null;
}
