'use client';

import '@/app/_collab/zod-client-config';
import { Alert, Button, Select } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { Choice, CollaborativeDate, CollaborativeText, fieldId, Toggle, type FieldState } from '@/app/_collab/form-fields';
import { takeInvalidUpdateNotice } from '@/app/_collab/invalid-update';
import { DateField } from '@/app/_components/date-field';
import { useYjsForm, type YjsForm } from '@/app/_collab/use-yjs-form';
import { useConnectionNews } from '@/app/_collab/connection-news';
import { criteria, criterionLevels } from '@/lib/cases/case-form';
import { criteriaMentioned } from '@/lib/cases/validate-submission';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { outcomes, referralTargets } from '@/lib/meetings/agenda-rules';
import { followUpRows, itemContentSchema, itemTextFields, type FollowUpDraft } from '@/lib/meetings/item-content';
import { parseFields } from '@/lib/validation/parse-fields';
import type { MeetingRoom } from '@/lib/meetings/get-meeting-room';
import type { MeetingCommand } from './meeting-socket';
import { SubmittedCase } from './submitted-case';
import { LeaderCaseEvidence, LeaderCaseItem } from './leader-case-item';
import { RecusalControl } from '../recusal-control';
import { RecusedItem } from './recused-item';
import { DeviationDialog } from './deviation-dialog';
import { ActingChairControl } from './acting-chair-control';

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

type Props = Parameters<typeof LiveItemPanel>[0];

/**
 * One agenda item in the meeting. For someone inhabil for it, only that they
 * are (and the way to withdraw): no document is opened, the server would
 * refuse it anyway (lib/access documentAccess).
 */
export function ItemPanel(props: Props) {
  if (props.item.withheld) return <WithheldItem item={props.item} />;
  if (props.item.recused)
    return <RecusedItem item={props.item} meetingClosed={Boolean(props.meetingClosed)} canChair={props.canChair} members={props.members} />;
  return <LiveItemPanel {...props} />;
}

/**
 * A closed meeting's item a caseworker may not see (not her case, lib/meetings/agenda-items.ts): where it stood
 * and how it went are in the agenda; nothing of what it was about reaches this screen, and no document is opened.
 */
function WithheldItem({ item }: { item: Item }) {
  return (
    <article aria-labelledby="item-title">
      <h2
        id="item-title"
        tabIndex={-1}
        className="text-xl font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700"
      >
        {nb.roomAgenda.placeLabel(item.place)}. {item.title}
      </h2>
      <p className="mt-2 text-slate-800">{nb.roomAgenda.withheldBody}</p>
    </article>
  );
}

