"use client";

import { useState, useTransition } from "react";
import { previewValues } from "@/lib/actions/organisations";

/** The website ("WEBSITE") and contacts as they will be saved and shown, by kind and what was typed. */
type Previews = Map<string, string>;
const key = (type: string, value: string) => `${type}\u0000${value}`;

/**
 * How the website and contacts will be saved, asked of the server (the same normalisers, phones
 * read in the first country) for the form's current values; `savedAs` answers for a value only
 * while it is still what was asked about, and only when it differs from what was typed.
 */
export function useValuePreviews() {
  const [previews, setPreviews] = useState<Previews>(new Map());
  const [, startPreview] = useTransition();
  const preview = (form: FormData) => {
    const data = new FormData();
    const website = String(form.get("website") ?? "");
    data.set("website", website.slice(0, 2000));
    data.set("region", String(form.get("countries") ?? ""));
    const typed: [string, string][] = [];
    for (let i = 0; form.has(`contacts[${i}][type]`) && i < 50; i++) {
      const type = String(form.get(`contacts[${i}][type]`));
      const value = String(form.get(`contacts[${i}][value]`) ?? "").slice(0, 2000);
      data.set(`contacts[${i}][type]`, type);
      data.set(`contacts[${i}][value]`, value);
      typed.push([type, value]);
    }
    startPreview(async () => {
      const result = await previewValues(undefined, data);
      if (!result.ok || !result.data) return;
      const shown = result.data as { website: string | null; contacts: (string | null)[] };
      setPreviews(
        new Map([
          ...(shown.website ? [[key("WEBSITE", website), shown.website] as const] : []),
          ...typed.flatMap(([type, value], index) => (shown.contacts[index] ? [[key(type, value), shown.contacts[index]!] as const] : [])),
        ]),
      );
    });
  };
  const savedAs = (type: string, typed: string) => {
    const saved = previews.get(key(type, typed));
    return saved && saved !== typed.trim() ? saved : undefined;
  };
  return { preview, savedAs };
}
