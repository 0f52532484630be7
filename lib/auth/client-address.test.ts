import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the last entry without proxies", () => {
    expect(clientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("1.1.1.1, 203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("skips the entries added by trusted proxies, so a forged first entry is ignored", () => {
    // client forged "6.6.6.6"; the one proxy appended the real client address.
    expect(clientAddress("6.6.6.6, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("copes with missing or short headers", () => {
    expect(clientAddress(null, 1)).toBe("unknown");
    expect(clientAddress("198.51.100.7", 3)).toBe("198.51.100.7");
  });
});