/** The item's live work: the case as submitted, notes, the adjusted assessment and the conclusion. */
function LiveItemPanel(props: {
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
  // Per item, from the access decision the item's document is opened with (lib/access itemPermissions): an inhabil
  // chair does not conclude it, whoever chairs it in their place does. `props.canConclude`: the meeting still runs.
  const canConclude = props.canConclude && item.mayConclude;
  const concludeDisabled = disabled || !canConclude;
  const followUps = stored.data.followUps ?? [];
  const conclusion = String(form.content.conclusion ?? '');
  const cited = criteriaMentioned(conclusion);
  const states: Record<string, FieldState> = { ...problems };
  if (conclusion.trim() && cited.length === 1) states.conclusion = { ...states.conclusion, warnings: ['one_criterion'] };
  const submitted = item.submitted;
  const announcement = useItemAnnouncements(item.locked, form.ready ? `${form.content.outcome ?? ''}\n${conclusion}` : null);
  const connectionNews = useConnectionNews(form.connection, form.unsaved);
  const section = 'mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm';

  /** The lock asks why the outcome departs from the top like case (the server's check): its question, while asked. */
  const [deviationAsk, setDeviationAsk] = useState<string | null>(null);

  async function lock(locked: boolean, deviationReason?: string) {
    const ack = await props.command('meeting:lock-item', { itemId: item.id, locked, ...(deviationReason ? { deviationReason } : {}) });
    const fields = (!ack.ok && ack.fields) || {};
    if ('deviation_reason_required' in fields) {
      setDeviationAsk((!ack.ok && ack.message) || nb.recusal.deviationTitle);
      return;
    }
    setDeviationAsk(null);
    const next: Record<string, FieldState> = {};
    for (const key of Object.keys(fields)) {
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
      {/* Not read aloud as it changes (aria-live off): it changes at every edit; the region below says what is news. */}
      <p
        role="status"
        aria-live="off"
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
      {/* Always in the page: a lock, and a conclusion someone else writes, are said to screen readers as they happen. */}
      <p role="status" aria-live="polite" className="sr-only" data-testid="item-announcer" data-writing={announcement.writing || undefined}>
        {announcement.text}
      </p>
      <p role="status" aria-live="polite" className="sr-only" data-testid="item-connection-news">
        {connectionNews && !props.meetingClosed ? t.itemConnection[connectionNews] : ''}
      </p>
      {/* Said to screen readers by the item's announcer above, which is always in the page. */}
      {item.locked ? (
        <Alert data-color="info" data-size="sm" className="mt-2 font-medium">
          {t.lockedNotice}
        </Alert>
      ) : null}
      <Recusals item={item} />
      {item.chairRecused && props.canChair && !item.locked ? (
        <ActingChairControl meetingId={item.meetingId} itemId={item.id} actingChairId={item.actingChairId} members={members} />
      ) : null}
      {props.editable && !props.meetingClosed ? (
        <RecusalControl meetingId={item.meetingId} itemId={item.id} title={item.title || c.untitled} recused={false} locked={item.locked} />
      ) : null}
      {refused ? (
        <Alert data-color="danger" data-size="sm" role="alert" className="mt-2">
          {t.invalidUpdate}
        </Alert>
      ) : null}
      {stored.invalid.length > 0 ? (
        <Alert data-color="warning" data-size="sm" role="status" className="mt-2">
          {t.invalidStored(stored.invalid.map((field) => storedFieldLabels[field] ?? t.invalidStoredField))}
        </Alert>
      ) : null}

      {/* The whole case as submitted beside the meeting's work on it (stacked below xl). */}
      <div className={submitted || item.leaderCase ? 'grid gap-x-6 xl:grid-cols-2' : ''}>
        {/* A leader meeting's item about a leader case (issue 22): the case beside the work, as a submitted case is. */}
        {item.leaderCase ? <LeaderCaseItem leaderCase={item.leaderCase} /> : null}
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
            <CollaborativeText field="notes" label={t.notes} labelHidden document={form} disabled={disabled} rows={6} />
          </section>

          {submitted ? (
            <section className={section} aria-labelledby="assessment-heading">
              <h3 id="assessment-heading" className="font-semibold">
                {t.assessment}
              </h3>
              {item.locked ? null : <p className="text-sm text-slate-700">{t.assessmentIntro}</p>}
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
                      allowNone={item.locked && before ? t.asSubmitted : c.fields.noLevel}
                      document={form}
                      disabled={disabled}
                      asText={item.locked}
                    />
                    {now && now !== before ? <p className="text-sm font-medium text-amber-900">{t.changedFromSubmitted}</p> : null}
                  </div>
                );
              })}
              {item.locked && !String(form.content.assessmentNote ?? '').trim() ? null : (
                <CollaborativeText field="assessmentNote" label={t.assessmentNote} document={form} disabled={disabled} />
              )}
            </section>
          ) : null}

          <section className={section} aria-labelledby="conclusion-heading">
            <h3 id="conclusion-heading" className="font-semibold">
              {t.conclusionSection}
            </h3>
            {/* The server refuses others' edits to these fields (lib/realtime/update-rules.ts conclusionRule). */}
            {!disabled && !canConclude ? <p className="text-sm text-slate-700">{t.conclusionByChair}</p> : null}
            <Choice
              field="outcome"
              legend={t.outcome}
              options={outcomes}
              labels={t.outcomes}
              document={form}
              state={states.outcome}
              disabled={concludeDisabled}
              asText={item.locked}
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
                asText={item.locked}
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
            {item.locked && !String(form.content.dissent ?? '').trim() ? null : (
              <CollaborativeText field="dissent" label={t.dissent} document={form} disabled={concludeDisabled} rows={2} />
            )}

            {item.locked ? (
              <LockedFollowUps followUps={followUps} members={members} />
            ) : (
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
                        <DateField
                          id={`${rowId(followUp)}-frist`}
                          label={t.followUpDue}
                          value={followUp.dueDate}
                          disabled={concludeDisabled}
                          onChange={(dueDate) => update({ dueDate })}
                          className="text-sm"
                        />
                        <Button
                          type="button"
                          disabled={concludeDisabled}
                          onClick={() => form.editRow(followUpRows, { remove: followUp.id })}
                          aria-label={t.removeFollowUpNumbered(index + 1)}
                          variant="tertiary"
                          data-size="sm"
                          className="self-end"
                        >
                          {t.removeFollowUp}
                        </Button>
                      </li>
                    );
                  })}
                </ul>
                <Button
                  type="button"
                  disabled={concludeDisabled}
                  onClick={() =>
                    form.editRow(followUpRows, {
                      add: crypto.randomUUID().replace(/-/g, '').slice(0, 20),
                      values: { ownerId: '', dueDate: '' },
                    })
                  }
                  variant="secondary"
                  data-size="sm"
                  className="mt-2"
                >
                  {t.addFollowUp}
                </Button>
              </fieldset>
            )}

            <CollaborativeDate
              field="reassessmentDate"
              label={t.reassessmentDate}
              document={form}
              disabled={concludeDisabled}
              asText={item.locked}
            />
            {item.locked ? (
              <dl className="mt-4">
                <dt className="font-medium">{t.epjDocumentation}</dt>
                <dd className="mt-1">
                  {form.content.epjDocumentation === true
                    ? t.epjAsText(members.find((m) => m.id === form.content.epjResponsibleId)?.name ?? null)
                    : t.epjNo}
                </dd>
              </dl>
            ) : (
              <Toggle field="epjDocumentation" label={t.epjDocumentation} document={form} disabled={concludeDisabled}>
                <label htmlFor={fieldId('epjResponsibleId')} className="mt-2 block text-sm font-medium">
                  {t.epjResponsible}
                </label>
                <Select
                  id={fieldId('epjResponsibleId')}
                  value={String(form.content.epjResponsibleId ?? '')}
                  disabled={concludeDisabled}
                  onChange={(e) => form.setValue('epjResponsibleId', e.target.value)}
                  data-size="sm"
                  className="mt-1"
                >
                  <Select.Option value="">{t.chooseOwner}</Select.Option>
                  {members.map((m) => (
                    <Select.Option key={m.id} value={m.id}>
                      {m.name}
                    </Select.Option>
                  ))}
                </Select>
              </Toggle>
            )}
          </section>
        </div>
        {/* The leader case's figures, across both columns: their tables are too wide for one. */}
        {item.leaderCase ? <LeaderCaseEvidence leaderCase={item.leaderCase} /> : null}
      </div>

      {item.mayLock && !props.meetingClosed ? (
        <div className="mt-4">
          {item.locked ? (
            <Button type="button" variant="secondary" onClick={() => void lock(false)}>
              {t.unlock}
            </Button>
          ) : (
            <Button type="button" variant="primary" onClick={() => void lock(true)}>
              {t.lock}
            </Button>
          )}
          {lockRefusal ? (
            <p role="alert" className="mt-2 font-medium text-red-800">
              {lockRefusal}
            </p>
          ) : null}
          <DeviationDialog question={deviationAsk} onCancel={() => setDeviationAsk(null)} onSubmit={(reason) => void lock(true, reason)} />
        </div>
      ) : null}
    </article>
  );
}

