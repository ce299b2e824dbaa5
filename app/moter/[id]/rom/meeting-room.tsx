'use client';

import '@/app/_collab/zod-client-config';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import React, { useEffect, useRef, useState } from 'react';
import { leaveIfSessionEnded } from '@/app/_auth/check-session-ended';
import { sessionEndedUrl } from '@/app/_collab/use-yjs-form';
import { purposes } from '@/lib/cases/case-form';
import { nb } from '@/lib/i18n/nb';
import type { MeetingRoom as Room } from '@/lib/meetings/get-meeting-room';
import { ItemPanel } from './item-panel';
import { ReferentControl } from './referent-control';
import { FollowNotice } from './follow-notice';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { formatDateTime, formatTime } from '@/lib/i18n/format';
import { meetingTimeline } from '@/lib/meetings/meeting-timeline';
import { useNow } from './use-now';
import { connectMeetingSocket, sendCommand, type MeetingCommand, type MeetingSocket } from './meeting-socket';
import { SimilarCasesPanel } from '@/app/_history/similar-cases-panel';
import type { SimilarCase } from '@/lib/history/similar-cases';

const t = nb.meetingRoom;
type Item = Room['items'][number];
type Purpose = (typeof purposes)[number];

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
}: {
  room: Room;
  me: { id: string; name: string };
  similar: Record<string, SimilarCase[]>;
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
  };
  const [problem, setProblem] = useState<string | null>(null);
  /** Closing, and opening the meeting before its submission deadline, are confirmed in the design system's dialog. */
  const [ask, confirmDialog] = useConfirm();
  const meetingId = room.meeting.id;

  useEffect(() => {
    const socket = connectMeetingSocket();
    socketRef.current = socket;
    // The room renders what the page was allowed to load; a refused join only means no live updates.
    socket.on('connect', () => void socket.emit('meeting:join', { meetingId }, () => undefined));
    socket.on('meeting:presence', (e) => setPeople(e.people));
    socket.on('meeting:current', (e) => {
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
    // The same if that event was lost: a disconnect by the server is followed by asking whether the login lives.
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') void leaveIfSessionEnded();
    });
    // My roles changed: load the page again, so it is checked again.
    socket.on('access:changed', () => window.location.reload());
    // Not reloaded: a reload would apply the history rules of a closed meeting, and screens would differ.
    socket.on('meeting:closed', (e) => endMeeting(e));
    return () => {
      socket.close();
    };
  }, [meetingId, router]);

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
  const close = async () => {
    if (!(await ask({ title: t.closeConfirmTitle, message: t.closeConfirmBody, confirmLabel: t.closeConfirmAction, danger: true }))) return;
    const ack = await command('meeting:close', {});
    if (ack.ok) endMeeting(ack.result);
  };

  const items = room.items.map((i) => (endedAs[i.id] ? { ...i, status: endedAs[i.id], locked: true } : i));
  const selected = items.find((i) => i.id === selectedId) ?? null;
  const currentItem = items.find((i) => i.id === currentId) ?? null;
  // One timeline for every screen: the server's item starts, ends and time boxes, and this screen's clock.
  const now = useNow();
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
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-red-900">
          {problem}
        </p>
      ) : null}
      {closed ? (
        <div role="status" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-green-900">
          {t.closed} {closed.carriedOver ? t.closedCarried(closed.carriedOver) : ''}{' '}
          <Link href={`/moter/${meetingId}/referat`} className="underline">
            {t.toMinutes}
          </Link>
        </div>
      ) : null}
      <div className="mt-4 grid gap-6 lg:grid-cols-[22rem_1fr]">
        <Agenda
          items={items}
          currentId={currentId}
          selectedId={selectedId}
          canChair={room.canChair && !closed}
          onSelect={look}
          onMakeCurrent={(itemId) => void makeCurrent(itemId)}
          command={command}
        />
        <div>
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
            <p className="rounded border border-slate-300 bg-white p-4">{t.noCurrent}</p>
          )}
          {selected?.caseId && similar[selected.caseId] ? <SimilarCasesPanel cases={similar[selected.caseId]} /> : null}
          {room.canChair && !closed ? (
            <button
              type="button"
              onClick={() => void close()}
              className="mt-6 rounded border-2 border-red-800 px-4 py-2 font-medium text-red-900 hover:bg-red-50"
            >
              {t.closeMeeting}
            </button>
          ) : null}
        </div>
      </div>
      {confirmDialog}
    </div>
  );
}

