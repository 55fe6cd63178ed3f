import { describe, expect, it } from "vitest";
import { amlOnItsWay, amlSignature } from "./live";

const submission = (status: string, attempts = 1) => ({ id: "0195f0c2-0000-7000-8000-000000000001", status, attempts });

describe("the AML block's live check", () => {
  it("follows a submission while it is queued or sending, not once all are settled", () => {
    expect(amlOnItsWay([submission("queued", 0)])).toBe(true);
    expect(amlOnItsWay([submission("accepted"), submission("sending")])).toBe(true);
    expect(amlOnItsWay([submission("accepted"), submission("rejected"), submission("failed", 5)])).toBe(false);
    expect(amlOnItsWay([])).toBe(false);
  });

  it("tells a change of status or of attempts from the same state", () => {
    expect(amlSignature([submission("queued", 0)])).toBe(amlSignature([submission("queued", 0)]));
    expect(amlSignature([submission("queued", 0)])).not.toBe(amlSignature([submission("accepted", 1)]));
    expect(amlSignature([submission("queued", 1)])).not.toBe(amlSignature([submission("queued", 2)]));
  });
});
