import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("formDataToObject", () => {
  it("keeps plain fields and drops Next's action fields", () => {
    expect(formDataToObject(form([["name", "Ada"], ["$ACTION_ID_abc", ""], ["$ACTION_REF_1", ""]]))).toEqual({ name: "Ada" });
  });

  it("turns a repeated name into an array, in order", () => {
    expect(formDataToObject(form([["country", "BE"], ["country", "NL"], ["country", "FR"]]))).toEqual({ country: ["BE", "NL", "FR"] });
  });

  it("nests bracketed names into arrays and objects", () => {
    const data = form([
      ["contacts[0][type]", "EMAIL"],
      ["contacts[0][value]", "a@example.org"],
      ["contacts[1][type]", "PHONE"],
      ["contacts[1][value]", "0032 471 51 27 45"],
      ["meta[note]", "hello"],
    ]);
    expect(formDataToObject(data)).toEqual({
      contacts: [
        { type: "EMAIL", value: "a@example.org" },
        { type: "PHONE", value: "0032 471 51 27 45" },
      ],
      meta: { note: "hello" },
    });
  });

  it("ignores names that could pollute prototypes, malformed paths and huge indices", () => {
    const result = formDataToObject(
      form([["__proto__[admin]", "yes"], ["a[constructor][prototype]", "x"], ["b[", "x"], ["c[]", "x"], ["d[100000]", "x"], ["ok", "1"]]),
    );
    expect(result).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("never writes onto inherited properties such as Object.prototype.toString", () => {
    const result = formDataToObject(form([["toString[x]", "1"], ["a[valueOf][y]", "2"], ["hasOwnProperty", "3"]]));
    expect((Object.prototype.toString as unknown as Record<string, unknown>).x).toBeUndefined();
    expect((Object.prototype.valueOf as unknown as Record<string, unknown>).y).toBeUndefined();
    expect(result).toEqual({ toString: { x: "1" }, a: { valueOf: { y: "2" } }, hasOwnProperty: "3" });
  });

  it("ignores files", () => {
    const data = new FormData();
    data.append("upload", new Blob(["x"]), "x.txt");
    data.append("name", "Ada");
    expect(formDataToObject(data)).toEqual({ name: "Ada" });
  });
});
