import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { unsubscribeAction } from "@/lib/actions/confirmations";

export const metadata: Metadata = { title: "Receive no more requests", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// A page with a button, not an unsubscription on opening: mail scanners open every link.
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">Receive no more requests to confirm a listing</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        The PROVA directory will send no more of these requests to the address this message went to, from now on. The listing stays as it is; our
        staff check it themselves.
      </p>
      <ActionForm className="mt-6" action={unsubscribeAction} fields={{ token: token.slice(0, 200) }} submit="Stop these requests" pending="Saving…" variant="primary" />
    </>
  );
}
