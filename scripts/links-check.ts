// npm run links:check -- URL…: checks the URLs with the link checker the jobs use and prints one
// JSON line per URL, in the order given. The verdict is in the output, not the exit code (0), so
// a list with dead links is not a failed command; missing arguments exit 2.
import { EnvError, launcherEnv } from "../lib/env";
import { checkMany } from "../lib/links/batch";
import type { CheckResult } from "../lib/links/check";

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("usage: npm run links:check -- URL [URL…]\n  APP_URL names the site in the User-Agent; LINK_CHECK_ALLOWED_HOSTS (comma-separated) may be private.");
  process.exit(2);
}

function readEnv() {
  try {
    return launcherEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const env = readEnv();

// Printed in the order given, each as soon as it and those before it are done.
const results: CheckResult[] = [];
let printed = 0;
await checkMany(urls, {
  appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  allowedHosts: env.LINK_CHECK_ALLOWED_HOSTS,
  onResult(result, index) {
    results[index] = result;
    for (; results[printed]; printed++) console.log(JSON.stringify(results[printed]));
  },
});
