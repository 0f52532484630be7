import { describe, expect, it } from "vitest";
import type { Verdict } from "./check";
import { classifyHistory } from "./history";

const day = 24 * 60 * 60 * 1000;
const start = Date.parse("2026-03-01T08:00:00Z");
/** History entries at the given days after `start`. */
const at = (...entries: Array<[number, Verdict]>) => entries.map(([days, verdict]) => ({ checkedAt: new Date(start + days * day), verdict }));

describe("classifyHistory", () => {
  it("has no verdict without history", () => {
    expect(classifyHistory([])).toEqual({ verdict: null, failures: 0, failingSince: null });
  });

  it("reports the latest verdict when it is not a failure", () => {
    expect(classifyHistory(at([0, "failing"], [1, "failing"], [2, "ok"]))).toEqual({ verdict: "ok", failures: 0, failingSince: null });
    expect(classifyHistory(at([0, "ok"], [1, "blocked"]))).toMatchObject({ verdict: "blocked" });
  });

  it("calls three failures over three days broken", () => {
    expect(classifyHistory(at([0, "ok"], [1, "failing"], [2.5, "failing"], [4, "failing"]))).toEqual({
      verdict: "broken",
      failures: 3,
      failingSince: new Date(start + day),
    });
  });

  it("keeps failures failing while they are too few or too close together", () => {
    expect(classifyHistory(at([0, "failing"], [5, "failing"]))).toMatchObject({ verdict: "failing", failures: 2 });
    expect(classifyHistory(at([0, "failing"], [1, "failing"], [2.9, "failing"]))).toMatchObject({ verdict: "failing", failures: 3 });
    expect(classifyHistory(at([0, "failing"], [0.1, "failing"], [0.2, "failing"], [0.3, "failing"]))).toMatchObject({ verdict: "failing", failures: 4 });
  });

  it("counts only failures since the last other result", () => {
    const history = at([0, "failing"], [1, "failing"], [2, "ok"], [3, "failing"], [4, "failing"], [5, "failing"]);
    expect(classifyHistory(history)).toMatchObject({ verdict: "failing", failures: 3, failingSince: new Date(start + 3 * day) });
    expect(classifyHistory([...history, ...at([6, "failing"])])).toMatchObject({ verdict: "broken", failures: 4 });
  });

  it("takes history in any order, and other thresholds", () => {
    const history = at([3, "failing"], [0, "failing"], [1.5, "failing"]);
    expect(classifyHistory(history)).toMatchObject({ verdict: "broken", failingSince: new Date(start) });
    expect(classifyHistory(history, { minFailures: 4 })).toMatchObject({ verdict: "failing" });
    expect(classifyHistory(history, { minSpanMs: 4 * day })).toMatchObject({ verdict: "failing" });
  });
});
