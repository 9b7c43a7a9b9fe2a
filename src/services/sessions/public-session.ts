// A course session as the public pages read it: by id, within its asset (a session of another asset is none).
import type { Db } from "../../env";
import type { CourseSession } from "../../db/schema";
import { sessionOfAsset } from "../../store/course-sessions";

export async function findSession(
  db: Db,
  assetId: number,
  sessionId: number,
): Promise<CourseSession | null> {
  return (await sessionOfAsset(db, assetId, sessionId)) ?? null;
}
