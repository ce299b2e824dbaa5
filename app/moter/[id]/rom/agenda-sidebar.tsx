'use client';

import { Alert, Button, Card, Input, Label, Select } from '@digdir/designsystemet-react';
import React, { useState } from 'react';
import { purposes } from '@/lib/cases/case-form';
import { nb } from '@/lib/i18n/nb';
import { splitAList } from '@/lib/meetings/agenda-rules';
import type { MeetingRoom as Room } from '@/lib/meetings/get-meeting-room';
import { itemStates } from '@/lib/meetings/item-state';
import { ItemStates } from '../item-states';
import type { MeetingCommand } from './meeting-socket';

const t = nb.meetingRoom;
const ta = nb.roomAgenda;
type Item = Room['items'][number];
type Purpose = (typeof purposes)[number];

type AgendaProps = {
  items: Item[];
  currentId: string | null;
  selectedId: string | null;
  canChair: boolean;
  onSelect: (id: string) => void;
  onMakeCurrent: (id: string) => void;
  /** The chair takes every open A-list item as information in one step (confirmed in the room's dialog). */
  onConcludeAList: () => void;
  /** What is missing per case, for the chair (lib/meetings/room-readiness.ts): item id → the gaps in words. */
  missing?: Record<string, string[]>;
  command: MeetingCommand;
};

/**
 * The room's agenda down the side: the items to discuss in the chair's
 * order, then the A-list apart (the same two lists as the saksliste page,
 * from lib/meetings/agenda-rules.ts). The chair's ↑/↓ move an item within its
 * list; the server keeps one order of all items, so each move names the
 * neighbour's place in it.
 */
export function Agenda(props: AgendaProps) {
  const order = props.items.map((i) => i.id);
  const { aList, rest } = splitAList(props.items);
  const openOnAList = aList.filter((i) => !i.locked).length;
  const row = (item: Item, label: string, list: Item[], index: number) => (
    <AgendaRow
      key={item.id}
      {...props}
      item={item}
      label={label}
      fullIndex={order.indexOf(item.id)}
      upTo={index > 0 ? order.indexOf(list[index - 1].id) : null}
      downTo={index < list.length - 1 ? order.indexOf(list[index + 1].id) : null}
    />
  );
  return (
    <nav aria-label={t.agenda}>
      <h2 className="text-lg font-semibold">{t.agenda}</h2>
      <ol className="mt-2 space-y-2">{rest.map((item, index) => row(item, ta.placeLabel(item.place), rest, index))}</ol>
      <section aria-labelledby="room-a-list" className="mt-4">
        <h3 id="room-a-list" className="font-semibold">
          {ta.aListTitle}
        </h3>
        {aList.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{ta.aListEmpty}</p>
        ) : (
          <ol className="mt-2 space-y-2">{aList.map((item, index) => row(item, ta.placeLabel(item.place), aList, index))}</ol>
        )}
        {props.canChair && openOnAList > 0 ? (
          <Button type="button" variant="primary" data-size="sm" onClick={props.onConcludeAList} className="mt-2">
            {ta.concludeAList}
          </Button>
        ) : null}
      </section>
      {props.canChair ? <AddItemForm command={props.command} /> : null}
    </nav>
  );
}