/**
 * What the item's status region says: that the item was locked (as it
 * happens, not on load), and that the conclusion was changed by someone else
 * — a change while focus is outside the conclusion fields is another
 * person's, since one's own typing needs the focus there. Said once per
 * spell of writing: again when the other person writes after a pause of
 * `conclusionQuietMs`, not at every keystroke (the same text set again is no
 * change, and Orca heard the first change only; a no-break space makes the
 * next one new text).
 */
const conclusionQuietMs = 3000;

function useItemAnnouncements(locked: boolean, conclusion: string | null): { text: string; writing: boolean } {
  const [text, setText] = useState('');
  /** Someone else is writing the conclusion (the spell has not ended): shown as data-writing for tests to wait on. */
  const [spell, setSpell] = useState(false);
  const wasLocked = useRef(locked);
  const lastConclusion = useRef<string | null>(null);
  const writing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(writing.current ?? undefined), []);
  useEffect(() => {
    if (locked && !wasLocked.current) setText(t.announceLocked);
    wasLocked.current = locked;
  }, [locked]);
  useEffect(() => {
    if (conclusion === null) return;
    const before = lastConclusion.current;
    lastConclusion.current = conclusion;
    // A locked item's conclusion is final: what still arrives (the last edits, after the lock's event) is not news.
    if (locked || before === null || before === conclusion) return;
    if (document.activeElement?.closest(`[id^="${fieldId('conclusion')}"], [id^="${fieldId('outcome')}"]`)) return;
    if (writing.current === null)
      setText((previous) => (previous === t.announceConclusion ? `${t.announceConclusion}\u00a0` : t.announceConclusion));
    clearTimeout(writing.current ?? undefined);
    setSpell(true);
    writing.current = setTimeout(() => {
      writing.current = null;
      setSpell(false);
    }, conclusionQuietMs);
  }, [conclusion, locked]);
  return { text, writing: spell };
}

