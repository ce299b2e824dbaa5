'use client';

import { Alert, Button } from '@digdir/designsystemet-react';
import '@/app/_collab/zod-client-config';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { leaveIfSessionEnded, leaveOrReloadAfterServerDisconnect, sessionEndedUrl } from '@/app/_auth/check-session-ended';

import { nb } from '@/lib/i18n/nb';
import type { MeetingRoom as Room } from '@/lib/meetings/get-meeting-room';
import { Agenda } from './agenda-sidebar';
import { ItemPanel } from './item-panel';
import { ReferentControl } from './referent-control';
import { FollowNotice } from './follow-notice';
import { useAnnouncer } from './live-announcer';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { meetingTimeline } from '@/lib/meetings/meeting-timeline';
import { useNow } from './use-now';
import { betterSample, sampleOffset, type OffsetSample } from '@/lib/time/clock-offset';
import { connectMeetingSocket, sendCommand, type MeetingCommand, type MeetingSocket } from './meeting-socket';
import { SimilarCasesPanel } from '@/app/_history/similar-cases-panel';
import type { SimilarCase } from '@/lib/history/similar-cases';

const t = nb.meetingRoom;

/**
 * The shared meeting screen. The chair's "current item" comes over socket.io
 * and every screen that follows moves with it (one that opened another item
 * stays there until "Følg møteleder"); the agenda, presence and the chair's
 * controls live here, the item's notes and conclusion in ItemPanel (Yjs).
 */
