import { describe, expect, it } from "vitest";
import { carryConflicts, changedPaths, mergeIncoming, sameValue } from "./merge";

const contact = (fields: Record<string, unknown>) => ({ client_contact: { email: "a@x.com", cellphone: "8095550000", ...fields } });

describe("sameValue", () => {
  it("treats every no-value as one, numbers as their text, objects member by member", () => {
    expect(sameValue(undefined, "")).toBe(true);
    expect(sameValue(null, "")).toBe(true);
    expect(sameValue("4000", 4000)).toBe(true);
    expect(sameValue({ a: 1, b: null }, { a: "1" })).toBe(true);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue("0", "")).toBe(false);
    expect(sameValue({ a: 1 }, null)).toBe(false);
  });
});

describe("mergeIncoming", () => {
  it("follows the stored value where the officer typed nothing, and keeps what they typed", () => {
    const base = contact({});
    const current = contact({ email: "mine@x.com" });
    const incoming = contact({ cellphone: "8095551111" });
    const { values, conflicts } = mergeIncoming("client_contact", base, current, incoming);
    expect(values).toEqual(contact({ email: "mine@x.com", cellphone: "8095551111" }));
    expect(conflicts).toEqual([]);
  });

  it("names a field both changed to different values, keeping the officer's", () => {
    const { values, conflicts } = mergeIncoming("client_contact", contact({}), contact({ email: "mine@x.com" }), contact({ email: "theirs@x.com" }));
    expect(values.client_contact).toMatchObject({ email: "mine@x.com" });
    expect(conflicts).toEqual([{ path: "client_contact.email", theirs: "theirs@x.com" }]);
  });

  it("sees no conflict where both typed the same value", () => {
    const { conflicts } = mergeIncoming("client_contact", contact({}), contact({ email: "same@x.com" }), contact({ email: "same@x.com" }));
    expect(conflicts).toEqual([]);
  });

  it("keeps an object the officer added whole, and one the stored value dropped with the officer's field in it", () => {
    const base = { client_info: { first_name: "A", spouse_info: null } };
    const added = { client_info: { first_name: "A", spouse_info: { first_name: "S", last_name: null } } };
    const incoming = { client_info: { first_name: "B", spouse_info: null } };
    const merged = mergeIncoming("client_info", base, added, incoming);
    expect(merged.values).toEqual({ client_info: { first_name: "B", spouse_info: { first_name: "S", last_name: null } } });
    expect(merged.conflicts).toEqual([]);

    const withSpouse = { client_info: { first_name: "A", spouse_info: { first_name: "S", last_name: "T" } } };
    const edited = { client_info: { first_name: "A", spouse_info: { first_name: "S2", last_name: "T" } } };
    const dropped = { client_info: { first_name: "A", spouse_info: null } };
    const orphan = mergeIncoming("client_info", withSpouse, edited, dropped);
    expect(orphan.values.client_info).toMatchObject({ spouse_info: { first_name: "S2", last_name: "T" } });
    expect(orphan.conflicts).toEqual([{ path: "client_info.spouse_info", theirs: null }]);
  });

  it("treats the documents list as one unit", () => {
    const doc = (number: string) => ({ document_type: "IDEN", document_number: number, main: 1 });
    const base = { client_documents: [doc("1")] };
    const mine = { client_documents: [doc("2")] };
    expect(mergeIncoming("client_documents", base, base, { client_documents: [doc("3")] })).toEqual({ values: { client_documents: [doc("3")] }, conflicts: [] });
    const both = mergeIncoming("client_documents", base, mine, { client_documents: [doc("3"), doc("4")] });
    expect(both.values).toEqual(mine);
    expect(both.conflicts).toEqual([{ path: "client_documents", theirs: [doc("3"), doc("4")] }]);
    expect(changedPaths("client_documents", base, mine)).toEqual(["client_documents"]);
  });

  it("merges the documents field by field when the rows are the stored rows one to one", () => {
    const doc = (number: string, country = "DO", main = 0) => ({ document_type: "IDEN", document_number: number, issuing_country: country, main });
    const base = { client_documents: [doc("1", "DO", 1), doc("2")] };
    // the officer corrected the second document's number; a colleague saved the first's country
    const mine = { client_documents: [doc("1", "DO", 1), doc("22")] };
    const theirs = { client_documents: [doc("1", "ES", 1), doc("2")] };
    const merged = mergeIncoming("client_documents", base, mine, theirs, [0, 1]);
    expect(merged).toEqual({ values: { client_documents: [doc("1", "ES", 1), doc("22")] }, conflicts: [] });
    // the same field of the same row: one conflict, named by row and field
    const clash = mergeIncoming("client_documents", base, mine, { client_documents: [doc("1", "DO", 1), doc("23")] }, [0, 1]);
    expect(clash.values).toEqual(mine);
    expect(clash.conflicts).toEqual([{ path: "client_documents.1.document_number", theirs: "23" }]);
    // rows the officer added, removed or moved: the list stays one unit
    const added = { client_documents: [doc("1", "DO", 1), doc("2"), doc("3")] };
    expect(mergeIncoming("client_documents", base, { client_documents: [doc("1", "DO", 1), doc("3")] }, theirs, [0, null]).conflicts).toEqual([{ path: "client_documents", theirs: theirs.client_documents }]);
    expect(mergeIncoming("client_documents", base, mine, added, [0, 1]).conflicts).toEqual([{ path: "client_documents", theirs: added.client_documents }]);
  });
});

describe("carryConflicts", () => {
  it("keeps an unresolved conflict while the field still differs, and lets a fresh one replace it", () => {
    const earlier = [{ path: "client_contact.email", theirs: "t1@x.com" }];
    const values = contact({ email: "mine@x.com" });
    expect(carryConflicts(earlier, [], values, contact({ email: "t1@x.com" }))).toEqual(earlier);
    expect(carryConflicts(earlier, [], values, contact({ email: "mine@x.com" }))).toEqual([]);
    const fresh = [{ path: "client_contact.email", theirs: "t2@x.com" }];
    expect(carryConflicts(earlier, fresh, values, contact({ email: "t2@x.com" }))).toEqual(fresh);
  });
});
