import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/types";
import { usersReachingWhere } from "@/lib/desk/scope";
import { notifyMentioned } from "@/lib/notifications/events";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { mentionsOf, normalizeNote, noteProblem, type TNoteProblem } from "./note-input";

// Notes on an enrollment: append-only (a trigger refuses changes), audited, kept in the console.

/** A note as the page shows it. */
export type TNote = { id: string; body: string; at: Date; author: string; mentions: Array<{ username: string; name: string }> };

export type TAddNoteResult = { kind: "added"; note: TNote } | { kind: "invalid"; problem: TNoteProblem } | { kind: "notFound" };

/** Adds a note; a mention of nobody who can read the enrollment refuses it (naming the unknown names). */
export async function addNote(
  db: PrismaClient,
  input: { enrollmentId: string; body: string; author: { id: string; label: string }; ip?: string | null },
): Promise<TAddNoteResult> {
  if (!z.uuid().safeParse(input.enrollmentId).success) return { kind: "notFound" };
  const problem = noteProblem(input.body);
  if (problem) return { kind: "invalid", problem };
  const body = normalizeNote(input.body);
  const names = mentionsOf(body);
  return db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({ where: { id: input.enrollmentId }, select: { id: true, branchCode: true } });
    if (!enrollment) return { kind: "notFound" } as const;
    const mentioned =
      names.length === 0
        ? []
        : // who may be mentioned: active users who can read this enrollment (its branch, or every branch)
          await tx.user.findMany({ where: { username: { in: names }, ...usersReachingWhere("enrollment:read", enrollment.branchCode) }, select: { id: true, username: true, displayName: true } });
    const unknown = names.filter((name) => !mentioned.some((user) => user.username === name));
    if (unknown.length > 0) return { kind: "invalid", problem: { code: "unknownMention", names: unknown } } as const;
    const note = await tx.enrollmentNote.create({
      data: { enrollmentId: input.enrollmentId, authorId: input.author.id, body, mentionIds: mentioned.map((user) => user.id) },
      include: { author: { select: { displayName: true, username: true } } },
    });
    await recordAudit(tx, {
      actor: input.author,
      action: "enrollment.note_added",
      targetType: "enrollment",
      targetId: input.enrollmentId,
      // the text stays in the note; the audit says that one was written, how long, and whom it named
      details: { noteId: note.id, length: [...body].length, mentions: mentioned.map((user) => user.username) },
      ip: input.ip ?? null,
    });
    await notifyMentioned(tx, { enrollmentId: input.enrollmentId, noteId: note.id, mentionIds: note.mentionIds, authorId: input.author.id });
    return {
      kind: "added",
      note: {
        id: note.id,
        body: note.body,
        at: note.createdAt,
        author: note.author.displayName || note.author.username,
        mentions: mentioned.map((user) => ({ username: user.username, name: user.displayName || user.username })),
      },
    } as const;
  });
}

/** An enrollment's notes, newest first. */
export async function listNotes(db: TDb, enrollmentId: string): Promise<TNote[]> {
  const rows = await db.enrollmentNote.findMany({
    where: { enrollmentId },
    orderBy: { createdAt: "desc" },
    take: 500,
    include: { author: { select: { displayName: true, username: true } } },
  });
  const mentionIds = [...new Set(rows.flatMap((row) => row.mentionIds))];
  const users = new Map(
    (mentionIds.length === 0 ? [] : await db.user.findMany({ where: { id: { in: mentionIds } }, select: { id: true, username: true, displayName: true } })).map((user) => [user.id, user]),
  );
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    at: row.createdAt,
    author: row.author.displayName || row.author.username,
    mentions: row.mentionIds.flatMap((id) => {
      const user = users.get(id);
      return user ? [{ username: user.username, name: user.displayName || user.username }] : [];
    }),
  }));
}
