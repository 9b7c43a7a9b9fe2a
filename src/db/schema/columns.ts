// Shared column builders: every time is epoch milliseconds, every JSON column is typed text.
import { integer } from "drizzle-orm/sqlite-core";

export const id = () => integer("id").primaryKey();
export const createdAt = () => integer("created_at").notNull();
export const updatedAt = () => integer("updated_at").notNull();
