import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { refuseCrossSite } from "@/lib/auth/route";

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

// Sign-in and sign-out also carry next-auth's CSRF token; the origin check refuses other sites first.
export async function POST(request: Request, context: Context) {
  return (await refuseCrossSite(request)) ?? NextAuth(authOptions())(request, context);
}
