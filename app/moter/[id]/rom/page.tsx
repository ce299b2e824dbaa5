import type { Metadata } from 'next';
import { requireActor } from '@/app/_auth/require-actor';
import { idOrNotFound, orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { getDb } from '@/lib/db/db';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { loadMeetingRoomPage } from '@/lib/meetings/load-meeting-room-page';
import { MeetingRoom } from './meeting-room';

export const metadata: Metadata = { title: nb.meetingRoom.title };
export const dynamic = 'force-dynamic';

export default async function MeetingRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await requireActor();
  const id = idOrNotFound((await params).id);
  const { room, similar, missing } = await orNotFound(loadMeetingRoomPage({ db: getDb(), actor, meetingId: id }));
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <p className="text-sm text-slate-700">{room.meeting.unitName}</p>
      <h1 className="text-2xl font-semibold tracking-tight first-letter:uppercase">
        {room.meeting.kind === 'saksmote' ? nb.meetingRoom.title : nb.meetingRoom.leaderTitle}: {formatDateTime(room.meeting.startsAt)}–
        {formatTime(room.meeting.endsAt)}
      </h1>
      <MeetingRoom
        room={JSON.parse(JSON.stringify(room))}
        me={{ id: user.id, name: user.name }}
        similar={JSON.parse(JSON.stringify(similar))}
        missing={missing}
      />
    </PageShell>
  );
}
