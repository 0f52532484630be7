import { describe, expect, it } from "vitest";
import { addressRisk, normalizeHost, RefusedError, vetTarget } from "./address";

describe("addressRisk", () => {
  it.each([
    ["93.184.215.14", null],
    ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", null],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["169.254.1.1", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["100.64.0.1", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:93.184.215.14", null],
    ["64:ff9b::10.0.0.1", "private"],
    ["64:ff9b::93.184.215.14", null],
    ["169.254.169.254", "cloud metadata"],
    ["::ffff:169.254.169.254", "cloud metadata"],
    ["fd00:ec2::254", "cloud metadata"],
    ["100.100.100.200", "cloud metadata"],
    ["168.63.129.16", "cloud metadata"],
    ["localhost", "not an IP address"],
  ])("%s: %s", (address, risk) => {
    expect(addressRisk(address)).toBe(risk);
  });
});

describe("vetTarget", () => {
  const none = new Set<string>();

  it("passes a public address without a lookup", async () => {
    expect(await vetTarget(new URL("https://93.184.215.14/"), none)).toEqual([{ address: "93.184.215.14", family: 4 }]);
    expect(await vetTarget(new URL("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"), none)).toEqual([{ address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 }]);
  });

  it("lets allowed hosts be private, written any way, but never metadata", async () => {
    const allowed = new Set(["10.0.0.5", "::1", "localhost"].map(normalizeHost));
    expect(await vetTarget(new URL("http://10.0.0.5:8080/"), allowed)).toEqual([{ address: "10.0.0.5", family: 4 }]);
    expect(await vetTarget(new URL("http://[::1]/"), allowed)).toEqual([{ address: "::1", family: 6 }]);
    expect(await vetTarget(new URL("http://LOCALHOST./"), allowed)).toEqual([{ address: "127.0.0.1", family: 4 }]);
    await expect(vetTarget(new URL("http://10.0.0.6/"), allowed)).rejects.toThrow(new RefusedError("10.0.0.6 is not a public address (private network)"));
    await expect(vetTarget(new URL("http://169.254.169.254/"), new Set(["169.254.169.254"]))).rejects.toThrow(RefusedError);
  });

  it("reads decimal and hexadecimal IPv4 as the URL standard does", async () => {
    await expect(vetTarget(new URL("http://2130706433/"), none)).rejects.toThrow("127.0.0.1 is not a public address (loopback)");
    await expect(vetTarget(new URL("http://0x7f.1/"), none)).rejects.toThrow("127.0.0.1 is not a public address (loopback)");
  });

  it("refuses other schemes before any lookup", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.org/", "gopher://example.org/", "javascript:alert(1)", "data:text/plain,x"]) {
      await expect(vetTarget(new URL(url), none)).rejects.toThrow(/is not http or https$/);
    }
  });
});
