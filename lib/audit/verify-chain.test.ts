import { describe, expect, it } from "vitest";
import { describeChainProblems, type TChainReport } from "./verify-chain";

const h = (c: string) => c.repeat(64);
const at = new Date("2026-12-05T08:00:00.000Z");
const report = (over: Partial<TChainReport>): TChainReport => ({
  rows: 10,
  breaks: [],
  end: { eventId: "20", position: 10, hash: h("e") },
  checkpoints: 1,
  checkpointMismatches: [],
  head: null,
  ...over,
});

describe("what audit:verify says is wrong", () => {
  it("nothing, for a chain that agrees with its checkpoints and the head given", () => {
    expect(describeChainProblems(report({ head: { hash: h("e"), found: { eventId: "20", position: 10, hash: h("e") }, recorded: null } }))).toEqual([]);
  });

  it("a rewritten chain, rows removed before a checkpoint's row, a checkpoint's row gone from the middle, an unknown head", () => {
    const problems = describeChainProblems(
      report({
        checkpointMismatches: [
          { at, recorded: { eventId: "18", position: 9, hash: h("a") }, found: { eventId: "18", position: 9, hash: h("b") } },
          { at, recorded: { eventId: "16", position: 8, hash: h("c") }, found: { eventId: "16", position: 6, hash: h("c") } },
          { at, recorded: { eventId: "4", position: 2, hash: h("d") }, found: null },
        ],
        head: { hash: h("f"), found: null, recorded: null },
      }),
    );
    expect(problems).toEqual([
      `row #9 (id 18) has hash ${h("b")} but the checkpoint of 2026-12-05T08:00:00.000Z recorded ${h("a")}: the chain was rewritten`,
      "row id 16 is #6 but the checkpoint of 2026-12-05T08:00:00.000Z recorded it as #8: 2 rows missing before it",
      `row #2 (id 4, hash ${h("d")}), recorded by the checkpoint of 2026-12-05T08:00:00.000Z, is missing from the chain`,
      `the head ${h("f")} given is not in the chain, which ends at #10 (id 20, hash ${h("e")}): rows after it were removed, or the chain was rewritten`,
    ]);
  });

  it("an emptied table against its checkpoint", () => {
    const problems = describeChainProblems(report({ rows: 0, end: null, checkpointMismatches: [{ at, recorded: { eventId: "2", position: 1, hash: h("a") }, found: null }] }));
    expect(problems).toEqual([`the chain is empty but the checkpoint of 2026-12-05T08:00:00.000Z recorded #1 (id 2, hash ${h("a")}): 1 row missing at the end`]);
  });
});
