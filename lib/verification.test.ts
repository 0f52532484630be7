import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import { formatDay } from "@/lib/i18n/locales";
import { describe, expect, it } from "vitest";
import {
  addMonths,
  apiSource,
  lastCheckedMessage,
  verificationDueAt,
} from "./verification";

describe("addMonths", () => {
  it("keeps the day and time, or takes the month's last day", () => {
    expect(
      addMonths(new Date("2026-12-03T10:20:30.456Z"), 12).toISOString(),
    ).toBe("2027-12-03T10:20:30.456Z");
    expect(
      addMonths(new Date("2026-01-31T00:00:00.000Z"), 1).toISOString(),
    ).toBe("2026-02-28T00:00:00.000Z");
    expect(
      addMonths(new Date("2027-08-31T00:00:00.000Z"), 6).toISOString(),
    ).toBe("2028-02-29T00:00:00.000Z");
    expect(
      addMonths(new Date("2026-11-15T00:00:00.000Z"), 3).toISOString(),
    ).toBe("2027-02-15T00:00:00.000Z");
  });
});

describe("verificationDueAt", () => {
  it("counts from the last verification, or from the creation when never verified", () => {
    const createdAt = new Date("2025-05-01T00:00:00.000Z");
    expect(
      verificationDueAt(
        { createdAt, lastVerifiedAt: new Date("2026-03-10T00:00:00.000Z") },
        12,
      ).toISOString(),
    ).toBe("2027-03-10T00:00:00.000Z");
    expect(
      verificationDueAt({ createdAt, lastVerifiedAt: null }, 6).toISOString(),
    ).toBe("2025-11-01T00:00:00.000Z");
  });
});

describe("lastCheckedMessage", () => {
  const date = new Date("2026-12-03T23:30:00.000Z");
  const t = createTranslator({ locale: "en", messages: en, namespace: "Organisation" });
  const say = (at: Date | null, source: Parameters<typeof lastCheckedMessage>[1]) => t(lastCheckedMessage(at, source), { date: formatDay("en", date) });

  it("says when, and by whom in general terms", () => {
    expect(say(date, "STAFF")).toBe("Last checked on 3 December 2026 by PROVA staff.");
    expect(say(date, "ORGANISATION")).toBe("Confirmed by the organisation on 3 December 2026.");
    expect(say(date, "IMPORT")).toBe("Last checked on 3 December 2026 from an import.");
    expect(say(date, null)).toBe("Last checked on 3 December 2026.");
    expect(say(null, null)).toBe("Not checked yet.");
  });
});

describe("apiSource", () => {
  it("names the source in lower case", () => {
    expect(apiSource("ORGANISATION")).toBe("organisation");
    expect(apiSource(null)).toBeNull();
  });
});
