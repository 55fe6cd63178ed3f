import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { validateSection } from "@/lib/enrollment/validate";
import { at, seedExample } from "@/lib/enrollment/test-fixtures";
import { issueMessage } from "./issue-messages";

describe("issue messages", () => {
  it("maps the schema's messages to keys with values", () => {
    expect(issueMessage("Required")).toEqual({ key: "required" });
    expect(issueMessage("At most 30 characters")).toEqual({ key: "maxLength", values: { max: 30 } });
    expect(issueMessage("Must be one of: M, F, NB, NC, O")).toEqual({ key: "oneOf", values: { values: "M, F, NB, NC, O" } });
    expect(issueMessage("Something new")).toBeNull();
  });

  it("knows the messages a broken section produces", () => {
    const info = at(seedExample(1), "client_info");
    Object.assign(info, { first_name: null, last_name: "X".repeat(31), birth_date: "1991-02-30", nationality_code: "XX", civil_status_id: 1.5, sex: "O" });
    const messages = validateSection("client_info", info).map((issue) => issue.message);
    expect(messages.length).toBeGreaterThan(4);
    for (const message of messages) expect(issueMessage(message), message).not.toBeNull();
  });

  it("has every key in English and Spanish", () => {
    const keys = (messages: { sectionForm: Record<string, unknown> }) => {
      const flat = (node: Record<string, unknown>, prefix = ""): string[] =>
        Object.entries(node).flatMap(([key, value]) => (typeof value === "object" && value !== null ? flat(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`]));
      return flat(messages.sectionForm).sort();
    };
    expect(keys(es)).toEqual(keys(en));
    for (const key of ["required", "maxLength", "oneOf", "exactlyOneMain"]) expect(Object.keys(en.sectionForm.issues)).toContain(key);
  });
});
