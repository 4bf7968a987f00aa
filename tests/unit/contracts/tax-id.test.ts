import { describe, expect, it } from "vitest";
import { isValidTaxId } from "@/lib/contracts/store";

describe("統一編號 checksum (weights 1,2,1,2,1,2,4,1; divisible by 5)", () => {
  it("accepts valid numbers, including ones valid only under the 5-rule and the 7th-digit-7 rule", () => {
    expect(isValidTaxId("04595257")).toBe(true); // total 40
    expect(isValidTaxId("22099131")).toBe(true);
    expect(isValidTaxId("10458574")).toBe(true); // total 29: valid only because the 7th digit 7 may count 28 as 1
    expect(isValidTaxId("10458575")).toBe(true); // total 30
    expect(isValidTaxId("00000005")).toBe(true); // total 5: valid only since the 5-rule
  });
  it("refuses wrong check digits and anything but 8 digits", () => {
    for (const bad of ["04595258", "10458573", "12345678", "0459525", "045952570", "0459525a", "", " 04595257"]) expect(isValidTaxId(bad), bad).toBe(false);
  });
});
