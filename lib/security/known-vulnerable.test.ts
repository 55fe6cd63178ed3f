import { describe, expect, it } from "vitest";
import { advisoriesFor, compareVersions } from "./known-vulnerable";

describe("known-vulnerable versions", () => {
  it("compares versions numerically", () => {
    expect(compareVersions("15.2.10", "15.2.3")).toBe(1);
    expect(compareVersions("16.0.7", "16.0.7")).toBe(0);
    expect(compareVersions("4.24.5", "4.24.12")).toBe(-1);
  });

  it("flags the versions inside an advisory's range and not the fixed one", () => {
    expect(advisoriesFor("next", "15.2.2").map((a) => a.id)).toEqual(["CVE-2025-29927", "CVE-2025-66478"]);
    expect(advisoriesFor("next", "16.0.6").map((a) => a.id)).toEqual(["CVE-2025-66478"]);
    expect(advisoriesFor("next", "16.0.7")).toEqual([]);
    expect(advisoriesFor("next-auth", "4.24.11").map((a) => a.id)).toEqual(["GHSA-5jpx-9hw9-2fx4"]);
    expect(advisoriesFor("next-auth", "4.24.4").map((a) => a.id)).toEqual(["CVE-2023-48309", "GHSA-5jpx-9hw9-2fx4"]);
  });

  it("the versions this project pins are clean", async () => {
    const pkg = (await import("../../package.json")).default as { dependencies: Record<string, string> };
    for (const name of ["next", "react", "react-dom", "next-auth"]) expect(advisoriesFor(name, pkg.dependencies[name]!), name).toEqual([]);
  });
});
