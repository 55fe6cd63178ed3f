import { describe, expect, it } from "vitest";
import { fieldAnchor, fieldLabel, pathSegments } from "./field-label";

describe("fieldLabel", () => {
  it("names a field by its section and the field table's label, in either language", () => {
    expect(fieldLabel("client_contact.email", "en")).toEqual({ text: "Contact · Email", anchor: "f-client_contact-email" });
    expect(fieldLabel("client_contact.email", "es").text).toBe("Contacto · Correo electrónico");
    expect(fieldLabel("client_info.birth_date", "en").text).toBe("Personal information · Birth date");
  });

  it("counts array rows from 1, in dotted and bracket paths alike", () => {
    expect(fieldLabel("client_documents[1].document_number", "en")).toEqual({ text: "Documents · 2 · Document number", anchor: "f-client_documents-1-document_number" });
    expect(fieldLabel("client_documents.1.document_number", "es").text).toBe("Documentos · 2 · Número de documento");
    expect(fieldLabel("client_documents.0", "en").text).toBe("Documents · 1");
  });

  it("names nested objects on the way down", () => {
    expect(fieldLabel("client_info.spouse_info.first_name", "es").text).toBe("Información personal · Cónyuge · Primer nombre");
    expect(fieldLabel("client_references.first_personal_reference.name", "en").text).toBe("References · First personal reference · Name");
  });

  it("anchors a whole section on its <section>, and keeps a key the table does not know", () => {
    expect(fieldLabel("client_documents", "en")).toEqual({ text: "Documents", anchor: "client_documents" });
    expect(fieldLabel("client_info.bonding_type", "es").text).toBe("Información personal · bonding_type");
    expect(fieldLabel("requested_products", "en").text).toBe("requested_products");
  });

  it("splits paths the same way whatever their notation", () => {
    expect(pathSegments("client_documents[10].main")).toEqual(["client_documents", "10", "main"]);
    expect(fieldAnchor("client_documents[0].main")).toBe(fieldAnchor("client_documents.0.main"));
  });
});
