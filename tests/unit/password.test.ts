import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/core/validation/password";
import { sameOriginPath as safeNextPath } from "@/lib/auth/home";
import { signInSchema } from "@/lib/core/validation/auth";

describe("password rules", () => {
  it("refuses fewer than 12 characters, counting characters not bytes", () => {
    expect(passwordProblem("elevenchars")).toMatch(/at least 12/);
    expect(passwordProblem("twelve chars")).toBeNull();
    expect(passwordProblem("ü".repeat(5) + "abcdefg")).toBeNull();
  });

  it("refuses more than 128 characters", () => {
    expect(passwordProblem("x".repeat(PASSWORD_MAX) + "yz")).toMatch(/at most 128/);
    expect(passwordProblem("ab".repeat(PASSWORD_MAX / 2))).toBeNull();
  });

  it("refuses passwords from the common list in any case", () => {
    expect(passwordProblem("password1234")).toMatch(/commonly used/);
    expect(passwordProblem("PassWord1234")).toMatch(/commonly used/);
    expect(passwordProblem("qwertyuiop123")).toMatch(/commonly used/);
  });

  it("has no composition rules: long lowercase passphrases pass", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("maple", "river", "stone", "cloud", "lamp", "violet"), { minLength: 4, maxLength: 8 }), (words) => {
        const phrase = words.join(" ");
        expect(passwordProblem(phrase)).toBeNull();
      }),
    );
  });

  it("accepts every length between the limits unless the text is one repeated character", () => {
    fc.assert(
      fc.property(fc.string({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, unit: "grapheme-ascii" }), (pw) => {
        const problem = passwordProblem(pw);
        if (/^(.)\1+$/.test(pw) || problem?.includes("commonly")) return;
        expect(problem).toBeNull();
      }),
    );
  });
});

describe("sign-in input", () => {
  it("normalises the email and keeps the password as typed", () => {
    const r = signInSchema.parse({ email: "  Ada@Example.COM ", password: " spaced " });
    expect(r.email).toBe("ada@example.com");
    expect(r.password).toBe(" spaced ");
  });

  it("only returns to same-site paths after sign-in", () => {
    expect(safeNextPath("/candidates/123?x=1")).toBe("/candidates/123?x=1");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil", "javascript:alert(1)", "/api/v1/pipeline", 42, undefined]) {
      expect(safeNextPath(bad)).toBeNull();
    }
  });
});