/** Who is inhabil for the item: everyone sees the names (as the minutes record them), the chair also the reasons. */
function Recusals({ item }: { item: Item }) {
  if (item.recusals.length === 0) return null;
  return (
    <Alert data-color="warning" data-size="sm" className="mt-2">
      <p>
        <span className="font-medium">{nb.recusal.declarations}:</span>{' '}
        {item.recusals.map((r) => nb.recusal.declaration(r.name, r.reason)).join('; ')}
      </p>
      {item.chairRecused ? <p className="mt-1">{nb.recusal.chairInhabil}</p> : null}
    </Alert>
  );
}

const rowId = (followUp: FollowUpDraft) => `oppfolging-${followUp.id}`;

/** A locked item's follow-ups as text: a disabled row of inputs reads as faint grey, not as what was agreed. */
function LockedFollowUps(props: { followUps: FollowUpDraft[]; members: { id: string; name: string }[] }) {
  return (
    <div className="mt-4">
      <h4 className="font-medium">{t.followUps}</h4>
      {props.followUps.length === 0 ? (
        <p className="mt-1">{t.noFollowUpsAgreed}</p>
      ) : (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {props.followUps.map((followUp) => (
            <li key={followUp.id}>
              {followUp.description || t.followUpDescription}
              <span className="text-slate-700">
                {' '}
                (
                {t.followUpAsText(
                  props.members.find((m) => m.id === followUp.ownerId)?.name ?? null,
                  followUp.dueDate ? formatDate(followUp.dueDate) : null,
                )}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MemberSelect(props: {
  id: string;
  members: { id: string; name: string }[];
  value: string;
  disabled: boolean;
  onChange: (id: string) => void;
}) {
  return (
    <Select
      id={props.id}
      data-size="sm"
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value)}
      className="mt-1 w-full"
    >
      <Select.Option value="">{t.chooseOwner}</Select.Option>
      {props.members.map((m) => (
        <Select.Option key={m.id} value={m.id}>
          {m.name}
        </Select.Option>
      ))}
    </Select>
  );
}
