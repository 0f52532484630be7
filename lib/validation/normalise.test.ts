import { describe, expect, it } from "vitest";
import { normaliseAddress, normaliseEmail, normalisePhone, normaliseUrl } from "./normalise";

describe("normaliseUrl", () => {
  it("adds https:// to a bare address", () => {
    expect(normaliseUrl("www.allo-tolerance.eu")).toEqual({ ok: true, value: "https://www.allo-tolerance.eu" });
    expect(normaliseUrl("  alde-cor.eu/contact/ ")).toEqual({ ok: true, value: "https://alde-cor.eu/contact/" });
  });

  it("keeps http and https addresses as typed", () => {
    expect(normaliseUrl("http://www.savebelgium.org")).toEqual({ ok: true, value: "http://www.savebelgium.org" });
    expect(normaliseUrl("https://diplomatie.belgium.be/en/Contact")).toEqual({
      ok: true,
      value: "https://diplomatie.belgium.be/en/Contact",
    });
  });

  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x", "ftp://example.org", "mailto:a@b.eu"])(
    "refuses %s",
    (input) => {
      const result = normaliseUrl(input);
      expect(result.ok).toBe(false);
    },
  );

  it("refuses text that is not an address", () => {
    expect(normaliseUrl("")).toMatchObject({ ok: false, message: "Enter a web address." });
    expect(normaliseUrl("not a url")).toMatchObject({ ok: false, message: "A web address cannot contain spaces." });
    expect(normaliseUrl("localhost")).toMatchObject({ ok: false });
    expect(normaliseUrl("https://user:pw@example.org")).toMatchObject({ ok: false });
  });
});

describe("normaliseEmail", () => {
  it("lower-cases and trims", () => {
    expect(normaliseEmail(" Info@SaveBelgium.org ")).toEqual({ ok: true, value: "info@savebelgium.org" });
    expect(normaliseEmail("mailto:srt@ocamocad.fgov.be")).toEqual({ ok: true, value: "srt@ocamocad.fgov.be" });
  });

  it.each(["", "info", "info@", "@example.org", "a b@example.org", "info@example", "<x>@example.org"])("refuses %j", (input) => {
    expect(normaliseEmail(input).ok).toBe(false);
  });
});

describe("normalisePhone", () => {
  it("reads the messy numbers of the original directory in the default region", () => {
    expect(normalisePhone("0032 471 51 27 45", "BE")).toEqual({ ok: true, value: "+32471512745" });
    expect(normalisePhone("02 / 238.56.86", "BE")).toEqual({ ok: true, value: "+3222385686" });
    expect(normalisePhone("+32 2 235 21 11", "BE")).toEqual({ ok: true, value: "+3222352111" });
  });

  it("uses the region only for national numbers", () => {
    expect(normalisePhone("+33 1 23 45 67 89", "BE")).toEqual({ ok: true, value: "+33123456789" });
    expect(normalisePhone("01 23 45 67 89", "FR")).toEqual({ ok: true, value: "+33123456789" });
  });

  it("refuses what is not a valid number, saying how to write one", () => {
    const result = normalisePhone("12", "BE");
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toContain("+32 2 234 56 78");
    expect(normalisePhone("02 238 56 86", undefined).ok).toBe(false);
  });
});

describe("normaliseAddress", () => {
  it("keeps one line per line without pasted trailing punctuation", () => {
    expect(
      normaliseAddress("Résidence Palace - International Press Centre,\nrue de la Loi 155 C -\n\n1040 Brussels  "),
    ).toEqual({ ok: true, value: "Résidence Palace - International Press Centre\nrue de la Loi 155 C\n1040 Brussels" });
  });

  it("refuses an empty address", () => {
    expect(normaliseAddress(" \n ,")).toMatchObject({ ok: false, message: "Enter an address." });
  });
});
