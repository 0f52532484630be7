import { describe, expect, it } from "vitest";
import { passwordSchema } from "./password";

const message = (password: string) => passwordSchema.safeParse(password).error?.issues[0]?.message;

describe("passwordSchema", () => {
  it("accepts a long password without composition rules", () => {
    expect(passwordSchema.safeParse("correct horse battery staple").success).toBe(true);
    expect(passwordSchema.safeParse("прова-каталог-2026").success).toBe(true);
  });

  it("refuses short, common and repetitive passwords with a reason", () => {
    expect(message("short")).toBe("Use at least 12 characters.");
    expect(message("123456789012")).toBe("This password is too common. Choose one that is harder to guess.");
    expect(message("PASSWORD1234")).toBe("This password is too common. Choose one that is harder to guess.");
    expect(message("aaaaaaaaaaaaaaaa")).toBe("Use more different characters.");
  });
});
