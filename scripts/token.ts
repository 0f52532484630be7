// npm run revalidate:token / npm run bounces:token: prints the bearer token of POST
// /api/revalidate or of POST /api/bounces, derived from NEXTAUTH_SECRET (or the generated secret
// in .data/secrets.json, as `npm start` uses it).
import { launcherEnv } from "../lib/env";
import { bouncesToken, revalidateToken } from "../lib/security/keys";
import { LaunchError, loadSecrets } from "./lib/database";
import { main } from "./lib/run";

const tokens = { revalidate: revalidateToken, bounces: bouncesToken };

await main(async () => {
  const purpose = process.argv[2] as keyof typeof tokens;
  if (!(purpose in tokens)) throw new LaunchError(`Name the token: ${Object.keys(tokens).join(" or ")}.`);
  const secret = launcherEnv().NEXTAUTH_SECRET ?? (await loadSecrets()).nextAuthSecret;
  console.log(tokens[purpose](secret));
});
