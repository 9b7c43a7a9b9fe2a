/** @jsxImportSource hono/jsx */
// One lead in full: profile, where they came from, the timeline in words, and why it scores what it does.
// Each section is a component of its own (templates/admin/components/lead-*.tsx); this page lays them out.
import type { Locale } from "../../../src/db/schema";
import { AdminLayout, type AdminChrome } from "../layout";
import type { LeadDetail } from "../components/lead-words";
import { LeadProfile } from "../components/lead-profile";
import { FirstAndLatestTouch, LeadTouches } from "../components/lead-touches";
import { LeadScoreReasons, LeadStagesAndOutcomes, LeadTimeline } from "../components/lead-timeline";
import { LeadConsent } from "../components/lead-consent";
import { LeadNurture } from "../components/lead-nurture";
import { LeadOwner } from "../components/lead-owner";

export function LeadDetailPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  lead: LeadDetail;
  /** The sales owner card: whether this session may accept, the time, and a message after accepting. */
  owner: { canAccept: boolean; now: number; message?: string };
}) {
  const L = p.locale;
  const d = p.lead;
  return (
    <AdminLayout
      locale={L}
      title={d.name || d.email}
      path="/admin/leads"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1 class="lead-name">{d.name || d.email}</h1>
      <div class="cols">
        <LeadProfile L={L} lead={d} />
        <FirstAndLatestTouch L={L} lead={d} />
      </div>
      <LeadOwner L={L} lead={d} csrf={p.csrf} {...p.owner} />
      <div class="cols">
        <LeadTimeline L={L} lead={d} />
        <LeadScoreReasons L={L} lead={d} />
      </div>
      <div class="cols">
        <LeadConsent locale={L} consent={d.consent} />
        <LeadNurture locale={L} nurture={d.nurture} />
      </div>
      <LeadTouches L={L} lead={d} />
      <LeadStagesAndOutcomes L={L} lead={d} />
    </AdminLayout>
  );
}
