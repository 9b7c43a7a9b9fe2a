// The `{{variables}}` of email copy: which an asset's steps can supply, and their values for one send.
import type { AssetKind } from "../../db/schema";
import type { CopyValues } from "../../domain/email-copy";
import { givenName } from "../../domain/given-name";
import { COPY_VARIABLES, type CopyVariable } from "../../domain/vocabulary";
import type { EmailVars } from "../../../templates/emails/types";

const COURSE_ONLY: readonly CopyVariable[] = ["session_time", "join_link"];

/** What a step of an asset of this kind can fill in; `name`, `first_name` and `company` may be empty. */
export function suppliedCopyVariables(kind: AssetKind | string): ReadonlySet<CopyVariable> {
  return new Set(
    kind === "course" ? COPY_VARIABLES : COPY_VARIABLES.filter((v) => !COURSE_ONLY.includes(v)),
  );
}

/** The copy's values from what a send hands its template, plus the lead's company. */
export function copyValuesOf(vars: EmailVars, company: string | null): CopyValues {
  return {
    first_name: givenName(vars.name),
    name: vars.name,
    company,
    asset_title: vars.asset_title,
    download_link: vars.download_url,
    share_link: vars.share_url,
    session_time: vars.session_time,
    join_link: vars.join_url,
  };
}

/** What a kind of asset is called in a refusal ("… cannot be supplied by a whitepaper"). */
export const kindName = (kind: string) => kind;