function Agenda(props: {
  items: Item[];
  currentId: string | null;
  selectedId: string | null;
  canChair: boolean;
  onSelect: (id: string) => void;
  onMakeCurrent: (id: string) => void;
  command: MeetingCommand;
}) {
  return (
    <nav aria-label={t.agenda}>
      <h2 className="text-lg font-semibold">{t.agenda}</h2>
      <ol className="mt-2 space-y-2">
        {props.items.map((item, index) => {
          const title = item.title || nb.cases.untitled;
          const drop = props.canChair
            ? {
                onDragOver: (event: React.DragEvent) => event.preventDefault(),
                onDrop: (event: React.DragEvent) => {
                  event.preventDefault();
                  const dragged = event.dataTransfer.getData('text/plain');
                  if (dragged && dragged !== item.id) void props.command('meeting:reorder', { itemId: dragged, toIndex: index });
                },
              }
            : {};
          return (
            <li
              key={item.id}
              {...drop}
              className={`relative rounded border bg-white p-3 ${item.id === props.currentId ? 'border-brand-700 ring-2 ring-brand-700' : 'border-slate-300'}`}
            >
              {props.canChair ? (
                // The mouse drags by this handle; the ↑/↓ buttons do the same from the keyboard.
                <span
                  draggable
                  aria-hidden="true"
                  title={t.dragHandle(title)}
                  onDragStart={(event) => {
                    event.dataTransfer.setData('text/plain', item.id);
                    event.dataTransfer.effectAllowed = 'move';
                  }}
                  className="absolute right-2 top-2 cursor-grab select-none px-1 text-slate-500"
                >
                  ⠿
                </span>
              ) : null}
              <button
                type="button"
                onClick={() => props.onSelect(item.id)}
                aria-current={item.id === props.selectedId ? 'true' : undefined}
                className="pr-6 text-left font-medium text-brand-800 underline-offset-4 hover:underline"
              >
                {index + 1}. {title}
              </button>
              <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-700">
                <span>{nb.cases.purposes[item.purpose]}</span>
                <span>{item.plannedMinutes} min</span>
                <span>{t.reasons[item.reason]}</span>
                {item.id === props.currentId ? <span className="font-semibold text-brand-800">{t.current}</span> : null}
                {item.locked ? <span className="font-semibold">{t.locked}</span> : null}
                {item.status !== 'pending' ? <span>{t.statuses[item.status]}</span> : null}
              </p>
              {props.canChair ? (
                <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                  {item.id !== props.currentId ? (
                    <button
                      type="button"
                      onClick={() => props.onMakeCurrent(item.id)}
                      aria-label={`${t.makeCurrent}: ${title}`}
                      className="rounded bg-brand-700 px-2 py-1 font-medium text-white"
                    >
                      {t.makeCurrent}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    disabled={index === 0}
                    onClick={() => void props.command('meeting:reorder', { itemId: item.id, toIndex: index - 1 })}
                    aria-label={t.moveUp(title)}
                    className="rounded border border-slate-400 px-2 py-1 disabled:opacity-40"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={index === props.items.length - 1}
                    onClick={() => void props.command('meeting:reorder', { itemId: item.id, toIndex: index + 1 })}
                    aria-label={t.moveDown(title)}
                    className="rounded border border-slate-400 px-2 py-1 disabled:opacity-40"
                  >
                    ↓
                  </button>
                  <label className="flex items-center gap-1">
                    <span className="sr-only">{t.minutesFor(title)}</span>
                    <input
                      type="number"
                      min={1}
                      max={240}
                      defaultValue={item.plannedMinutes}
                      onBlur={(e) => {
                        const minutes = Number(e.target.value);
                        if (minutes !== item.plannedMinutes && minutes >= 1)
                          void props.command('meeting:plan-item', { itemId: item.id, plannedMinutes: minutes });
                      }}
                      className="w-16 rounded border border-slate-400 px-1 py-0.5"
                    />
                    <span aria-hidden="true">{t.minutesLabel}</span>
                  </label>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {props.canChair ? <AddItemForm command={props.command} /> : null}
    </nav>
  );
}

/** The chair adds a matter without a submitted case (a service-level matter, a standing item). */
function AddItemForm({ command }: { command: MeetingCommand }) {
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('orientering');
  return (
    <form
      className="mt-4 rounded border border-dashed border-slate-400 p-3 text-sm"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!title.trim()) return;
        const ack = await command('meeting:add-item', { title: title.trim(), purpose });
        if (ack.ok) setTitle('');
      }}
    >
      <label htmlFor="nytt-punkt" className="block font-medium">
        {t.addItemTitle}
      </label>
      <input
        id="nytt-punkt"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        maxLength={300}
        className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
      />
      <label htmlFor="nytt-punkt-formal" className="mt-2 block font-medium">
        {t.addItemPurpose}
      </label>
      <select
        id="nytt-punkt-formal"
        value={purpose}
        onChange={(e) => setPurpose(purposes.find((p) => p === e.target.value) ?? 'orientering')}
        className="mt-1 rounded border border-slate-400 px-2 py-1"
      >
        {Object.entries(nb.cases.purposes).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="submit" className="ml-2 rounded border border-brand-700 px-3 py-1 font-medium text-brand-800">
        {t.addItem}
      </button>
    </form>
  );
}
