import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv.js";

describe("csvCell", () => {
  it("quotes cells with commas, quotes and line breaks and doubles the quotes", () => {
    expect(csvLine(["plain", "a,b", 'say "hi"', "two\nlines", null, 3])).toBe('plain,"a,b","say ""hi""","two\nlines",,3\r\n');
  });

  it("turns cells a spreadsheet would run as formulas into text", () => {
    expect(["=1+1", "+1", "-2", "@SUM(A1)"].map(csvCell)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)"]);
    expect(csvCell('=HYPERLINK("x",1)')).toBe(`"'=HYPERLINK(""x"",1)"`);
    expect(csvCell(-5)).toBe("-5");
  });
});
