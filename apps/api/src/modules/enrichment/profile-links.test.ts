import { describe, expect, it } from "vitest";
import { findProfileLinks } from "./profile-links.js";

describe("findProfileLinks", () => {
  it("finds GitHub, LinkedIn and a personal site however the resume spells them", () => {
    const links = findProfileLinks("Code: github.com/ada-l. Profile https://de.linkedin.com/in/ada-lovelace/ and https://ada.dev/about.");
    expect(links).toEqual({
      github: "https://github.com/ada-l",
      githubLogin: "ada-l",
      linkedin: "https://www.linkedin.com/in/ada-lovelace",
      website: "https://ada.dev/about",
    });
  });

  it("skips GitHub's own pages and finds nothing in a resume without links", () => {
    expect(findProfileLinks("see https://github.com/features then https://github.com/grace").githubLogin).toBe("grace");
    expect(findProfileLinks("Ten years of COBOL.")).toEqual({ github: null, githubLogin: null, linkedin: null, website: null });
  });
});
