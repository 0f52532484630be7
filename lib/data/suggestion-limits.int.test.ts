import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptSuggestion, recordSuggestionAttempt } from "./suggestion-limits";

afterAll(() => db.$disconnect());

const limits = { maxAttemptsPerHour: 8, maxPerHour: 3 };
const freshAddress = () => `suggest-${crypto.randomUUID().slice(0, 8)}`;
const stored = async () => "stored" as const;

describe("suggestion limits", () => {
  it("refused attempts (a mistyped form) do not use up the suggestions per hour", async () => {
    const address = freshAddress();
    // Three mistakes: recorded attempts, never accepted.
    for (let i = 0; i < 3; i++) expect(await recordSuggestionAttempt(address, limits)).toEqual(expect.any(String));
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const attempt = await recordSuggestionAttempt(address, limits);
      outcomes.push(await acceptSuggestion(address, attempt!, limits, stored));
    }
    expect(outcomes).toEqual(["stored", "stored", "stored", "over-limit"]);
  });

  it("caps raw attempts separately, higher, and forgets them after an hour", async () => {
    const address = freshAddress();
    const attempts = [];
    for (let i = 0; i < 9; i++) attempts.push(await recordSuggestionAttempt(address, limits));
    expect(attempts.filter(Boolean)).toHaveLength(8);
    expect(attempts[8]).toBeNull();
    await db.suggestionAttempt.updateMany({ where: { address }, data: { createdAt: new Date(Date.now() - 61 * 60 * 1000) } });
    expect(await recordSuggestionAttempt(address, limits)).toEqual(expect.any(String));
  });

  it("gives the slot back when the suggestion is not stored after all", async () => {
    const address = freshAddress();
    for (let i = 0; i < limits.maxPerHour; i++) {
      const attempt = await recordSuggestionAttempt(address, limits);
      await expect(acceptSuggestion(address, attempt!, limits, () => Promise.reject(new Error("changes nothing")))).rejects.toThrow("changes nothing");
    }
    const attempt = await recordSuggestionAttempt(address, limits);
    expect(await acceptSuggestion(address, attempt!, limits, stored)).toBe("stored");
  });

  it("parallel posts cannot all pass one check, for either limit", async () => {
    const address = freshAddress();
    const attempts = await Promise.all(Array.from({ length: 12 }, () => recordSuggestionAttempt(address, limits)));
    expect(attempts.filter(Boolean)).toHaveLength(limits.maxAttemptsPerHour);
    const outcomes = await Promise.all(
      attempts
        .filter((attempt): attempt is string => attempt !== null)
        // A slow insert: the slots are held while it runs, not counted after it.
        .map((attempt) => acceptSuggestion(address, attempt, limits, () => new Promise<"stored">((resolve) => setTimeout(() => resolve("stored"), 50)))),
    );
    expect(outcomes.filter((outcome) => outcome === "stored")).toHaveLength(limits.maxPerHour);
    expect(await db.suggestionAttempt.count({ where: { address, accepted: true } })).toBe(limits.maxPerHour);
  });
});
