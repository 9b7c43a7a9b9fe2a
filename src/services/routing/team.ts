// Who can take leads (current teammates with the sales or admin role), who hears of a lapse, and the workspace's clock.
import type { Db } from "../../env";
import { allPeople, type Person } from "../../store/people";
import { settingsByKeys } from "../../store/settings";
import { isValidTimeZone } from "../../domain/calendar-day";
import { MARKETING_ROLES, OWNER_ROLES } from "../../domain/vocabulary";

/** How long an owner has to accept a lead, in working days (Mon–Fri in the workspace time zone). */
export const ACCEPT_WORKING_DAYS = 2;

export interface Roster {
  /** Everyone ever invited, removed people too (mail names who let a lead lapse). */
  byId: Map<number, Person>;
  /** People who may own a lead now: not removed, role sales or admin. */
  owners: Set<number>;
  /** People told about lapses: not removed, role marketer or admin. */
  marketing: Person[];
}

export async function loadRoster(db: Db): Promise<Roster> {
  const everyone = await allPeople(db);
  const people = everyone.filter((p) => p.removedAt === null);
  const owners = people.filter((p) => (OWNER_ROLES as readonly string[]).includes(p.role));
  return {
    byId: new Map(everyone.map((p) => [p.id, p])),
    owners: new Set(owners.map((p) => p.id)),
    marketing: people.filter((p) => (MARKETING_ROLES as readonly string[]).includes(p.role)),
  };
}

/**
 * The workspace time zone deadlines count working days in: the `time_zone` setting when it is a valid IANA
 * zone, else UTC.
 */
export async function workspaceTimeZone(db: Db): Promise<string> {
  const [row] = await settingsByKeys(db, ["time_zone"]);
  const tz = typeof row?.value === "string" ? row.value : null;
  return tz && isValidTimeZone(tz) ? tz : "UTC";
}
