'use client';

import '@/app/_collab/zod-client-config';
import { useEffect, useState } from 'react';
import { Choice, CollaborativeDate, CollaborativeText, fieldId, Toggle, type FieldState } from '@/app/_collab/form-fields';
import { takeInvalidUpdateNotice } from '@/app/_collab/invalid-update';
import { useYjsForm, type YjsForm } from '@/app/_collab/use-yjs-form';
import { criteria, criterionLevels } from '@/lib/cases/case-form';
import { criteriaMentioned } from '@/lib/cases/validate-submission';
import { nb } from '@/lib/i18n/nb';
import { outcomes, referralTargets } from '@/lib/meetings/agenda-rules';
import { followUpRows, itemContentSchema, itemTextFields, type FollowUpDraft } from '@/lib/meetings/item-content';
import { parseFields } from '@/lib/validation/parse-fields';
import type { MeetingRoom } from '@/lib/meetings/get-meeting-room';
import type { MeetingCommand } from './meeting-socket';
import { SubmittedCase } from './submitted-case';

const t = nb.meetingRoom;
const c = nb.cases;
type Item = MeetingRoom['items'][number];

/** The item's fields by the labels the panel shows them with (for the notice about unreadable stored content). */
const storedFieldLabels: Record<string, string> = {
  notes: t.notes,
  assessmentNote: t.assessmentNote,
  outcome: t.outcome,
  referredTo: t.referredTo,
  conclusion: t.conclusion,
  dissent: t.dissent,
  followUps: t.followUps,
  reassessmentDate: t.reassessmentDate,
  epjDocumentation: t.epjDocumentation,
  epjResponsibleId: t.epjResponsible,
};

/** The current item's time left (or over), from the room's one timeline (lib/meetings/meeting-timeline.ts). */
function timerText(secondsLeft: number | null) {
  if (secondsLeft === null) return null;
  const abs = Math.abs(secondsLeft);
  const [m, s] = [Math.floor(abs / 60), abs % 60];
  return { over: secondsLeft < 0, text: secondsLeft >= 0 ? t.timeLeft(m, s) : t.overtime(m, s) };
}

