// Versions of the framework and auth packages with published advisories that matter to this
// console. `npm run check:vulnerable` (first step of `npm test`) fails when an installed version
// falls in one of these ranges. The list is kept by hand because npm's advisory endpoint is not
// reachable from CI here (its bulk endpoint answers 405 behind the registry proxy); when it is,
// run `npm audit --omit=dev` as well. Add a row whenever an advisory for these packages appears.

export type TAdvisory = { id: string; pkg: string; summary: string; ranges: ReadonlyArray<readonly [string, string]> };

/** [from inclusive, to exclusive) */
export const ADVISORIES: readonly TAdvisory[] = [
  {
    id: "CVE-2025-29927",
    pkg: "next",
    summary: "authorization bypass through the x-middleware-subrequest header",
    ranges: [
      ["11.1.4", "12.3.5"],
      ["13.0.0", "13.5.9"],
      ["14.0.0", "14.2.25"],
      ["15.0.0", "15.2.3"],
    ],
  },
  {
    id: "CVE-2025-66478",
    pkg: "next",
    summary: "remote code execution through the React Server Components protocol",
    ranges: [
      ["15.0.0", "15.0.5"],
      ["15.1.0", "15.1.9"],
      ["15.2.0", "15.2.6"],
      ["15.3.0", "15.3.6"],
      ["15.4.0", "15.4.8"],
      ["15.5.0", "15.5.7"],
      ["16.0.0", "16.0.7"],
    ],
  },
  {
    id: "CVE-2025-55182",
    pkg: "react-server-dom-webpack",
    summary: "remote code execution in React Server Components (Next.js bundles its own copy; see CVE-2025-66478)",
    ranges: [
      ["19.0.0", "19.0.1"],
      ["19.1.0", "19.1.2"],
      ["19.2.0", "19.2.1"],
    ],
  },
  {
    id: "CVE-2023-48309",
    pkg: "next-auth",
    summary: "a session can be mocked without a valid token",
    ranges: [["0.0.0", "4.24.5"]],
  },
  {
    id: "GHSA-5jpx-9hw9-2fx4",
    pkg: "next-auth",
    summary: "email sign-in may be delivered to the wrong address",
    ranges: [["4.0.0", "4.24.12"]],
  },
];

function parse(version: string): number[] {
  const core = version.split(/[-+]/)[0]!;
  return core.split(".").map((part) => Number(part));
}

/** -1, 0 or 1, on the numeric x.y.z core (a pre-release counts as its release). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function advisoriesFor(pkg: string, version: string): TAdvisory[] {
  return ADVISORIES.filter((a) => a.pkg === pkg && a.ranges.some(([from, to]) => compareVersions(version, from) >= 0 && compareVersions(version, to) < 0));
}
