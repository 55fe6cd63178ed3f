import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

type TTree = { [key: string]: string | TTree };

const keys = (node: TTree, prefix = ""): string[] =>
  Object.entries(node).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));

describe("interface messages", () => {
  it("every visible string exists in English and in Spanish", () => {
    expect(keys(es as TTree).sort()).toEqual(keys(en as TTree).sort());
  });

  it("no message is left empty", () => {
    for (const tree of [en, es] as TTree[]) {
      const empty = keys(tree).filter((key) => key.split(".").reduce<string | TTree>((node, part) => (node as TTree)[part]!, tree) === "");
      expect(empty).toEqual([]);
    }
  });
});
