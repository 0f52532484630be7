// Shared by the admin lists: keyset cursors and LIKE patterns.
import { cursorSchema } from "@/lib/validation/ids";

export type Cursor = { value: string; id: string };

/** The cursor of a page's last row (its sort value and id), opaque to the URL. */
export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

/** A cursor from the URL, or null when it is missing or not one of ours. */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text || text.length > 2_000) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Text to match literally inside a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
