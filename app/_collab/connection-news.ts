import { useEffect, useRef, useState } from 'react';
import type { ConnectionState } from './use-yjs-form';

/** What a form's connection has to tell a screen reader: trouble, or that the trouble is over. */
export type ConnectionNews = 'offline' | 'ended' | 'unsaved' | 'back' | null;

/**
 * The news in a form's connection, for a live region of its own. The visible
 * save status ("Lagrer …", "Alle endringer er lagret.") changes at every edit —
 * one's own and, as the page confirms what arrives, everyone else's — so read
 * aloud it drowned the room: Orca said "Tilkoblet. Alle endringer er lagret."
 * after every few words the chair typed. Only a lost connection, a server that
 * cannot store, and the end of either are news; the first connection is the
 * page loading, and "connecting" between attempts changes nothing. Trouble
 * over within `graceMs` is no news either: a lock reconnects the item's
 * editors read-only, and Orca then said "Tilkoblet igjen." after "Punktet er låst.".
 */
const graceMs = 1500;

export function useConnectionNews(connection: ConnectionState, unsaved: boolean): ConnectionNews {
  const trouble: ConnectionNews | undefined =
    connection === 'offline' || connection === 'ended' ? connection : connection === 'online' ? (unsaved ? 'unsaved' : null) : undefined;
  const [news, setNews] = useState<ConnectionNews>(null);
  const inTrouble = useRef(false);
  useEffect(() => {
    if (trouble === undefined) return;
    if (trouble) {
      const timer = setTimeout(() => {
        inTrouble.current = true;
        setNews(trouble);
      }, graceMs);
      return () => clearTimeout(timer);
    }
    if (inTrouble.current) {
      inTrouble.current = false;
      setNews('back');
    }
  }, [trouble]);
  return news;
}
