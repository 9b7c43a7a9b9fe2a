// Every authenticated /api/v1 route, as data: the auth matrix runs over this list, and a test checks the
// OpenAPI document has no API route missing from it. Adding a route? Add one line here.
import type { Scope } from "../../src/db/schema";

export interface ApiRouteCase {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** A concrete path (ids can point at nothing: auth is checked before the lookup). */
  path: string;
  /** The OpenAPI path template this case covers, e.g. /api/v1/leads/{id}. */
  template: string;
  /** Non-admin scopes that may call it (admin always may). */
  scopes: Scope[];
  /** A valid body, so that a passing auth check cannot be mistaken for a validation answer. */
  body?: unknown;
}

export const API_ROUTES: ApiRouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/assets/999999/sessions",
    template: "/api/v1/assets/{id}/sessions",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/assets/999999/sessions",
    template: "/api/v1/assets/{id}/sessions",
    scopes: ["marketing"],
    body: { starts_at: "2030-01-02T19:00+08:00", join_url: "https://m.example/j" },
  },
  {
    method: "GET",
    path: "/api/v1/assets/999999/sessions/1",
    template: "/api/v1/assets/{id}/sessions/{sid}",
    scopes: ["marketing"],
  },
  {
    method: "PATCH",
    path: "/api/v1/assets/999999/sessions/1",
    template: "/api/v1/assets/{id}/sessions/{sid}",
    scopes: ["marketing"],
    body: { capacity: 10 },
  },
  {
    method: "DELETE",
    path: "/api/v1/assets/999999/sessions/1",
    template: "/api/v1/assets/{id}/sessions/{sid}",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/assets/999999/sessions/1/attendance",
    template: "/api/v1/assets/{id}/sessions/{sid}/attendance",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/leads/import?source=matrix&dry_run=true",
    template: "/api/v1/leads/import",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/leads/999999/accept",
    template: "/api/v1/leads/{id}/accept",
    scopes: ["sales"],
  },
  {
    method: "GET",
    path: "/api/v1/routing-rules",
    template: "/api/v1/routing-rules",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/routing-rules",
    template: "/api/v1/routing-rules",
    scopes: ["marketing"],
    body: { name: "x", position: 1, match: "default", values: [], team: [1] },
  },
  {
    method: "PATCH",
    path: "/api/v1/routing-rules/999999",
    template: "/api/v1/routing-rules/{id}",
    scopes: ["marketing"],
    body: { name: "y" },
  },
  {
    method: "DELETE",
    path: "/api/v1/routing-rules/999999",
    template: "/api/v1/routing-rules/{id}",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/tokens",
    template: "/api/v1/tokens",
    scopes: [],
    body: { name: "x", scopes: ["sales"] },
  },
  { method: "GET", path: "/api/v1/tokens", template: "/api/v1/tokens", scopes: [] },
  { method: "DELETE", path: "/api/v1/tokens/999999", template: "/api/v1/tokens/{id}", scopes: [] },
  {
    method: "GET",
    path: "/api/v1/leads",
    template: "/api/v1/leads",
    scopes: ["sales", "marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/leads/999999",
    template: "/api/v1/leads/{id}",
    scopes: ["sales", "marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks",
    template: "/api/v1/webhooks",
    scopes: ["marketing", "sales"],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks",
    template: "/api/v1/webhooks",
    scopes: ["marketing", "sales"],
    body: { url: "https://crm.example/matrix", event_types: ["lead.score_changed"] },
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/999999",
    template: "/api/v1/webhooks/{id}",
    scopes: ["marketing", "sales"],
  },
  {
    method: "PATCH",
    path: "/api/v1/webhooks/999999",
    template: "/api/v1/webhooks/{id}",
    scopes: ["marketing", "sales"],
    body: { active: false },
  },
  {
    method: "DELETE",
    path: "/api/v1/webhooks/999999",
    template: "/api/v1/webhooks/{id}",
    scopes: ["marketing", "sales"],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/999999/deliveries",
    template: "/api/v1/webhooks/{id}/deliveries",
    scopes: ["marketing", "sales"],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/999999/deliveries/1",
    template: "/api/v1/webhooks/{id}/deliveries/{deliveryId}",
    scopes: ["marketing", "sales"],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/999999/deliveries/1/replay",
    template: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
    scopes: ["marketing", "sales"],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/999999/rotate-secret",
    template: "/api/v1/webhooks/{id}/rotate-secret",
    scopes: ["marketing", "sales"],
  },
  {
    method: "POST",
    path: "/api/v1/webhooks/999999/test",
    template: "/api/v1/webhooks/{id}/test",
    scopes: ["marketing", "sales"],
  },
  {
    method: "POST",
    path: "/api/v1/leads/999999/outcomes",
    template: "/api/v1/leads/{id}/outcomes",
    scopes: ["sales"],
    body: { stage: "accepted", external_id: "matrix-1" },
  },
  {
    method: "GET",
    path: "/api/v1/assets/999999/sequence",
    template: "/api/v1/assets/{id}/sequence",
    scopes: ["marketing"],
  },
  {
    method: "PUT",
    path: "/api/v1/assets/999999/sequence",
    template: "/api/v1/assets/{id}/sequence",
    scopes: ["marketing"],
    body: { name: "matrix", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] },
  },
  {
    method: "POST",
    path: "/api/v1/assets/999999/sequence/steps/1/preview",
    template: "/api/v1/assets/{id}/sequence/steps/{n}/preview",
    scopes: ["marketing"],
    body: {},
  },
  {
    method: "POST",
    path: "/api/v1/assets/999999/sequence/steps/1/test",
    template: "/api/v1/assets/{id}/sequence/steps/{n}/test",
    scopes: ["marketing"],
    body: { to: "matrix@example.com" },
  },
  {
    method: "GET",
    path: "/api/v1/score-rules",
    template: "/api/v1/score-rules",
    scopes: ["marketing", "sales"],
  },
  {
    method: "POST",
    path: "/api/v1/score-rules",
    template: "/api/v1/score-rules",
    scopes: ["marketing"],
    body: {
      kind: "fit",
      field: "country",
      match: ["NZ"],
      points: 0,
      label: "matrix",
      active: false,
    },
  },
  {
    method: "PATCH",
    path: "/api/v1/score-rules/999999",
    template: "/api/v1/score-rules/{id}",
    scopes: ["marketing"],
    body: { points: 1 },
  },
  {
    method: "POST",
    path: "/api/v1/score-rules/preview",
    template: "/api/v1/score-rules/preview",
    scopes: ["marketing", "sales"],
    body: { threshold: 40 },
  },
  {
    method: "DELETE",
    path: "/api/v1/score-rules/999999",
    template: "/api/v1/score-rules/{id}",
    scopes: ["marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/leads/999999/export",
    template: "/api/v1/leads/{id}/export",
    scopes: [],
  },
  { method: "DELETE", path: "/api/v1/leads/999999", template: "/api/v1/leads/{id}", scopes: [] },
  { method: "GET", path: "/api/v1/audit-log", template: "/api/v1/audit-log", scopes: [] },
  // Assets: marketers (and admins) read and write them; sales never.
  {
    method: "POST",
    path: "/api/v1/assets",
    template: "/api/v1/assets",
    scopes: ["marketing"],
    body: { slug: "matrix-asset", kind: "whitepaper", title: "Matrix", locale: "en" },
  },
  { method: "GET", path: "/api/v1/assets", template: "/api/v1/assets", scopes: ["marketing"] },
  {
    method: "GET",
    path: "/api/v1/assets/999999",
    template: "/api/v1/assets/{id}",
    scopes: ["marketing"],
  },
  {
    method: "PATCH",
    path: "/api/v1/assets/999999",
    template: "/api/v1/assets/{id}",
    scopes: ["marketing"],
    body: { title: "Matrix" },
  },
  {
    method: "DELETE",
    path: "/api/v1/assets/999999",
    template: "/api/v1/assets/{id}",
    scopes: ["marketing"],
  },
  {
    method: "PUT",
    path: "/api/v1/assets/999999/file",
    template: "/api/v1/assets/{id}/file",
    scopes: ["marketing"],
  },
  {
    method: "PUT",
    path: "/api/v1/assets/999999/cover",
    template: "/api/v1/assets/{id}/cover",
    scopes: ["marketing"],
  },
  // Workspace settings: admins only.
  { method: "GET", path: "/api/v1/settings", template: "/api/v1/settings", scopes: [] },
  { method: "PATCH", path: "/api/v1/settings", template: "/api/v1/settings", scopes: [], body: {} },
  { method: "PUT", path: "/api/v1/settings/logo", template: "/api/v1/settings/logo", scopes: [] },
  // Other areas' routes (nurture, spend, reports): marketing-only.
  {
    method: "GET",
    path: "/api/v1/captured-mail",
    template: "/api/v1/captured-mail",
    scopes: ["marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/captured-mail/999999",
    template: "/api/v1/captured-mail/{id}",
    scopes: ["marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/captured-mail/999999/html",
    template: "/api/v1/captured-mail/{id}/html",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/spend/import",
    template: "/api/v1/spend/import",
    scopes: ["marketing"],
  },
  { method: "POST", path: "/api/v1/spend", template: "/api/v1/spend", scopes: ["marketing"] },
  {
    method: "PUT",
    path: "/api/v1/exchange-rates",
    template: "/api/v1/exchange-rates",
    scopes: ["marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/exchange-rates",
    template: "/api/v1/exchange-rates",
    scopes: ["marketing"],
  },
  { method: "GET", path: "/api/v1/spend", template: "/api/v1/spend", scopes: ["marketing"] },
  {
    method: "DELETE",
    path: "/api/v1/spend/999999",
    template: "/api/v1/spend/{id}",
    scopes: ["marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/reports/performance",
    template: "/api/v1/reports/performance",
    scopes: ["marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/reports/score-calibration",
    template: "/api/v1/reports/score-calibration",
    scopes: ["marketing"],
  },
  {
    method: "GET",
    path: "/api/v1/reports/leads.csv",
    template: "/api/v1/reports/leads.csv",
    scopes: ["marketing"],
  },
  {
    method: "POST",
    path: "/api/v1/links",
    template: "/api/v1/links",
    scopes: ["marketing"],
    body: { asset_id: 999999, preset: "google_cpc", utm_campaign: "matrix" },
  },
  { method: "GET", path: "/api/v1/links", template: "/api/v1/links", scopes: ["marketing"] },
  {
    method: "GET",
    path: "/api/v1/exports/offline-conversions.csv?platform=google_ads&stage=won&from=2026-01-01&to=2026-01-31",
    template: "/api/v1/exports/offline-conversions.csv",
    scopes: ["marketing"],
  },
];

/** Lets another area's test file add its routes before running the matrix over them. */
export function withRoutes(...more: ApiRouteCase[]): ApiRouteCase[] {
  return [...API_ROUTES, ...more];
}
