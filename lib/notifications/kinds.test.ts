import { describe, expect, it } from "vitest";
import { notificationHref } from "./kinds";

const id = "01a24910-c57b-7617-bcd1-aabd425244c7";

describe("where a notification sends its reader", () => {
  it("to the enrollment, its notes, or its push part", () => {
    expect(notificationHref({ kind: "assigned", enrollmentId: id, params: {} }, { mayReadAml: false })).toBe(`/enrollments/${id}`);
    expect(notificationHref({ kind: "mentioned", enrollmentId: id, params: {} }, { mayReadAml: false })).toBe(`/enrollments/${id}#history`);
    for (const kind of ["push_failed", "push_needs_reconciliation", "four_eyes_awaiting"] as const) {
      expect(notificationHref({ kind, enrollmentId: id, params: {} }, { mayReadAml: false })).toBe(`/enrollments/${id}#push-gate-title`);
    }
  });

  it("an AML hit: the AML customer page for who may read it, the enrollment's AML block for the others", () => {
    const hit = { kind: "aml_hit" as const, enrollmentId: id, params: { customerExtId: "100 200" } };
    expect(notificationHref(hit, { mayReadAml: true })).toBe("/aml/customers/100%20200");
    expect(notificationHref(hit, { mayReadAml: false })).toBe(`/enrollments/${id}#aml`);
  });
});
