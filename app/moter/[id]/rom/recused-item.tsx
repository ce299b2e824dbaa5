'use client';

import { nb } from '@/lib/i18n/nb';
import type { MeetingRoom } from '@/lib/meetings/get-meeting-room';
import { RecusalControl } from '../recusal-control';
import { ActingChairControl } from './acting-chair-control';

type Item = MeetingRoom['items'][number];

/**
 * An item the viewer declared themselves inhabil for (forvaltningsloven § 6):
 * its title, that they are inhabil, and — until it is locked — the way to
 * withdraw. Nothing of the case, the notes or the conclusion reaches this
 * screen (lib/meetings/get-meeting-room.ts leaves them out). The meeting's
 * chair, inhabil, still names who chairs the item in their place.
 */
export function RecusedItem(props: { item: Item; meetingClosed: boolean; canChair: boolean; members: { id: string; name: string }[] }) {
  const { item, meetingClosed } = props;
  return (
    <article aria-labelledby="item-title">
      <h2
        id="item-title"
        tabIndex={-1}
        className="text-xl font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
      >
        {item.title || nb.cases.untitled}
      </h2>
      <RecusalControl meetingId={item.meetingId} itemId={item.id} title={item.title} recused locked={item.locked || meetingClosed} />
      {item.chairRecused && props.canChair && !item.locked && !meetingClosed ? (
        <ActingChairControl meetingId={item.meetingId} itemId={item.id} actingChairId={item.actingChairId} members={props.members} />
      ) : null}
    </article>
  );
}
