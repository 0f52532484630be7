import { PHASE_PRODUCTION_BUILD } from "next/constants";

/**
 * Whether `next build` is prerendering. A build needs no database: the pages that read it are
 * prerendered empty then, and no server ever serves those (lib/local-cache-handler.js serves
 * only what its own process rendered; the Redis cache never holds build output), so each renders
 * on its first request and is cached from there.
 */
export const isBuildPhase = () => process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
