import { describe, expect, it } from "vitest";
import { accountNumberFormat, accountNumberProblem, DEFAULT_ACCOUNT_NUMBER_FORMAT } from "./account-number-format";

describe("account number format", () => {
  it("takes the admin's length first, then what the core's earlier numbers show, then digits 4 to 40", () => {
    expect(accountNumberFormat(10, ["000200000001"])).toEqual({ minLength: 10, maxLength: 10, digitsOnly: true, source: "product_code" });
    expect(accountNumberFormat(null, ["000200000001", "000200000002"])).toEqual({ minLength: 12, maxLength: 12, digitsOnly: true, source: "learnt" });
    expect(accountNumberFormat(null, ["10020030", "0002000000001"])).toEqual({ minLength: 8, maxLength: 13, digitsOnly: true, source: "learnt" });
    // a core whose numbers carry letters is not held to digits
    expect(accountNumberFormat(null, ["AH0100000001"])).toMatchObject({ minLength: 12, maxLength: 12, digitsOnly: false });
    expect(accountNumberFormat(null, [])).toEqual(DEFAULT_ACCOUNT_NUMBER_FORMAT);
    expect(accountNumberFormat(null, [" ", ""])).toEqual(DEFAULT_ACCOUNT_NUMBER_FORMAT);
  });

  it("refuses `abc`, and any number the core could not have given", () => {
    const learnt = accountNumberFormat(null, ["000200000001"]);
    expect(accountNumberProblem("abc", learnt)).toBe("must be digits only");
    expect(accountNumberProblem("0002-0000-0001", learnt)).toBe("must be digits only");
    expect(accountNumberProblem("100200300", learnt)).toBe("must be 12 digits");
    expect(accountNumberProblem(" 000200000007 ", learnt)).toBeNull();
    expect(accountNumberProblem("abc", DEFAULT_ACCOUNT_NUMBER_FORMAT)).toBe("must be digits only");
    expect(accountNumberProblem("123", DEFAULT_ACCOUNT_NUMBER_FORMAT)).toBe("must be 4 to 40 digits");
    expect(accountNumberProblem("1234", DEFAULT_ACCOUNT_NUMBER_FORMAT)).toBeNull();
    const letters = accountNumberFormat(null, ["AH0100000001", "AH01000001"]);
    expect(accountNumberProblem("abc", letters)).toBe("must be 10 to 12 characters");
    expect(accountNumberProblem("AH01-0000001", letters)).toBe("must be letters and digits only");
  });
});
