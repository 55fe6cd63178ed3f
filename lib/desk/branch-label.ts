/**
 * A branch as the console names it everywhere (the queue's and the AML queue's rows and branch
 * filters): its code, then its name when the enrollments give one ("01 · Centro").
 */
export function branchLabel(branch: { code: string | null; name: string | null }): string | null {
  if (!branch.code) return branch.name;
  return branch.name ? `${branch.code} · ${branch.name}` : branch.code;
}