function AgendaRow(props: AgendaProps & { item: Item; label: string; fullIndex: number; upTo: number | null; downTo: number | null }) {
  const { item } = props;
  const title = item.title || nb.cases.untitled;
  const missing = props.missing?.[item.id] ?? [];
  const drop = props.canChair
    ? {
        onDragOver: (event: React.DragEvent) => event.preventDefault(),
        onDrop: (event: React.DragEvent) => {
          event.preventDefault();
          const dragged = event.dataTransfer.getData('text/plain');
          if (dragged && dragged !== item.id) void props.command('meeting:reorder', { itemId: dragged, toIndex: props.fullIndex });
        },
      }
    : {};
  return (
    <li
      {...drop}
      data-agenda-item={item.id}
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
        {props.label}. {title}
      </button>
      <p className="mt-1 flex flex-wrap gap-x-2 text-xs text-slate-700">
        <span>{nb.cases.purposes[item.purpose]}</span>
        <span>{item.plannedMinutes} min</span>
        <span>{t.reasons[item.reason]}</span>
        <ItemStates states={itemStates(item, props.currentId)} />
      </p>
      {missing.length > 0 ? (
        <Alert data-color="warning" data-size="sm" className="mt-1 text-xs">
          <span className="font-medium">{nb.cases.readiness.missing}:</span> {missing.join(', ')}
        </Alert>
      ) : null}
      {props.canChair ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
          {item.id !== props.currentId ? (
            <Button
              type="button"
              variant="primary"
              data-size="sm"
              onClick={() => props.onMakeCurrent(item.id)}
              aria-label={`${t.makeCurrent}: ${title}`}
            >
              {t.makeCurrent}
            </Button>
          ) : null}
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            icon
            disabled={props.upTo === null}
            onClick={() => props.upTo !== null && void props.command('meeting:reorder', { itemId: item.id, toIndex: props.upTo })}
            aria-label={t.moveUp(title)}
          >
            ↑
          </Button>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            icon
            disabled={props.downTo === null}
            onClick={() => props.downTo !== null && void props.command('meeting:reorder', { itemId: item.id, toIndex: props.downTo })}
            aria-label={t.moveDown(title)}
          >
            ↓
          </Button>
          <label className="flex items-center gap-1">
            <span className="sr-only">{t.minutesFor(title)}</span>
            <Input
              type="number"
              min={1}
              max={240}
              defaultValue={item.plannedMinutes}
              onBlur={(e) => {
                const minutes = Number(e.target.value);
                if (minutes !== item.plannedMinutes && minutes >= 1)
                  void props.command('meeting:plan-item', { itemId: item.id, plannedMinutes: minutes });
              }}
              data-size="sm"
              className="w-20"
            />
            <span aria-hidden="true">{t.minutesLabel}</span>
          </label>
          {!item.locked && item.status === 'pending' ? (
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => void props.command('meeting:set-a-list', { itemId: item.id, onAList: !item.aList })}
              aria-label={item.aList ? ta.offAListFor(title) : ta.toAListFor(title)}
            >
              {item.aList ? ta.offAList : ta.toAList}
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The chair adds a matter without a submitted case (a service-level matter, a standing item). */
function AddItemForm({ command }: { command: MeetingCommand }) {
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('orientering');
  return (
    // Designsystemet's card, tinted: the dashed home-made box read as a drop zone (issue 20).
    <Card asChild variant="tinted" data-size="sm" className="mt-4 text-sm">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (!title.trim()) return;
          const ack = await command('meeting:add-item', { title: title.trim(), purpose });
          if (ack.ok) setTitle('');
        }}
      >
        <Label htmlFor="nytt-punkt" data-size="sm">
          {t.addItemTitle}
        </Label>
        <Input
          id="nytt-punkt"
          data-size="sm"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={300}
          className="mt-1 w-full"
        />
        <Label htmlFor="nytt-punkt-formal" data-size="sm" className="mt-2 block">
          {t.addItemPurpose}
        </Label>
        <Select
          id="nytt-punkt-formal"
          value={purpose}
          onChange={(e) => setPurpose(purposes.find((p) => p === e.target.value) ?? 'orientering')}
          data-size="sm"
          className="mt-1 w-auto"
        >
          {Object.entries(nb.cases.purposes).map(([value, label]) => (
            <Select.Option key={value} value={value}>
              {label}
            </Select.Option>
          ))}
        </Select>
        <div>
          <Button type="submit" variant="secondary" data-size="sm" className="mt-2">
            {t.addItem}
          </Button>
        </div>
      </form>
    </Card>
  );
}
