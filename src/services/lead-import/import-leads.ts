// Importing a lead list: dry run or for real, deduped by email, blank fields filled, consent only on a stated basis.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { AppError } from "../../errors";
import type { Asset } from "../../db/schema";
import { batch } from "../../store/batch";
import {
  importLeadUpsert,
  leadIdsByEmails,
  leadsByEmails,
  type KnownLead,
} from "../../store/leads";
import { importTouch } from "../../store/touches";
import { importedEvent } from "../../store/events";
import { keepConsentText } from "../../store/consent-texts";
import { suppressionsAmong } from "../../store/suppressions";
import { emailHashes } from "../../domain/email-address";
import { sha256Hex } from "../../domain/encoding";
import { mayNurture } from "../../domain/consent-law";
import type { ImportMapping } from "../../domain/lead-import/columns";
import type { ImportedLead } from "../../domain/lead-import/rows";
import { findAssetById } from "../assets/find-asset";
import { enrolLead } from "../nurture/enrol";
import { readLeadFile } from "./read-lead-file";

/** Leads written per D1 batch (each is an upsert, an event and maybe a touch). */
const WRITE_CHUNK = 50;

export interface ImportOptions {
  mapping?: ImportMapping;
  /** The list's name (an event, a webinar), kept as the touch's campaign and on the lead's timeline. */
  source: string;
  /** The marketer's statement of the marketing basis; absent: imported without marketing consent. */
  basis?: string;
  consentText?: string;
  consentVersion?: string;
  /** The asset the list is about: a touch (channel import) on it, and, with `enrol`, its sequence. */
  assetId?: number;
  enrol: boolean;
  dryRun: boolean;
}

export interface ImportResult {
  dry_run: boolean;
  encoding: string;
  mapping: ImportMapping;
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Addresses that unsubscribed, bounced or complained: imported, never as marketable. */
  suppressed: number;
  /** Addresses of erased people: not imported at all. */
  erased: { line: number }[];
  duplicates: { line: number; first_line: number }[];
  invalid: { line: number; reasons: string[] }[];
  enrolled: number;
  marketing_consent: boolean;
}

const FILLED = ["name", "company", "jobTitle", "phone", "companySize", "country"] as const;
const fills = (known: KnownLead, l: ImportedLead) =>
  FILLED.some((f) => known[f] === null && l[f] !== null);

function checkOptions(o: ImportOptions, asset: Asset | null) {
  const fields: Record<string, string[]> = {};
  if (o.basis && !o.consentVersion)
    fields.consent_version = ["Give the version of the consent words the people agreed to"];
  if (!o.basis && (o.consentText || o.consentVersion))
    fields.basis = ["State the basis for marketing email, or leave the consent words out"];
  if (o.assetId !== undefined && !asset) fields.asset_id = ["No such asset"];
  if (o.enrol && !asset) fields.asset_id = ["Choose the asset whose sequence they join"];
  if (Object.keys(fields).length)
    throw new AppError("BAD_REQUEST", "Some fields are invalid", { details: { fields } });
}