/** One agenda item in the meeting: the case as submitted, live notes, the adjusted assessment and the conclusion. */
export function ItemPanel(props: {
  item: Item;
  /** Seconds left of the item's time box while it is the current one (negative: over), else null. */
  secondsLeft: number | null;
  members: { id: string; name: string }[];
  me: { id: string; name: string };
  editable: boolean;
  canChair: boolean;
  /** May write the conclusion (the chair, the referent); everyone who edits writes the notes and the assessment. */
  canConclude: boolean;
  /** The meeting has closed: nothing is edited or saved here any more, so no connection status is shown. */
  meetingClosed?: boolean;
  command: MeetingCommand;
}) {
  const { item, members } = props;
  const live = useYjsForm({
    documentName: `item:${item.id}`,
    mapName: 'item',
    textFields: itemTextFields,
    rowLayouts: [followUpRows],
    editable: props.editable,
    keepOffline: true,
  });
  // Field by field: a stored field that fails the form (old data, a past bug) shows empty with a notice, the rest as usual.
  const stored = parseFields(itemContentSchema, live.content);
  const form: YjsForm = { ...live, content: stored.data };
  const [problems, setProblems] = useState<Record<string, FieldState>>({});
  // Reloaded after the server refused an edit of this page to the item (4400): say so once.
  const [refused, setRefused] = useState(false);
  useEffect(() => setRefused(takeInvalidUpdateNotice(`item:${item.id}`)), [item.id]);
  /** Why the lock was refused when it is not a field's problem (someone's edits not yet stored). */
  const [lockRefusal, setLockRefusal] = useState<string | null>(null);
  const timer = timerText(props.secondsLeft);
  const disabled = !props.editable || !form.ready;
  const concludeDisabled = disabled || !props.canConclude;
  const followUps = stored.data.followUps ?? [];
  const conclusion = String(form.content.conclusion ?? '');
  const cited = criteriaMentioned(conclusion);
  const states: Record<string, FieldState> = { ...problems };
  if (conclusion.trim() && cited.length === 1) states.conclusion = { ...states.conclusion, warnings: ['one_criterion'] };
  const submitted = item.submitted;
  const section = 'mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm';

  async function lock(locked: boolean) {
    const ack = await props.command('meeting:lock-item', { itemId: item.id, locked });
    const next: Record<string, FieldState> = {};
    for (const key of Object.keys((!ack.ok && ack.fields) || {})) {
      // A field holding a national identity number (lib/privacy/national-id-fields.ts): named by the field itself.
      if (key.startsWith('national_id_')) {
        next[key.slice('national_id_'.length)] = { error: 'national_id_item' };
        continue;
      }
      const field =
        key === 'owner_required' ? 'followUps' : key === 'referral_target_required' ? 'referredTo' : key.replace('_required', '');
      next[field] = { error: key };
    }
    setProblems(next);
    setLockRefusal(!ack.ok && ack.error === 'conflict' && ack.message ? ack.message : null);
  }

  return (
    <article aria-labelledby="item-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2
          id="item-title"
          tabIndex={-1}
          className="text-xl font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
        >
          {item.title || c.untitled}
        </h2>
        {timer ? (
          <p role="timer" aria-live="off" className={`font-mono text-lg ${timer.over ? 'font-semibold text-red-800' : 'text-slate-800'}`}>
            {timer.text}
          </p>
        ) : null}
      </div>
      <p className="text-sm text-slate-700">
        {[item.personRef, c.purposes[item.purpose], item.caseworker ? `${c.caseworker}: ${item.caseworker}` : null, t.reasons[item.reason]]
          .filter(Boolean)
          .join(' · ')}{' '}
        {/* Relative to /moter/<id>/rom: the item's version history (lib/versions/). */}
        <a href={`punkter/${item.id}/versjoner`} className="text-brand-700 underline">
          {nb.versions.link}
        </a>
      </p>
      {/* Whether what one types reaches the others: a chair must never conclude into a dead connection. */}
      <p
        role="status"
        className={`mt-1 text-sm ${form.connection !== 'online' || form.unsaved ? 'font-medium text-amber-900' : 'text-slate-700'}`}
      >
        {/* "Lagret" only once the server has confirmed it stored (save-tracking.ts); a reader has nothing to save. */}
        {props.meetingClosed
          ? t.itemConnection.meetingClosed
          : t.itemConnection[
              form.connection !== 'online'
                ? form.connection
                : form.unsaved
                  ? 'unsaved'
                  : !props.editable
                    ? 'online'
                    : form.saved
                      ? 'saved'
                      : 'saving'
            ]}
      </p>
      {item.locked ? <p className="mt-2 rounded border border-slate-400 bg-slate-100 p-2 font-medium">{t.lockedNotice}</p> : null}
      {refused ? (
        <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-red-900">
          {t.invalidUpdate}
        </p>
      ) : null}
      {stored.invalid.length > 0 ? (
        <p role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
          {t.invalidStored(stored.invalid.map((field) => storedFieldLabels[field] ?? t.invalidStoredField))}
        </p>
      ) : null}

      {/* The whole case as submitted beside the meeting's work on it (stacked below xl). */}
      <div className={submitted ? 'grid gap-x-6 xl:grid-cols-2' : ''}>
        {submitted ? (
          <section className={`${section} xl:self-start`} aria-labelledby="submitted-heading">
            <h3 id="submitted-heading" className="mb-2 text-lg font-semibold">
              {t.submittedCase}
            </h3>
            <SubmittedCase content={submitted} headingLevel={4} />
          </section>
        ) : null}
        <div>
          <section className={section} aria-labelledby="notes-heading">
            <h3 id="notes-heading" className="font-semibold">
              {t.notes}
            </h3>
            <CollaborativeText field="notes" label={t.notes} document={form} disabled={disabled} rows={6} />
          </section>

          {submitted ? (
            <section className={section} aria-labelledby="assessment-heading">
              <h3 id="assessment-heading" className="font-semibold">
                {t.assessment}
              </h3>
              <p className="text-sm text-slate-700">{t.assessmentIntro}</p>
              {criteria.map((criterion) => {
                const before = submitted[`${criterion}Level`] || '';
                const now = String(form.content[`${criterion}Level`] ?? '');
                return (
                  <div key={criterion}>
                    <Choice
                      field={`${criterion}Level`}
                      legend={`${c.fields[criterion]} – ${t.submittedLevel(before ? c.criterionLevels[before] : c.fields.noLevel)}`}
                      options={criterionLevels}
                      labels={c.criterionLevels}
                      allowNone={c.fields.noLevel}
                      document={form}
                      disabled={disabled}
                    />
                    {now && now !== before ? <p className="text-sm font-medium text-amber-900">{t.changedFromSubmitted}</p> : null}
                  </div>
                );
              })}
              <CollaborativeText field="assessmentNote" label={t.assessmentNote} document={form} disabled={disabled} />
            </section>
          ) : null}

          <section className={section} aria-labelledby="conclusion-heading">
            <h3 id="conclusion-heading" className="font-semibold">
              {t.conclusionSection}
            </h3>
            {/* The server refuses others' edits to these fields (lib/realtime/update-rules.ts conclusionRule). */}
            {!disabled && !props.canConclude ? <p className="text-sm text-slate-700">{t.conclusionByChair}</p> : null}
            <Choice
              field="outcome"
              legend={t.outcome}
              options={outcomes}
              labels={t.outcomes}
              document={form}
              state={states.outcome}
              disabled={concludeDisabled}
              required
            />
            {form.content.outcome === 'henvist' ? (
              <Choice
                field="referredTo"
                legend={t.referredTo}
                options={referralTargets}
                labels={t.referralTargets}
                document={form}
                state={states.referredTo}
                disabled={concludeDisabled}
                required
              />
            ) : null}
            <CollaborativeText
              field="conclusion"
              label={t.conclusion}
              hint={t.conclusionHint}
              document={form}
              state={states.conclusion}
              disabled={concludeDisabled}
              rows={4}
              required={item.purpose === 'avklaring'}
            />
            <CollaborativeText field="dissent" label={t.dissent} document={form} disabled={concludeDisabled} rows={2} />

            <fieldset
              className="mt-4"
              id={fieldId('followUps')}
              tabIndex={-1}
              aria-describedby={states.followUps?.error ? `${fieldId('followUps')}-feil` : undefined}
            >
              <legend className="font-medium">{t.followUps}</legend>
              {states.followUps?.error ? (
                <p id={`${fieldId('followUps')}-feil`} className="text-sm font-medium text-red-800">
                  {t.problems[states.followUps.error]}
                </p>
              ) : null}
              <ul className="mt-2 space-y-3">
                {followUps.map((followUp, index) => {
                  // Each row is its own entry in the document, its description a text of its own (lib/realtime/y-rows.ts):
                  // two people writing different rows, or the same description, keep each other's words.
                  const update = (values: Partial<FollowUpDraft>) => form.editRow(followUpRows, { update: followUp.id, values });
                  return (
                    <li key={followUp.id} className="grid gap-2 rounded border border-slate-200 p-3 sm:grid-cols-[1fr_12rem_10rem_auto]">
                      <CollaborativeText
                        field={`${followUpRows.list}.${followUp.id}`}
                        label={t.followUpDescription}
                        document={form}
                        text={followUp.description}
                        disabled={concludeDisabled}
                        multiline={false}
                        rows={1}
                        className="text-sm"
                      />
                      <div className="text-sm">
                        <label htmlFor={`${rowId(followUp)}-ansvarlig`} className="block font-medium">
                          {t.followUpOwner}
                        </label>
                        <MemberSelect
                          id={`${rowId(followUp)}-ansvarlig`}
                          members={members}
                          value={followUp.ownerId}
                          disabled={concludeDisabled}
                          onChange={(ownerId) => update({ ownerId })}
                        />
                      </div>
                      <div className="text-sm">
                        <label htmlFor={`${rowId(followUp)}-frist`} className="block font-medium">
                          {t.followUpDue}
                        </label>
                        <input
                          id={`${rowId(followUp)}-frist`}
                          type="date"
                          value={followUp.dueDate}
                          disabled={concludeDisabled}
                          onChange={(e) => update({ dueDate: e.target.value })}
                          className="mt-1 w-full rounded border border-slate-400 px-2 py-1"
                        />
                      </div>
                      <button
                        type="button"
                        disabled={concludeDisabled}
                        onClick={() => form.editRow(followUpRows, { remove: followUp.id })}
                        aria-label={t.removeFollowUpNumbered(index + 1)}
                        className="self-end rounded border border-slate-400 px-2 py-1 text-sm"
                      >
                        {t.removeFollowUp}
                      </button>
                    </li>
                  );
                })}
              </ul>
              <button
                type="button"
                disabled={concludeDisabled}
                onClick={() =>
                  form.editRow(followUpRows, {
                    add: crypto.randomUUID().replace(/-/g, '').slice(0, 20),
                    values: { ownerId: '', dueDate: '' },
                  })
                }
                className="mt-2 rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800"
              >
                {t.addFollowUp}
              </button>
            </fieldset>

            <CollaborativeDate field="reassessmentDate" label={t.reassessmentDate} document={form} disabled={concludeDisabled} />
            <Toggle field="epjDocumentation" label={t.epjDocumentation} document={form} disabled={concludeDisabled}>
              <label htmlFor={fieldId('epjResponsibleId')} className="mt-2 block text-sm font-medium">
                {t.epjResponsible}
              </label>
              <select
                id={fieldId('epjResponsibleId')}
                value={String(form.content.epjResponsibleId ?? '')}
                disabled={concludeDisabled}
                onChange={(e) => form.setValue('epjResponsibleId', e.target.value)}
                className="mt-1 rounded border border-slate-400 px-2 py-1 text-sm"
              >
                <option value="">{t.chooseOwner}</option>
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Toggle>
          </section>
        </div>
      </div>

      {props.canChair ? (
        <div className="mt-4">
          {item.locked ? (
            <button type="button" onClick={() => void lock(false)} className="rounded border border-slate-500 px-4 py-2 font-medium">
              {t.unlock}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => void lock(true)}
              className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
            >
              {t.lock}
            </button>
          )}
          {lockRefusal ? (
            <p role="alert" className="mt-2 font-medium text-red-800">
              {lockRefusal}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

const rowId = (followUp: FollowUpDraft) => `oppfolging-${followUp.id}`;

function MemberSelect(props: {
  id: string;
  members: { id: string; name: string }[];
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value)}
      className="mt-1 w-full rounded border border-slate-400 px-2 py-1 text-sm"
    >
      <option value="">{t.chooseOwner}</option>
      {props.members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </select>
  );
}
