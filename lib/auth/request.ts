import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { serverEnv } from "@/lib/env";

/** The current request's client address (per TRUSTED_PROXY_HOPS), for audit events. */
export async function requestAddress(): Promise<string> {
  return clientAddress((await headers()).get("x-forwarded-for"), serverEnv().TRUSTED_PROXY_HOPS);
}
