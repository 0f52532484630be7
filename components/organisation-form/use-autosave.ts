"use client";

import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { autosaveOrganisation, type Autosaved } from "@/lib/actions/organisations";
import type { FormTexts } from "@/components/organisation-form/form-texts";
import { fill } from "@/lib/i18n/template";

/** How often the form is looked at for changes to save. */
const intervalMs = 3000;
const channelName = "prova-drafts";

export type Draft = { changeSetId?: string; revision?: number };

export type AutosaveStatus =
  | { state: "idle" }
  | { state: "saving" }
  | { state: "saved"; at: string }
  /** `loud`: said out loud (an alert); fields still being typed are not. */
  | { state: "not-saved"; reason: "fields" | "signed-out" | "connection"; loud: boolean }
  /** Stopped for good: saved elsewhere since (the server's `message`), or by another tab or window of this browser (`at`); saving here would overwrite it. */
  | { state: "stopped"; message?: string; at?: string };

/** What a save tells the other tabs of the same browser. */
type SavedMessage = { changeSetId: string; organisationId?: string; revision: number; savedAt: string };


/** The form's fields as one string, to tell whether anything changed since the last save. */
function snapshot(form: HTMLFormElement): string {
  const entries = [...new FormData(form).entries()].filter(([name]) => name !== "changeSetId" && name !== "revision" && !name.startsWith("$ACTION"));
  return JSON.stringify(entries.map(([name, value]) => [name, typeof value === "string" ? value : ""]));
}

/**
 * Saves the editor's form as a draft a few seconds after each change, and when the page is left
 * (hidden, closed, or navigated away from inside the app). Each save sends the revision the last
 * one answered, so a save from another tab in between is a conflict on the server, never an
 * overwrite; and other tabs of this browser are told at once (BroadcastChannel), and stop.
 * `element` is the form element itself (state, not a ref: a refused save replaces the element).
 */
