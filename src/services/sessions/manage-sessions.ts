// Scheduling a course's sessions: add, list, change and cancel. A move or a cancellation reaches every registrant.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import type { Asset, CourseSession } from "../../db/schema";
import type { SessionChangedMessage } from "../../queue/messages";
import { assetById } from "../../store/assets";
import {
  deleteCourseSession,
  insertCourseSession,
  sessionOfAsset,
  sessionsOfAsset,
  updateCourseSession,
  type SessionWithCount,
} from "../../store/course-sessions";
import { forgetAsset } from "../assets/find-asset";
import { sessionValues, type SessionInput } from "./session-input";

export type { SessionWithCount };

interface Deps {
  db: Db;
  jobs: Queue;
}

/** The course whose sessions these are: 404 for no asset, 409 for one that is not a course. */
export async function courseAsset(db: Db, assetId: number): Promise<Asset> {
  const asset = await assetById(db, assetId);
  if (!asset) throw new AppError("NOT_FOUND", "No asset has this id");
  if (asset.kind !== "course")
    throw new AppError("CONFLICT", "Only a course asset has sessions", {
      details: { fields: { kind: ["This asset is not a course"] } },
    });
  return asset;
}

export async function listSessions(db: Db, assetId: number): Promise<SessionWithCount[]> {
  await courseAsset(db, assetId);
  return sessionsOfAsset(db, assetId);
}

export async function getSession(db: Db, assetId: number, sessionId: number) {
  await courseAsset(db, assetId);
  const session = await sessionOfAsset(db, assetId, sessionId);
  if (!session) throw new AppError("NOT_FOUND", "This course has no session with this id");
  return session;
}

export async function createSession(
  db: Db,
  assetId: number,
  input: SessionInput,
  now: number,
): Promise<SessionWithCount> {
  const asset = await courseAsset(db, assetId);
  const values = sessionValues(input, null, asset.timezone, now);
  const row = await insertCourseSession(db, {
    assetId,
    startsAt: values.startsAt!,
    timezone: values.timezone!,
    joinUrl: values.joinUrl!,
    durationMinutes: values.durationMinutes ?? 60,
    capacity: values.capacity ?? null,
    status: values.status ?? "scheduled",
    createdAt: now,
    updatedAt: now,
  });
  forgetAsset();
  return { ...row, registered: 0 };
}

/** What a registrant's calendar must be told: the time moved, or the session was called off (or back on). */
function calendarChange(before: CourseSession, after: CourseSession): boolean {
  return (
    before.startsAt !== after.startsAt ||
    before.durationMinutes !== after.durationMinutes ||
    before.status !== after.status
  );
}

export async function updateSession(
  deps: Deps,
  assetId: number,
  sessionId: number,
  input: SessionInput,
  now: number,
): Promise<{ before: SessionWithCount; after: SessionWithCount }> {
  const asset = await courseAsset(deps.db, assetId);
  const before = await getSession(deps.db, assetId, sessionId);
  if (before.status === "cancelled" && input.status !== "scheduled" && input.starts_at)
    throw new AppError(
      "CONFLICT",
      "A cancelled session cannot move; set status to scheduled first",
    );
  const values = sessionValues(input, before, asset.timezone, now);
  const bump = calendarChange(before, { ...before, ...values });
  const row = await updateCourseSession(deps.db, sessionId, values, bump, now);
  if (!row) throw new AppError("NOT_FOUND", "This course has no session with this id");
  forgetAsset();
  // Registrants are walked on the queue in bounded chunks: a popular session may have thousands.
  if (bump && before.registered > 0) {
    const message: SessionChangedMessage = {
      type: "session.changed",
      sessionId,
      sequence: row.calendarSequence,
      afterLeadId: 0,
    };
    await deps.jobs.send(message);
  }
  return { before, after: { ...row, registered: before.registered } };
}

/** DELETE: a session somebody registered for is cancelled (they are told); an empty one is removed. */
export async function removeSession(
  deps: Deps,
  assetId: number,
  sessionId: number,
  now: number,
): Promise<{ before: SessionWithCount; after: SessionWithCount | null }> {
  const before = await getSession(deps.db, assetId, sessionId);
  if (before.registered === 0) {
    await deleteCourseSession(deps.db, sessionId);
    forgetAsset();
    return { before, after: null };
  }
  if (before.status === "cancelled") return { before, after: before };
  return updateSession(deps, assetId, sessionId, { status: "cancelled" }, now);
}
