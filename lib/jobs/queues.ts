import "server-only";
import { mailQueue } from "./mail";

/** Every queue of the app, by name: its data's format, settings, handler and schedule. */
export const appQueues = {
  mail: mailQueue,
};

export type AppQueues = typeof appQueues;
export type QueueName = keyof AppQueues;
