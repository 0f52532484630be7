import { clientAddressOf } from "@/lib/auth/client-address";
import { unsubscribe } from "@/lib/data/confirmations";

type Context = { params: Promise<{ token: string }> };

/**
 * One-click unsubscription (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to the
 * address in the message's List-Unsubscribe header. Honoured at once; the link is the proof.
 */
export async function POST(request: Request, { params }: Context) {
  const { token } = await params;
  const done = token.length <= 200 ? await unsubscribe(token, clientAddressOf(request.headers)) : null;
  if (!done) return Response.json({ ok: false, message: "This link is not valid." }, { status: 404 });
  return Response.json({ ok: true, message: "Unsubscribed." });
}
