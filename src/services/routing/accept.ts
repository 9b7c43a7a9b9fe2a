// Accepting a lead: its owner (or sales' CRM by API) says they have it, and the acceptance deadline stops.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { acceptLead, routingOfLead } from "../../store/leads";

export interface Accepted {
  accepted: boolean;
  ownerId: number;
  acceptedAt: number;
}

/**
 * `asOwner` is the person accepting when only their own leads may be accepted (a teammate with the sales
 * role); null accepts for whoever owns it (an admin, or a sales API token: the CRM). Accepting twice is
 * harmless: the second answers with the first acceptance and changes nothing.
 */
export async function acceptOwnedLead(
  db: Db,
  leadId: number,
  asOwner: number | null,
  now: number,
): Promise<Accepted> {
  const lead = await routingOfLead(db, leadId);
  if (!lead || lead.erasedAt !== null) throw new AppError("NOT_FOUND", "No such lead");
  if (lead.ownerId === null)
    throw new AppError("CONFLICT", "Nobody owns this lead: there is nothing to accept");
  if (asOwner !== null && lead.ownerId !== asOwner)
    throw new AppError("FORBIDDEN", "Only the lead's owner can accept it");
  if (lead.acceptedAt !== null)
    return { accepted: false, ownerId: lead.ownerId, acceptedAt: lead.acceptedAt };
  if (await acceptLead(db, leadId, lead.ownerId, now))
    return { accepted: true, ownerId: lead.ownerId, acceptedAt: now };
  // It moved between the read and the write (handed on, or accepted at the same moment): read it again.
  const again = await routingOfLead(db, leadId);
  if (
    again?.acceptedAt != null &&
    again.ownerId !== null &&
    (asOwner === null || again.ownerId === asOwner)
  )
    return { accepted: false, ownerId: again.ownerId, acceptedAt: again.acceptedAt };
  throw new AppError("CONFLICT", "The lead was handed on to someone else before it was accepted");
}
