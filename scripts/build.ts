// npm run build: a production build against DATABASE_URL (or the embedded database),
// prerendering the ISR pages from its data. `npm start` builds by itself when needed.
import { loadSecrets, resolveDatabase } from "./lib/database";
import { ensureBuild } from "./lib/build";
import { prepareDatabase } from "./lib/prepare";
import { main } from "./lib/run";

await main(async () => {
  const database = await resolveDatabase();
  try {
    await prepareDatabase(database.url, { demo: database.embedded });
    const { db } = await import("../lib/db");
    await db.$disconnect();
    await ensureBuild(
      ".next",
      { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? (await loadSecrets()).nextAuthSecret, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      { force: true },
    );
  } finally {
    await database.stop();
  }
});
