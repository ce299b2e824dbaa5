'use client';

import { Select } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';
import type { MeetingCommand } from './meeting-socket';

const t = nb.meetingRoom;

/**
 * Who writes the conclusions with the chair. The chair chooses (the server
 * checks that the person works cases in the unit and makes the choice count at
 * once on everyone's open items); everyone else sees the name.
 */
export function ReferentControl(props: {
  referent: { id: string; name: string } | null;
  members: { id: string; name: string }[];
  canChoose: boolean;
  command: MeetingCommand;
}) {
  if (!props.canChoose)
    return (
      <p>
        <span className="font-medium">{t.referent}:</span> {props.referent?.name ?? t.noReferent}
      </p>
    );
  return (
    <p className="flex flex-wrap items-center gap-2">
      <label htmlFor="referent" className="font-medium">
        {t.referent}
      </label>
      <Select
        id="referent"
        value={props.referent?.id ?? ''}
        aria-describedby="referent-hint"
        onChange={(e) => void props.command('meeting:set-referent', { referentId: e.target.value || null })}
        data-size="sm"
        className="w-auto"
      >
        <Select.Option value="">{t.noReferent}</Select.Option>
        {props.members.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.name}
          </Select.Option>
        ))}
      </Select>
      <span id="referent-hint" className="text-slate-700">
        {t.referentHint}
      </span>
    </p>
  );
}
