import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseQueueFilters, queueDefaults, queueFiltersToSearch } from "@/lib/queue/queue-filters";

describe("queue filters in the URL", () => {
  it("round-trips through the query string", () => {
    const filters = parseQueueFilters(new URLSearchParams("status=ready&branch=01&qt=TOKEN&from=2026-01-01&sort=name_asc"));
    expect(filters).toEqual({ status: "ready", branch: "01", qt: "TOKEN", from: "2026-01-01", sort: "name_asc" });
    expect(parseQueueFilters(new URLSearchParams(queueFiltersToSearch(filters).slice(1)))).toEqual(filters);
  });

  it("never writes the search text into a URL, only its token", () => {
    expect(queueFiltersToSearch({ q: "111110001", qt: "TOKEN", status: "ready" })).toBe("?qt=TOKEN&status=ready");
  });

  it("drops a bad parameter instead of failing the page", () => {
    expect(parseQueueFilters({ status: "bogus", from: "2026-02-30", sort: "x", owner: "someone", q: "ok" })).toEqual({ q: "ok" });
  });

  it("leaves defaults out of the URL", () => {
    expect(queueFiltersToSearch({})).toBe("");
  });

  it("an officer's default is their desk (mine, then unassigned, due soonest first); others' is the newest of everyone's", () => {
    expect(queueDefaults(parseQueueFilters({}), { ownsEnrollments: true })).toEqual({ owner: "desk", sort: "desk" });
    expect(queueDefaults(parseQueueFilters({}), { ownsEnrollments: false })).toEqual({ owner: "any", sort: "received_desc" });
    // a choice in the URL wins over the default
    expect(queueDefaults(parseQueueFilters({ owner: "unassigned", sort: "name_asc" }), { ownsEnrollments: true })).toEqual({ owner: "unassigned", sort: "name_asc" });
    const someone = "018f0000-0000-7000-8000-000000000001";
    expect(parseQueueFilters({ owner: someone }).owner).toBe(someone);
  });

  it("decodes only cursors it made", () => {
    const cursor = { value: "2026-01-01T00:00:00.000Z", id: "018f0000-0000-7000-8000-000000000000" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from('["x","not-a-uuid"]').toString("base64url"))).toBeNull();
  });
});
