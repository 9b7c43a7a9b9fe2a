// The consent a gate shows one visitor: the asset's mode as their law allows, the words, and the hash they are kept under.
import type { Asset, MarketingConsentMode } from "../../db/schema";
import { effectiveConsentMode } from "../../domain/consent-law";
import { sha256Hex } from "../../domain/encoding";
import { consentCopy, consentText, type ConsentCopy } from "../../../templates/consent-words";
import { privacyPolicyUrl, type Settings } from "../settings/settings";

export interface ShownConsent {
  mode: MarketingConsentMode;
  copy: ConsentCopy;
  /** The words as one text (see consentText) and its SHA-256: the immutable record a capture points at. */
  text: string;
  hash: string;
  version: string;
}

export async function consentShown(
  asset: Asset,
  settings: Settings,
  country: string | null | undefined,
): Promise<ShownConsent> {
  const mode = effectiveConsentMode(asset.form.consent.mode, country);
  const copy = consentCopy(asset.locale, {
    mode,
    kind: asset.kind,
    marketerText: asset.form.consent.text,
    privacyRequired: asset.form.privacy.required,
    privacyUrl: privacyPolicyUrl(settings, asset.locale),
  });
  const text = consentText(copy);
  return { mode, copy, text, hash: await sha256Hex(text), version: asset.form.consent.version };
}
