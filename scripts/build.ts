// npm run build: a production build. It reads no database (lib/build-phase.ts): the pages that
// read one render on their first request and are cached from there. `npm start` builds by itself
// when the build is missing or its sources changed.
import { ensureBuild } from "./lib/build";
import { main } from "./lib/run";

await main(async () => {
  await ensureBuild(".next", { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, { force: true });
});
