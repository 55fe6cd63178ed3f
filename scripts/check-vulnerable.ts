// `npm run check:vulnerable`: fails when the installed next, react, react-dom, next-auth (or the
// RSC runtime Next.js bundles) is a version with a known advisory (lib/security/known-vulnerable.ts).
import fs from "node:fs";
import path from "node:path";
import { advisoriesFor } from "@/lib/security/known-vulnerable";

const PACKAGES = ["next", "react", "react-dom", "next-auth", "react-server-dom-webpack"];

function installedVersion(name: string): string | null {
  const file = path.join("node_modules", name, "package.json");
  if (!fs.existsSync(file)) return null;
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

let failed = false;
for (const name of PACKAGES) {
  const version = installedVersion(name);
  if (!version) continue;
  const found = advisoriesFor(name, version);
  for (const advisory of found) console.error(`VULNERABLE ${name}@${version}: ${advisory.id} (${advisory.summary})`);
  if (found.length > 0) failed = true;
  else console.log(`ok ${name}@${version}`);
}
if (failed) process.exit(1);
