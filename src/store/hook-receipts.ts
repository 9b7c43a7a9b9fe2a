// Webhook receipts: message ids already processed, so a replayed delivery changes nothing.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { hookReceipts } from "../db/schema";

export async function hookReceiptSeen(db: Db, messageId: string): Promise<boolean> {
  const [row] = await db
    .select({ messageId: hookReceipts.messageId })
    .from(hookReceipts)
    .where(eq(hookReceipts.messageId, messageId));
  return !!row;
}

/** The receipt; its primary key fails the batch when a racing delivery of the same message got there first. */
export function recordHookReceipt(messageId: string, source: string, at: number): SQL {
  // Raw: a batch statement (store/batch takes SQL).
  return sql`INSERT INTO hook_receipts (message_id, source, at) VALUES (${messageId}, ${source}, ${at})`;
}
