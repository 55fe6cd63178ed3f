import "server-only";
import { readSnapshot } from "@/lib/db/snapshot";
import { getEnrollment } from "@/lib/enrollment/get-enrollment";
import type { TScope } from "@/lib/desk/scope";
import { readIdentity } from "@/lib/enrollment/identity-matches";
import { listPushHistory, listRevisions } from "@/lib/enrollment/get-history";
import { sectionSaves } from "@/lib/enrollment/section-versions";
import { listNotes } from "@/lib/notes/notes";
import { getPipeline } from "@/lib/push/get-pipeline";

/**
 * What the enrollment page shows, read from one snapshot: its header, forms and pipeline name the
 * same status and version even while the push worker commits between the reads. Null when the
 * enrollment does not exist. `scope`: the reader's, so other enrollments the identity names are shown as far as it reaches.
 */
export async function readEnrollmentView(id: string, scope: TScope) {
  return readSnapshot(async (db) => {
    const enrollment = await getEnrollment(db, id);
    if (!enrollment) return null;
    const pipeline = await getPipeline(db, id);
    if (!pipeline) return null;
    const identity = await readIdentity(db, id, scope);
    return {
      identity: { match: identity?.match ?? null, noIdentity: identity?.self.identityIndex == null },
      enrollment,
      pipeline,
      revisions: await listRevisions(db, id),
      saves: await sectionSaves(db, id),
      notes: await listNotes(db, id),
      pushes: await listPushHistory(db, id),
    };
  });
}
