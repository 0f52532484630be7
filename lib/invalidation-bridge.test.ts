import { MessageChannel } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AnnouncedInvalidations, announceInvalidation, announceTo, announceUnwritten, sharedCounter, type Invalidation } from "./invalidation-bridge.js";
import { TagInvalidations } from "./tag-invalidations.js";

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) channel.port1.close();
  // Nothing announced to a closed port by the next test.
  announceTo({ postMessage() {} }, sharedCounter());
});

/** Next's side announcing on one port, the front side's clock applying what reaches the other. */
function bridge() {
  const channel = new MessageChannel();
  channels.push(channel);
  const counter = sharedCounter();
  announceTo(channel.port1, counter);
  const local = new TagInvalidations();
  const clock = new AnnouncedInvalidations(local, counter, ({ tags }) => local.invalidate(tags));
  channel.port2.on("message", ({ invalidation }: { invalidation: Invalidation }) => clock.receive(invalidation));
  channel.port2.unref();
  return clock;
}

describe("invalidations told to the front thread", () => {
  it("answers unknown from the moment one is announced until it has been applied, then what it says", async () => {
    const clock = bridge();
    const stamp = clock.stamp();
    expect(stamp).toBe(0);
    expect(clock.unchangedSince(["organisation:1"], 0)).toBe(true);
    announceInvalidation({ tags: ["organisation:1"] });
    expect(clock.stamp()).toBeNull();
    expect(clock.unchangedSince(["organisation:2"], 0)).toBeNull();
    await vi.waitFor(() => expect(clock.stamp()).toBe(1));
    expect(clock.unchangedSince(["organisation:1"], 0)).toBe(false);
    expect(clock.unchangedSince(["organisation:2"], 0)).toBe(true);
  });

  it("answers unknown while Next's thread holds an invalidation Redis has not taken", () => {
    const clock = bridge();
    announceUnwritten(true);
    expect(clock.stamp()).toBeNull();
    expect(clock.unchangedSince(["public"], 0)).toBeNull();
    announceUnwritten(false);
    expect(clock.stamp()).toBe(0);
  });
});
