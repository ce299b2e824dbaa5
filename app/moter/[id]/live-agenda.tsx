'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { connectMeetingSocket } from './rom/meeting-socket';

/**
 * Keeps the saksliste page live: it watches the meeting over socket.io (not
 * joining the room — nobody is counted present here) and loads the page's
 * data again when the chair reorders, adds, moves an item on or off the
 * A-list, takes an item up, locks it or closes the meeting, wherever that was
 * done — so it shows the same items, order and states as the room. Shows
 * nothing; a refused watch only means no live updates.
 */
export function LiveAgenda({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    const socket = connectMeetingSocket();
    socket.on('connect', () => socket.emit('meeting:watch-agenda', { meetingId }, (ack) => setWatching(ack.ok)));
    const reload = () => router.refresh();
    socket.on('meeting:agenda-changed', reload);
    socket.on('meeting:item', reload);
    socket.on('meeting:current', reload);
    socket.on('meeting:closed', reload);
    return () => {
      socket.close();
    };
  }, [meetingId, router]);
  // Says, for tests and tools, that changes from now on reach this page (nothing to see or hear).
  return <span hidden data-live-agenda={watching ? 'watching' : 'off'} />;
}
