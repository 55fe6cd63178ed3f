import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseQueueFilters, queueFiltersToSearch } from "@/lib/queue/queue-filters";

describe("queue filters in the URL", () => {
  it("round-trips through the query string", () => {
    const filters = parseQueueFilters(new URLSearchParams("status=ready&branch=01&q=ANA&from=2026-01-01&sort=name_asc"));
    expect(filters).toEqual({ status: "ready", branch: "01", q: "ANA", from: "2026-01-01", sort: "name_asc" });
    expect(parseQueueFilters(new URLSearchParams(queueFiltersToSearch(filters).slice(1)))).toEqual(filters);
  });

  it("drops a bad parameter instead of failing the page", () => {
    expect(parseQueueFilters({ status: "bogus", from: "2026-02-30", sort: "x", q: "ok" })).toEqual({ q: "ok", sort: "received_desc" });
  });

  it("leaves defaults out of the URL", () => {
    expect(queueFiltersToSearch({ sort: "received_desc" })).toBe("");
  });

  it("decodes only cursors it made", () => {
    const cursor = { value: "2026-01-01T00:00:00.000Z", id: "018f0000-0000-7000-8000-000000000000" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("garbage")).toBeNull();
    expect(decodeCursor(Buffer.from('["x","not-a-uuid"]').toString("base64url"))).toBeNull();
  });
});