export async function importLeads(
  deps: { db: Db; jobs: Queue; suppressionSecret: string },
  bytes: Uint8Array,
  o: ImportOptions,
  now: number,
): Promise<ImportResult> {
  const { db } = deps;
  const asset = o.assetId === undefined ? null : await findAssetById(db, o.assetId);
  checkOptions(o, asset);
  const file = readLeadFile(bytes, o.mapping);
  const hashes = await Promise.all(
    file.leads.map((l) => emailHashes(l.email, deps.suppressionSecret)),
  );
  const found = new Map<string, string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const slice = hashes.slice(i, i + 1000).flatMap((h) => [h.keyed, h.legacy]);
    for (const r of (await suppressionsAmong(db, slice)).results) found.set(r.emailHash, r.reason);
  }
  const reasonOf = (i: number) =>
    found.get(hashes[i]!.keyed) ?? found.get(hashes[i]!.legacy) ?? null;
  const known = new Map(
    (
      await leadsByEmails(
        db,
        file.leads.map((l) => l.email),
      )
    ).map((k) => [k.email, k]),
  );

  const result: ImportResult = {
    dry_run: o.dryRun,
    encoding: file.encoding,
    mapping: file.mapping,
    rows: file.rows,
    new: 0,
    updated: 0,
    unchanged: 0,
    suppressed: 0,
    erased: [],
    duplicates: file.duplicates.map((d) => ({ line: d.line, first_line: d.firstLine })),
    invalid: file.invalid,
    enrolled: 0,
    marketing_consent: Boolean(o.basis),
  };
  const writes: { lead: ImportedLead; consent: boolean }[] = [];
  file.leads.forEach((l, i) => {
    const reason = reasonOf(i);
    if (reason === "erased") {
      result.erased.push({ line: l.line });
      return;
    }
    if (reason) result.suppressed++;
    const k = known.get(l.email);
    if (!k) result.new++;
    else if (fills(k, l)) result.updated++;
    else result.unchanged++;
    writes.push({ lead: l, consent: Boolean(o.basis) && !reason });
  });
  if (o.dryRun || !writes.length) return result;

  const words = o.basis ? `Basis: ${o.basis}\n${o.consentText ?? ""}`.trim() : null;
  const textHash = words ? await sha256Hex(words) : null;
  const head: SQL[] =
    words && textHash
      ? [keepConsentText({ hash: textHash, locale: "en", text: words, at: now })]
      : [];
  for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
    const statements = [...(i === 0 ? head : [])];
    for (const w of writes.slice(i, i + WRITE_CHUNK)) {
      const version = o.consentVersion ?? null;
      statements.push(importLeadUpsert(w.lead, { given: w.consent, version }, asset !== null, now));
      if (asset)
        statements.push(
          importTouch({
            email: w.lead.email,
            assetId: asset.id,
            at: now,
            source: o.source,
            consent: w.consent ? "given" : "none",
            consentVersion: w.consent ? version : null,
            consentTextHash: w.consent ? textHash : null,
          }),
        );
      statements.push(
        importedEvent({
          email: w.lead.email,
          assetId: asset?.id ?? null,
          at: now,
          data: {
            source: o.source,
            basis: w.consent ? o.basis! : null,
            consent_version: w.consent ? version : null,
          },
        }),
      );
    }
    await batch(db, statements);
  }
  await afterImport(deps, asset, o.enrol, writes, now, result);
  return result;
}

/** Fit scoring for every imported lead (a queued event each), and enrolment where the basis allows it. */
async function afterImport(
  deps: { db: Db; jobs: Queue; suppressionSecret: string },
  asset: Asset | null,
  enrol: boolean,
  writes: { lead: ImportedLead; consent: boolean }[],
  now: number,
  result: ImportResult,
) {
  const ids = await leadIdsByEmails(
    deps.db,
    writes.map((w) => w.lead.email),
  );
  const events = [...ids.values()].map((leadId) => ({
    body: {
      type: "score.event" as const,
      leadId,
      event: { type: "imported", at: now, data: null },
    },
    contentType: "json" as const,
  }));
  for (let i = 0; i < events.length; i += 100) await deps.jobs.sendBatch(events.slice(i, i + 100));
  if (!enrol || !asset) return;
  const standing = new Map(
    (
      await leadsByEmails(
        deps.db,
        writes.map((w) => w.lead.email),
      )
    ).map((k) => [k.email, k.marketingConsent]),
  );
  for (const w of writes) {
    const id = ids.get(w.lead.email);
    // Only a lead with a marketing basis (this one, or one given before) joins the drip; enrolLead refuses suppressed addresses.
    if (!id || !w.consent || !mayNurture(standing.get(w.lead.email) ?? null)) continue;
    const out = await enrolLead(deps.db, asset, id, now, deps.suppressionSecret);
    if (out.enrolled) result.enrolled++;
  }
}
