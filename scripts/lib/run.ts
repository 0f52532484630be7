// Shared by the launcher scripts: clear one-line failures instead of stack traces.
import { EnvError } from "../../lib/env";
import { LaunchError } from "./database";

export async function main(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof LaunchError || error instanceof EnvError) {
      console.error(`\n✖ ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
