// Turns zod issues into the one-line messages the sandboxes answer with.
import type { z } from "zod";

function formatPath(path: PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "body";
}

/** Names every offending field, e.g. `client_info.first_name: required; client_documents[0].main: must be 0 or 1`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join("; ");
}
