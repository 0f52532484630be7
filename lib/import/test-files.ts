import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * Files for a test file's imports: a temporary directory made before its tests and removed after
 * them. `fixture` writes a file of its own into it; `pathOf` names one there.
 */
export function testFiles(prefix: string) {
  let directory = "";
  let count = 0;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });
  return {
    async fixture(content: string | Buffer, extension = "csv"): Promise<string> {
      const path = join(directory, `file-${++count}.${extension}`);
      await writeFile(path, content);
      return path;
    },
    pathOf: (name: string) => join(directory, name),
  };
}
