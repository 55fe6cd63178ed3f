import { describe, expect, it } from "vitest";
import { zodResolver } from "@hookform/resolvers/zod";
import { createFormControl, type Resolver } from "react-hook-form";
import { z } from "zod";
import { SECTION_SCHEMAS } from "@/lib/enrollment/schema";
import { at, seedExample } from "@/lib/enrollment/test-fixtures";
import { validateSection } from "@/lib/enrollment/validate";
import {
  fieldId,
  flattenErrors,
  initialOrigins,
  ownErrorMessage,
  parseChoiceInput,
  parseNumberInput,
  placeIssues,
  restoreNoValues,
  rowIndexOf,
  tablePathOf,
  toFormPath,
  toFormValues,
  unknownKeys,
  type TFormValues,
} from "./paths";

describe("ids and paths", () => {
  it("prefixes ids with the section and the full path", () => {
    expect(fieldId("client_info.spouse_info.first_name")).toBe("f-client_info-spouse_info-first_name");
    expect(fieldId("client_documents.0.main")).toBe("f-client_documents-0-main");
  });

  it("maps form names to field table paths and rows", () => {
    expect(tablePathOf("client_info", "client_info.spouse_info.first_name")).toBe("spouse_info.first_name");
    expect(tablePathOf("client_documents", "client_documents.3.document_number")).toBe("document_number");
    expect(tablePathOf("client_documents", "client_documents")).toBe("");
    expect(rowIndexOf("client_documents", "client_documents.3.document_number")).toBe(3);
    expect(rowIndexOf("client_info", "client_info.first_name")).toBeNull();
  });

  it("places issues on fields, objects and the documents list; the rest at the top", () => {
    expect(toFormPath("client_info", "client_info.first_name")).toBe("client_info.first_name");
    expect(toFormPath("client_info", "client_info.spouse_info.first_name")).toBe("client_info.spouse_info.first_name");
    expect(toFormPath("client_references", "client_references.first_personal_reference")).toBe("client_references.first_personal_reference");
    expect(toFormPath("client_documents", "client_documents.0.document_number")).toBe("client_documents.0.document_number");
    expect(toFormPath("client_documents", "client_documents")).toBe("client_documents.root");
    expect(toFormPath("client_documents", "client_documents.0")).toBeNull();
    expect(toFormPath("client_info", "client_info")).toBeNull();
    expect(toFormPath("client_info", "client_info.not_in_table")).toBeNull();
    expect(toFormPath("client_info", "client_contact.email")).toBeNull();

    const { onFields, elsewhere } = placeIssues("client_info", [
      { path: "client_info.sex", message: "Required" },
      { path: "client_info.bonding_type", message: "Odd" },
    ]);
    expect(onFields).toEqual([{ path: "client_info.sex", message: "Required" }]);
    expect(elsewhere).toEqual([{ path: "client_info.bonding_type", message: "Odd" }]);
  });

  it("places every issue validateSection reports for a broken section on a field", () => {
    const info = at(seedExample(1), "client_info");
    info.first_name = "";
    info.sex = "X";
    info.spouse_info = { first_name: "A".repeat(31) };
    const issues = validateSection("client_info", info);
    expect(issues.length).toBe(3);
    expect(placeIssues("client_info", issues).elsewhere).toEqual([]);
  });
});

describe("input parsing", () => {
  it("maps an empty number input to null, never 0 or NaN", () => {
    expect(parseNumberInput("")).toBeNull();
    expect(parseNumberInput("  ")).toBeNull();
    expect(parseNumberInput("0")).toBe(0);
    expect(parseNumberInput("1500.5")).toBe(1500.5);
    expect(parseNumberInput("abc")).toBe("abc");
  });

  it("maps flag options to numbers and keeps a received invalid value's type", () => {
    expect(parseChoiceInput("", "flag", null)).toBeNull();
    expect(parseChoiceInput("1", "flag", null)).toBe(1);
    expect(parseChoiceInput("0", "flag", 1)).toBe(0);
    expect(parseChoiceInput("true", "flag", true)).toBe(true);
    expect(parseChoiceInput("DO", "text", null)).toBe("DO");
    expect(parseChoiceInput("7", "text", 7)).toBe(7);
  });
});

