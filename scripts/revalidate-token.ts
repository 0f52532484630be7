// npm run revalidate:token: prints the bearer token of POST /api/revalidate, derived from
// NEXTAUTH_SECRET (or the generated secret in .data/secrets.json, as `npm start` uses it).
import { launcherEnv } from "../lib/env";
import { revalidateToken } from "../lib/security/keys";
import { loadSecrets } from "./lib/database";
import { main } from "./lib/run";

await main(async () => {
  const secret = launcherEnv().NEXTAUTH_SECRET ?? (await loadSecrets()).nextAuthSecret;
  console.log(revalidateToken(secret));
});
