// What follows a capture outside the one batch: nurture enrolment and scoring hook in here.
import type { Bindings } from "../env";
import type { Asset } from "../db/schema";
import type { CapturedLead } from "./capture-lead";

export async function afterCapture(_env: Bindings, _asset: Asset, _lead: CapturedLead, _now: number): Promise<void> {
  // Nothing else follows a capture yet: enrolment (nurture) and scoring register here.
}
