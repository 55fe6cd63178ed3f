import "server-only";
import type { TDb } from "@/lib/db/types";

// People are named by their display name wherever the console shows who did something
// ("Oscar Officer", not "officer"). Records keep the actor's id and, for the log, the label the
// actor had (a username, `intake-key:<name>`, `push-worker`): the label is what is shown only
// when there is no person behind it, or the person's display name is empty.

/** Something a person or the system did: who, as stored. */
export type TActorRef = { actorId: string | null; actorLabel: string };

/** Display names of the users with these ids (unknown ids are left out). */
export async function displayNames(db: TDb, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true, username: true } });
  return new Map(users.map((user) => [user.id, user.displayName || user.username]));
}

/** The name to show for an actor: the person's display name, else the stored label. */
export function actorName(names: ReadonlyMap<string, string>, actor: TActorRef): string {
  return (actor.actorId ? names.get(actor.actorId) : undefined) ?? actor.actorLabel;
}

/** Adds `actorName` to every row that names an actor, with one query for all of them. */
export async function withActorNames<T extends TActorRef>(db: TDb, rows: readonly T[]): Promise<(T & { actorName: string })[]> {
  const names = await displayNames(db, rows.map((row) => row.actorId));
  return rows.map((row) => ({ ...row, actorName: actorName(names, row) }));
}