export function useAutosave(element: HTMLFormElement | null, initial: Draft & { organisationId?: string }, enabled: boolean) {
  const [draft, setDraft] = useState<Draft>({ changeSetId: initial.changeSetId, revision: initial.revision });
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle" });
  const current = useRef(draft);
  /** The fields as last saved (or as the form's own save sent them, or as they were refused). */
  const saved = useRef<string | null>(null);
  /** The fields as the form's own save sent them, until the page comes back from it. */
  const sentByHand = useRef<string | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const stopped = useRef(false);
  const paused = useRef(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const { organisationId } = initial;

  const stop = useCallback((why: { message?: string; at?: string }) => {
    stopped.current = true;
    setStatus({ state: "stopped", ...why });
  }, []);

  const save = useEffectEvent(async (form: HTMLFormElement) => {
    if (!enabled || inFlight.current || stopped.current || paused.current) return;
    const now = snapshot(form);
    if (now === saved.current) return;
    const data = new FormData(form);
    data.delete("intent");
    data.delete("changeSetId");
    data.delete("revision");
    if (current.current.changeSetId) data.set("changeSetId", current.current.changeSetId);
    if (current.current.revision) data.set("revision", String(current.current.revision));
    setStatus({ state: "saving" });
    inFlight.current = (async () => {
      try {
        const result = await autosaveOrganisation(undefined, data);
        // Whatever the answer, these fields are not sent again until they change.
        saved.current = now;
        if (result.ok && result.data) {
          const { changeSetId, revision, savedAt } = result.data as Autosaved;
          const created = !current.current.changeSetId;
          current.current = { changeSetId, revision };
          setDraft(current.current);
          setStatus({ state: "saved", at: savedAt });
          channel.current?.postMessage({ changeSetId, organisationId, revision, savedAt } satisfies SavedMessage);
          // A reload comes back to this draft, not to an empty form (null: Next's router keeps its own state).
          if (created) window.history.replaceState(null, "", `/admin/changes/${changeSetId}`);
        } else if (result.fieldErrors) {
          setStatus({ state: "not-saved", reason: "fields", loud: false });
        } else if (result.signedOut) {
          setStatus({ state: "not-saved", reason: "signed-out", loud: true });
        } else {
          // Saved elsewhere since (another tab, or submitted): saving here would overwrite it.
          stop({ message: result.message });
        }
      } catch {
        saved.current = now;
        setStatus({ state: "not-saved", reason: "connection", loud: true });
      } finally {
        inFlight.current = null;
      }
    })();
    await inFlight.current;
  });

  /** Another tab saved: if it is this draft (or this organisation's first draft) at a newer revision, this one stops. */
  const heard = useEffectEvent((other: SavedMessage) => {
    const mine = current.current;
    const same = mine.changeSetId ? other.changeSetId === mine.changeSetId : organisationId !== undefined && other.organisationId === organisationId;
    if (same && other.revision > (mine.revision ?? 0)) {
      stop({ at: other.savedAt });
    }
  });

  /** Saves now what changed (the way to another page that shows the draft waits for it). */
  const flushNow = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    if (!enabled || !element) return;
    saved.current ??= snapshot(element);
    const timer = window.setInterval(() => void save(element), intervalMs);
    const leaving = () => {
      if (document.visibilityState === "hidden") void save(element);
    };
    document.addEventListener("visibilitychange", leaving);
    const hidden = () => void save(element);
    window.addEventListener("pagehide", hidden);
    flushNow.current = async () => {
      await inFlight.current;
      await save(element);
    };
    channel.current = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(channelName);
    channel.current?.addEventListener("message", (event: MessageEvent<SavedMessage>) => heard(event.data));
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", leaving);
      window.removeEventListener("pagehide", hidden);
      // Leaving the page inside the app: what was typed since the last save is saved now.
      void save(element);
      channel.current?.close();
      channel.current = null;
    };
  }, [enabled, element]);

  // The page was rendered again after the form's own save (same draft, a newer revision): what
  // that save sent is saved; anything typed since is still to be saved.
  useEffect(() => {
    paused.current = false;
    if (initial.changeSetId && initial.changeSetId === current.current.changeSetId && (initial.revision ?? 0) > (current.current.revision ?? 0)) {
      current.current = { changeSetId: initial.changeSetId, revision: initial.revision };
      setDraft(current.current);
      if (sentByHand.current !== null) saved.current = sentByHand.current;
    }
    sentByHand.current = null;
  }, [initial.changeSetId, initial.revision]);

  /** The form's own save is on its way with these fields: nothing is saved behind its back meanwhile. */
  const pause = useCallback(() => {
    paused.current = true;
    if (element) sentByHand.current = snapshot(element);
  }, [element]);

  /** The form's own save came back refused: saving automatically goes on. */
  const resume = useCallback(() => {
    paused.current = false;
    sentByHand.current = null;
  }, []);

  /**
   * The draft as the last save left it, once no save is on its way: the form's own save sends
   * that revision (sent with the older one, it would be refused as a save from elsewhere).
   */
  const settled = useCallback((): Promise<Draft> | null => (inFlight.current ? inFlight.current.then(() => current.current) : null), []);

  const flush = useCallback(() => flushNow.current(), []);

  return { draft, status, pause, resume, settled, flush };
}

type AutosaveTexts = Pick<
  FormTexts,
  "locale" | "autosaving" | "autosaved" | "notSavedFields" | "notSavedSignedOut" | "notSavedConnection" | "notSavedBecause" | "changedElsewhere" | "savedInOtherTab"
>;

/** What the form says of its automatic saves, in its language: failures and stops out loud, progress quietly. */
export function autosaveText(status: AutosaveStatus, t: AutosaveTexts): string {
  const time = (iso: string) => new Date(iso).toLocaleTimeString(t.locale, { hour: "2-digit", minute: "2-digit" });
  switch (status.state) {
    case "idle":
      return "";
    case "saving":
      return t.autosaving;
    case "saved":
      return fill(t.autosaved, { time: time(status.at) });
    case "not-saved":
      return status.reason === "fields" ? t.notSavedFields : status.reason === "signed-out" ? t.notSavedSignedOut : t.notSavedConnection;
    case "stopped":
      return status.at ? fill(t.savedInOtherTab, { time: time(status.at) }) : fill(t.notSavedBecause, { reason: status.message ?? t.changedElsewhere });
  }
}
