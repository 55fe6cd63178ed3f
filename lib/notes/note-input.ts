// The note an officer or compliance writes on an enrollment: shared by the form and the server
// action (no server imports here). Plain text, at most NOTE_MAX_LENGTH characters; `@username`
// names a colleague.
import { z } from "zod";

export const NOTE_MAX_LENGTH = 2000;

/** Why a note was refused, for the form to say in the reader's language. */
export type TNoteProblem = { code: "empty" } | { code: "tooLong"; max: number } | { code: "unknownMention"; names: string[] };

export const ZAddNoteInput = z.object({
  enrollmentId: z.uuid(),
  // checked by noteProblem, so the form and the server refuse with the same reasons
  body: z.string().max(NOTE_MAX_LENGTH * 4),
});
export type TAddNoteInput = z.infer<typeof ZAddNoteInput>;

/** A mention: `@` at the start or after a space or bracket (so `ana@bank.com` is not one), then a username. */
const MENTION = /(^|[\s(])@([a-z0-9][a-z0-9._-]{2,63})/gi;

/** The usernames a note mentions, lower-cased, each once, in order; a trailing dot ends a sentence. */
export function mentionsOf(body: string): string[] {
  const names = [...body.matchAll(MENTION)].map((match) => match[2]!.toLowerCase().replace(/[.]+$/, ""));
  return [...new Set(names)];
}

/** The note as stored: line ends unified, trailing spaces and blank edges trimmed. */
export const normalizeNote = (body: string): string =>
  body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();

/** What is wrong with a note before any user is looked up: empty or too long. */
export function noteProblem(body: string): TNoteProblem | null {
  const text = normalizeNote(body);
  if (text === "") return { code: "empty" };
  if ([...text].length > NOTE_MAX_LENGTH) return { code: "tooLong", max: NOTE_MAX_LENGTH };
  return null;
}

/** The parts of a note, for showing mentions apart from the text. */
export function noteParts(body: string): Array<{ text: string } | { mention: string }> {
  const parts: Array<{ text: string } | { mention: string }> = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const name = match[2]!.replace(/[.]+$/, "");
    const start = match.index! + match[1]!.length;
    if (start > last) parts.push({ text: body.slice(last, start) });
    parts.push({ mention: name.toLowerCase() });
    last = start + 1 + name.length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** The note form's value; an error's message is the problem's code, which the form says in the reader's language. */
export const ZNoteForm = z.object({
  body: z.string().superRefine((body, context) => {
    const problem = noteProblem(body);
    if (problem) context.addIssue({ code: "custom", message: problem.code });
  }),
});
