import "server-only";
import { headers } from "next/headers";
import { clientAddressOf } from "@/lib/auth/client-address";

/** The current request's client address, for throttling and audit events. */
export async function requestAddress(): Promise<string> {
  return clientAddressOf(await headers());
}
