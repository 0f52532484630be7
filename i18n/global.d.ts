import type { locales } from "./locales";
import type messages from "../messages/en.json";

// Message keys and languages checked by the type checker: a key missing from messages/en.json
// is a type error (messages/messages.test.ts checks the other languages against English).
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof locales)[number];
    Messages: typeof messages;
  }
}
