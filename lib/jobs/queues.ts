import "server-only";
import { confirmationsDueQueue } from "./confirmations";
import { duplicatesScanQueue } from "./duplicates";
import { importsQueue } from "./imports";
import { linkCheckQueue, linksDispatchQueue, linksSyncQueue } from "./links";
import { mailQueue } from "./mail";
import { reviewDigestQueue } from "./notifications";

/** Every queue of the app, by name: its data's format, settings, handler and schedule. */
export const appQueues = {
  mail: mailQueue,
  "link-check": linkCheckQueue,
  "links-dispatch": linksDispatchQueue,
  "links-sync": linksSyncQueue,
  "duplicates-scan": duplicatesScanQueue,
  "confirmations-due": confirmationsDueQueue,
  "review-digest": reviewDigestQueue,
  imports: importsQueue,
};

export type AppQueues = typeof appQueues;
export type QueueName = keyof AppQueues;