describe("errors", () => {
  it("flattens an RHF errors tree, skipping refs and folding array roots", () => {
    const errors = {
      client_documents: Object.assign([{ main: { type: "custom", message: "Must be 0 or 1", ref: { nodeType: 1 } } }], {
        root: { type: "custom", message: "Exactly one document must have main = 1" },
      }),
      root: { serverError: { type: "server", message: "Session ended" } },
    };
    expect(flattenErrors(errors)).toEqual([
      { path: "client_documents.0.main", message: "Must be 0 or 1" },
      { path: "client_documents", message: "Exactly one document must have main = 1" },
      { path: "root.serverError", message: "Session ended" },
    ]);
    expect(ownErrorMessage(errors, "client_documents")).toBe("Exactly one document must have main = 1");
    expect(ownErrorMessage(errors, "client_documents.0.main")).toBe("Must be 0 or 1");
    expect(ownErrorMessage(errors, "client_documents.0")).toBeNull();
  });
});

describe("values", () => {
  it("wraps the section so form names are payload paths, with a usable default", () => {
    const info = { first_name: "A", bonding_type: "NI" };
    const values = toFormValues("client_info", info);
    expect(values).toEqual({ client_info: info });
    expect(values.client_info).not.toBe(info);
    expect(toFormValues("client_documents", undefined)).toEqual({ client_documents: [] });
    expect(toFormValues("client_contact", null)).toEqual({ client_contact: {} });
  });

  it("restores the exact no-value of untouched fields and keeps unknown keys", () => {
    const initial = { first_name: "LUIS", middle_name: null, nickname: "", bonding_type: "NI", spouse_info: { first_name: "EMILY" } };
    // what RHF submits: missing inputs became "", a number input null
    const submitted = {
      ...initial,
      first_name: "LUISA",
      nickname: "",
      last_name: "",
      customer_number: null,
      spouse_info: { first_name: "", middle_name: "" },
    };
    expect(restoreNoValues("client_info", submitted, initial)).toEqual({
      first_name: "LUISA",
      middle_name: null,
      nickname: "",
      bonding_type: "NI",
      // cleared by the officer
      spouse_info: { first_name: null },
    });
  });

  it("follows document rows through add and remove", () => {
    const initial = [
      { document_number: "1", main: 1, issuing_country_code: null },
      { document_number: "2", main: 0 },
    ];
    const submitted = [
      { document_number: "2", main: 1, issuing_country_code: "" },
      { document_number: "3", main: 0, document_type_code: null, issuing_country_code: null },
    ];
    // row 0 was removed, row "3" added
    expect(restoreNoValues("client_documents", submitted, initial, [1, null])).toEqual([
      { document_number: "2", main: 1 },
      { document_number: "3", main: 0 },
    ]);
    expect(initialOrigins(initial)).toEqual([0, 1]);
    expect(initialOrigins(undefined)).toEqual([]);
  });

  it("lists the keys the table does not know", () => {
    const info = at(seedExample(1), "client_info");
    expect(unknownKeys("client_info", info).sort()).toEqual(["account_officer", "bonding_type", "business_code", "industry_code", "office_representative"]);
    expect(unknownKeys("client_documents", [{ document_number: "1", extra: 1 }])).toEqual(["extra"]);
  });
});

describe("react-hook-form round trip", () => {
  it("submits unregistered default values (unknown keys) and untouched nulls unchanged", async () => {
    const info = at(seedExample(1), "client_info");
    const resolver = zodResolver(z.object({ client_info: SECTION_SCHEMAS.client_info }), undefined, { raw: true }) as unknown as Resolver<TFormValues>;
    const { control, register, handleSubmit } = createFormControl<TFormValues>({ resolver, defaultValues: toFormValues("client_info", info) });
    void control;
    for (const name of ["first_name", "nickname", "customer_number", "middle_last_name"]) register(`client_info.${name}`);
    let submitted: TFormValues | null = null;
    await handleSubmit((values) => {
      submitted = values;
    })();
    expect(submitted).not.toBeNull();
    const value = restoreNoValues("client_info", (submitted as unknown as TFormValues).client_info, info);
    expect(value).toEqual(info);
    expect(Object.keys(value as object).sort()).toEqual(Object.keys(info).sort());
  });
});
