import { describe, expect, it } from "vitest";
import { auditFiltersToSearch, parseAuditFilters } from "@/lib/audit/audit-filters";

describe("audit filters in the URL", () => {
  it("reads the valid ones and names the ignored ones", () => {
    const { filters, invalid, range } = parseAuditFilters({ actor: " admin ", action: "login.", from: "2026-11-01", to: "2026-13-01", before: "123", targetType: "user", targetId: ["a", "b"] });
    expect(filters).toEqual({ actor: "admin", action: "login.", from: "2026-11-01", before: "123", targetType: "user", targetId: "a" });
    expect(invalid).toEqual([]);
    expect(parseAuditFilters({ action: "LOGIN'; --", before: "-1" }).invalid).toEqual(["action", "before"]);
    // the days are named as a range
    expect(range).toEqual({ field: "to", problem: "day" });
    expect(parseAuditFilters({ actor: "", action: "" })).toEqual({ filters: {}, invalid: [], range: null });
  });

  it("refuses a from after the to, naming it, and does not narrow the log to nothing", () => {
    const { filters, range } = parseAuditFilters({ actor: "admin", from: "2026-02-01", to: "2026-01-01" });
    expect(range).toEqual({ field: "from", problem: "reversed" });
    expect(filters).toEqual({ actor: "admin" });
  });

  it("writes them back, leaving out the empty ones", () => {
    expect(auditFiltersToSearch({ action: "user.", targetId: "x y" })).toBe("?action=user.&targetId=x+y");
    expect(auditFiltersToSearch({})).toBe("");
  });
});
