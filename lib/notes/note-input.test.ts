import { describe, expect, it } from "vitest";
import { mentionsOf, normalizeNote, noteParts, noteProblem, NOTE_MAX_LENGTH } from "./note-input";

describe("notes", () => {
  it("finds @mentions, not e-mail addresses, each once, lower-cased, without a sentence's full stop", () => {
    expect(mentionsOf("@olga.v please check, cc @Oscar and (@olga.v). Mail ana@bank.com")).toEqual(["olga.v", "oscar"]);
    expect(mentionsOf("no mentions here @x")).toEqual([]);
  });

  it("splits a note into text and mentions, keeping every character", () => {
    const body = "Ask @olga. Then @oscar_2 decides";
    const parts = noteParts(body);
    expect(parts).toEqual([{ text: "Ask " }, { mention: "olga" }, { text: ". Then " }, { mention: "oscar_2" }, { text: " decides" }]);
    expect(parts.map((part) => ("text" in part ? part.text : `@${part.mention}`)).join("")).toBe(body);
  });

  it("refuses an empty note and one longer than the limit (counted in characters, not UTF-16 units)", () => {
    expect(noteProblem("  \n \r\n ")).toEqual({ code: "empty" });
    expect(noteProblem("😀".repeat(NOTE_MAX_LENGTH))).toBeNull();
    expect(noteProblem("a".repeat(NOTE_MAX_LENGTH + 1))).toEqual({ code: "tooLong", max: NOTE_MAX_LENGTH });
    expect(normalizeNote("  first  \r\nsecond \n\n")).toBe("first\nsecond");
  });
});
