// Every string of the marketer dashboard, in English and Simplified Chinese: one file per page, merged here.
import type { Locale } from "../../../src/db/schema";
import { commonEn, commonZh } from "./common";
import { loginEn, loginZh } from "./login";
import { reportVocabularyEn, reportVocabularyZh } from "./report-vocabulary";
import { reportsEn, reportsZh } from "./reports";
import { overviewEn, overviewZh } from "./overview";
import { assetsEn, assetsZh } from "./assets";
import { leadsEn, leadsZh } from "./leads";
import { leadWordsEn, leadWordsZh } from "./lead-words";
import { spendEn, spendZh } from "./spend";
import { adExportsEn, adExportsZh } from "./ad-exports";
import { webhooksEn, webhooksZh } from "./webhooks";
import { mailEn, mailZh } from "./mail";
import { setupEn, setupZh } from "./setup";
import { machineEn, machineZh } from "./machine";
import { consentEn, consentZh } from "./consent";
import { peopleEn, peopleZh } from "./people";
import { auditEn, auditZh } from "./audit";
import { linksEn, linksZh } from "./links";
import { tokensEn, tokensZh } from "./tokens";
import { scoringEn, scoringZh } from "./scoring";
import { settingsEn, settingsZh } from "./settings";
import { editorEn, editorZh } from "./asset-editor";
import { sessionsEn, sessionsZh } from "./sessions";
import { sequencesEn, sequencesZh } from "./sequences";
import { routingEn, routingZh } from "./routing";
import { leadImportEn, leadImportZh } from "./lead-import";

const en = {
  ...commonEn,
  ...loginEn,
  ...reportVocabularyEn,
  ...reportsEn,
  ...overviewEn,
  ...assetsEn,
  ...leadsEn,
  ...leadWordsEn,
  ...spendEn,
  ...adExportsEn,
  ...webhooksEn,
  ...mailEn,
  ...setupEn,
  ...machineEn,
  ...consentEn,
  ...peopleEn,
  ...auditEn,
  ...linksEn,
  ...tokensEn,
  ...scoringEn,
  ...settingsEn,
  ...editorEn,
  ...sessionsEn,
  ...sequencesEn,
  ...routingEn,
  ...leadImportEn,
};
export type AdminKey = keyof typeof en;
const zhCN: Record<AdminKey, string> = {
  ...commonZh,
  ...loginZh,
  ...reportVocabularyZh,
  ...reportsZh,
  ...overviewZh,
  ...assetsZh,
  ...leadsZh,
  ...leadWordsZh,
  ...spendZh,
  ...adExportsZh,
  ...webhooksZh,
  ...mailZh,
  ...setupZh,
  ...machineZh,
  ...consentZh,
  ...peopleZh,
  ...auditZh,
  ...linksZh,
  ...tokensZh,
  ...scoringZh,
  ...settingsZh,
  ...editorZh,
  ...sessionsZh,
  ...sequencesZh,
  ...routingZh,
  ...leadImportZh,
};

const MESSAGES: Record<Locale, Record<AdminKey, string>> = { en, "zh-CN": zhCN };

/** Whether a key built at run time (e.g. `stage_${stage}`) has words. */
export function isAdminKey(key: string): key is AdminKey {
  return Object.hasOwn(en, key);
}

export function at(
  locale: Locale,
  key: AdminKey,
  vars: Record<string, string | number> = {},
): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}