export function MeetingRoom({
  room,
  me,
  similar,
  missing,
}: {
  room: Room;
  me: { id: string; name: string };
  similar: Record<string, SimilarCase[]>;
  /** For the chair: what each item's case still lacks (item id → gaps in words; lib/meetings/live-readiness.ts). */
  missing?: Record<string, string[]>;
}) {
  const router = useRouter();
  const socketRef = useRef<MeetingSocket | null>(null);
  const [currentId, setCurrentId] = useState<string | null>(room.meeting.currentItemId);
  const [selectedId, setSelectedId] = useState<string | null>(room.meeting.currentItemId ?? room.items[0]?.id ?? null);
  /** Whether this screen follows the chair: looking at another item stops it, "Følg møteleder" starts it again. */
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);
  const follow = (yes: boolean) => {
    followingRef.current = yes;
    setFollowing(yes);
  };
  /** What this screen shows, for the socket handlers (a ref: they are set up once). */
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  /** After "Følg møteleder", focus goes to the item's heading: the button that had it is gone with the notice. */
  const [focusTitle, setFocusTitle] = useState(0);
  useEffect(() => {
    if (focusTitle) document.getElementById('item-title')?.focus();
  }, [focusTitle]);
  /** Item starts and ends as the chair moved on since the page loaded; the page's own values for the rest. */
  const [startedAt, setStartedAt] = useState<Record<string, string>>({});
  const [endedAt, setEndedAt] = useState<Record<string, string | null>>({});
  const [people, setPeople] = useState<{ userId: string; name: string }[]>([]);
  const [closed, setClosed] = useState<{ carriedOver: number; closedAt: string | null } | null>(
    room.meeting.status === 'closed' ? { carriedOver: 0, closedAt: room.meeting.closedAt as unknown as string | null } : null,
  );
  /** Each item's status as the meeting ended, from the close itself: every screen shows the same end without reloading. */
  const [endedAs, setEndedAs] = useState<Record<string, string>>({});
  const endMeeting = (closing: { carriedOver: number; closedAt: string; items: { id: string; status: string }[] }) => {
    setClosed({ carriedOver: closing.carriedOver, closedAt: closing.closedAt });
    setEndedAs(Object.fromEntries(closing.items.map((i) => [i.id, i.status])));
    setCurrentId(null); // no item is up: its timer stops
    currentRef.current = null;
  };
  /** A caseworker keeps only her own cases' items of a closed meeting (the rest listed withheld), so she loads it again. */
  const ownItemsOnceClosed = useRef(room.ownItemsOnceClosed);
  const [problem, setProblem] = useState<string | null>(null);
  /** Closing, and opening the meeting before its submission deadline, are confirmed in the design system's dialog. */
  const [ask, confirmDialog] = useConfirm();
  const meetingId = room.meeting.id;
  /** Screen readers hear the current item change and the room's connection drop and come back (live-announcer.tsx). */
  const [announce, announcer] = useAnnouncer('room');
  const titlesRef = useRef(new Map<string, string>());
  titlesRef.current = new Map(room.items.map((i) => [i.id, i.title || nb.cases.untitled]));
  const currentRef = useRef(currentId);
  /** How far this device's clock is from the server's, from the best join answer so far: the timers run on the server's time. */
  const [clockOffset, setClockOffset] = useState<OffsetSample | null>(null);

  useEffect(() => {
    const socket = connectMeetingSocket();
    socketRef.current = socket;
    // The room renders what the page was allowed to load; a refused join only means no live updates.
    let lost = false;
    socket.on('connect', () => {
      const sentAt = Date.now();
      socket.emit('meeting:join', { meetingId }, (ack) => {
        if (!ack.ok) return;
        const sample = sampleOffset({ sentAt, receivedAt: Date.now(), serverNow: Date.parse(ack.now) });
        setClockOffset((kept) => betterSample(kept, sample));
      });
      // The first connection is the page loading: only a connection that comes back is news.
      if (lost) announce(nb.roomAgenda.announceConnection.connected);
      lost = false;
    });
    socket.on('meeting:presence', (e) => setPeople(e.people));
    socket.on('meeting:current', (e) => {
      if (currentRef.current !== e.currentItemId)
        announce(nb.roomAgenda.announceCurrent(titlesRef.current.get(e.currentItemId) ?? nb.cases.untitled));
      currentRef.current = e.currentItemId;
      setCurrentId(e.currentItemId);
      // Every screen that follows moves with the chair; one reading the item the chair now takes up follows again.
      if (followingRef.current || selectedRef.current === e.currentItemId) {
        follow(true);
        setSelectedId(e.currentItemId);
      }
      setStartedAt((s) => ({ ...s, [e.currentItemId]: e.startedAt }));
      // The item taken up again is running (no end); the one left has ended.
      setEndedAt((s) => ({ ...s, [e.currentItemId]: null, ...(e.previous ? { [e.previous.itemId]: e.previous.endedAt } : {}) }));
    });
    socket.on('meeting:item', () => router.refresh());
    socket.on('meeting:agenda-changed', () => router.refresh());
    // The server ended this login (logout in another tab, expiry, deactivation).
    socket.on('session:ended', () => window.location.assign(sessionEndedUrl));
    // The same if that event (or access:changed) was lost: a disconnect by the server is followed by asking whether
    // the login lives, and a reload when it does.
    socket.on('disconnect', (reason) => {
      // This page closing its own socket (leaving the room) is no news.
      if (reason !== 'io client disconnect') {
        lost = true;
        announce(nb.roomAgenda.announceConnection.disconnected);
      }
      if (reason === 'io server disconnect') leaveOrReloadAfterServerDisconnect();
    });
    // Refused as it (re)connects: the login may have ended while this socket was away.
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthenticated') void leaveIfSessionEnded();
    });
    // My roles changed: load the page again, so it is checked again.
    socket.on('access:changed', () => window.location.reload());
    // The close ends the time at once; a caseworker's room then loads itself again, so it lists the closed meeting's
    // items as a reload does (her own cases' in full, the others withheld: the same list, numbers and states).
    socket.on('meeting:closed', (e) => {
      endMeeting(e);
      if (ownItemsOnceClosed.current) router.refresh();
    });
    return () => {
      socket.close();
    };
  }, [meetingId, router, announce]);

  const command: MeetingCommand = async (event, payload) => {
    setProblem(null);
    const ack = await sendCommand(socketRef.current, meetingId, event, payload);
    if (!ack.ok && !ack.fields) setProblem(t.actionFailed);
    return ack;
  };

  const makeCurrent = async (itemId: string, openEarly = false) => {
    const selectedAtClick = selectedRef.current;
    const ack = await command('meeting:set-current', { itemId, ...(openEarly ? { openEarly } : {}) });
    if (!ack.ok && ack.error === 'conflict' && ack.message === 'before_deadline') {
      setProblem(null);
      const deadline = formatDateTime(new Date(room.meeting.submissionDeadline));
      if (await ask({ title: t.openEarlyTitle, message: t.openEarlyBody(deadline), confirmLabel: t.openEarlyConfirm }))
        await makeCurrent(itemId, true);
    } else if (ack.ok && selectedRef.current === selectedAtClick) {
      // The chair presents the item they made current, and follows it from now on — unless they opened
      // another item while the server answered: then they stay where they went.
      follow(true);
      setSelectedId(itemId);
    }
  };
  /** The A-list in one step: every open A-list item locked as "tatt til orientering" (lib/meetings/a-list.ts). */
  const concludeAList = async () => {
    const open = room.items.filter((i) => i.aList && !i.locked).length;
    const ta = nb.roomAgenda;
    if (!(await ask({ title: ta.concludeAListTitle, message: ta.concludeAListBody(open), confirmLabel: ta.concludeAListConfirm }))) return;
    const ack = await command('meeting:conclude-a-list', {});
    if (ack.ok || !ack.message) return;
    // Our own refusals in words; a like case that ended otherwise is named by the server (lib/history/like-case-deviation.ts).
    if (ta.problems[ack.message]) setProblem(ta.problems[ack.message]);
    else if (ack.fields?.deviation_reason_required) setProblem(ack.message);
  };
  const close = async () => {
    if (!(await ask({ title: t.closeConfirmTitle, message: t.closeConfirmBody, confirmLabel: t.closeConfirmAction, danger: true }))) return;
    const ack = await command('meeting:close', {});
    if (ack.ok) endMeeting(ack.result);
  };

  const items = room.items.map((i) => (endedAs[i.id] ? { ...i, status: endedAs[i.id], locked: true } : i));
  const selected = items.find((i) => i.id === selectedId) ?? null;
  const currentItem = items.find((i) => i.id === currentId) ?? null;
  // One timeline for every screen: the server's item starts, ends and time boxes, and the server's time.
  const now = useNow(clockOffset);
  const timeline = now
    ? meetingTimeline({
        startsAt: room.meeting.startsAt,
        endsAt: room.meeting.endsAt,
        items: items.map((i) => ({
          id: i.id,
          plannedMinutes: i.plannedMinutes,
          startedAt: startedAt[i.id] ?? (i.startedAt as unknown as string | null),
          endedAt: i.id in endedAt ? endedAt[i.id] : (i.endedAt as unknown as string | null),
        })),
        currentItemId: currentId,
        closed: Boolean(closed),
        now,
      })
    : null;
  /** Looking at another item than the current one stops following; choosing the current one follows again. */
  const look = (itemId: string) => {
    setSelectedId(itemId);
    follow(!currentId || itemId === currentId);
  };
  const editable = room.access === 'edit' && !closed;
  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <p aria-live="polite">
          <span className="font-medium">{t.present}:</span>{' '}
          {people.map((p) => (p.userId === me.id ? `${p.name} (${nb.cases.you})` : p.name)).join(', ') || '–'}
        </p>
        {closed?.closedAt ? (
          <p>{t.closedAt(formatTime(new Date(closed.closedAt)))}</p>
        ) : timeline && !closed ? (
          <p>
            {t.plannedEnd(formatTime(timeline.plannedEnd))}
            {timeline.overrunMinutes > 0 ? (
              <span className="ml-2 font-medium text-red-800">{t.overrun(timeline.overrunMinutes)}</span>
            ) : null}
          </p>
        ) : null}
        <ReferentControl referent={room.meeting.referent} members={room.members} canChoose={room.canChair && !closed} command={command} />
        {!room.canChair && !closed && following ? <p className="text-slate-700">{t.following}</p> : null}
      </div>
      {!closed && currentItem && selectedId !== currentItem.id ? (
        <FollowNotice
          currentTitle={currentItem.title || nb.cases.untitled}
          isChair={room.canChair}
          onFollow={() => {
            follow(true);
            setSelectedId(currentItem.id);
            setFocusTitle((n) => n + 1);
          }}
        />
      ) : null}
      {/* Always in the page, so that a screen reader hears when this screen stops following (a region added with its text is often not read). */}
      <p role="status" className="sr-only">
        {!closed && currentItem && selectedId !== currentItem.id
          ? room.canChair
            ? t.chairElsewhere(currentItem.title || nb.cases.untitled)
            : t.notFollowing(currentItem.title || nb.cases.untitled)
          : ''}
      </p>
      {problem ? (
        <Alert data-color="danger" data-size="sm" role="alert" className="mt-3">
          {problem}
        </Alert>
      ) : null}
      {closed ? (
        <Alert data-color="success" role="status" className="mt-4">
          {t.closed} {closed.carriedOver ? t.closedCarried(closed.carriedOver) : ''}{' '}
          <Link href={`/moter/${meetingId}/referat`} className="underline">
            {t.toMinutes}
          </Link>
        </Alert>
      ) : null}
      {/* On a phone the agenda comes first and can be long: the way past it to the item being read. */}
      <a href="#punktet" className="mt-3 inline-block text-brand-700 underline lg:hidden">
        {t.skipAgenda}
      </a>
      <div className="mt-4 grid gap-6 lg:grid-cols-[22rem_1fr]">
        <Agenda
          items={items}
          currentId={currentId}
          selectedId={selectedId}
          canChair={room.canChair && !closed}
          onSelect={look}
          onMakeCurrent={(itemId) => void makeCurrent(itemId)}
          onConcludeAList={() => void concludeAList()}
          missing={room.canChair && !closed ? missing : undefined}
          command={command}
        />
        <div id="punktet" tabIndex={-1} className="scroll-mt-24 focus:outline-none">
          {selected ? (
            <ItemPanel
              key={selected.id}
              item={selected}
              secondsLeft={timeline?.current?.itemId === selected.id ? timeline.current.secondsLeft : null}
              members={room.members}
              me={me}
              editable={editable && !selected.locked}
              canChair={room.canChair && !closed}
              canConclude={room.canConclude && !closed}
              meetingClosed={Boolean(closed)}
              command={command}
            />
          ) : (
            <Alert data-color="info">{nothingChosen(items.length > 0, room.canChair && !closed)}</Alert>
          )}
          {selected?.caseId && similar[selected.caseId] ? <SimilarCasesPanel cases={similar[selected.caseId]} /> : null}
          {room.canChair && !closed ? (
            <Button type="button" variant="secondary" data-color="danger" onClick={() => void close()} className="mt-6">
              {t.closeMeeting}
            </Button>
          ) : null}
        </div>
      </div>
      {confirmDialog}
      {announcer}
    </div>
  );
}

/** What the room says when no item is shown: with no items there is nothing to choose, and the chair is the one who chooses. */
function nothingChosen(hasItems: boolean, chairing: boolean): string {
  if (!hasItems) return chairing ? t.noItemsChair : t.noItems;
  return chairing ? t.noCurrentChair : t.noCurrent;
}
