'use client';

import '@/app/_collab/zod-client-config';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, ErrorSummary, Field, Label, Select } from '@digdir/designsystemet-react';
import { caseContentSchema, textFields } from '@/lib/cases/case-form';
import { checkSubmission } from '@/lib/cases/validate-submission';
import { containsNationalId, findNationalIds, replaceNationalIds } from '@/lib/privacy/national-id';
import { labelled } from '@/lib/i18n/labelled';
import { nb } from '@/lib/i18n/nb';
import { parseFields } from '@/lib/validation/parse-fields';
import { CaseFormSections } from './case-form-sections';
import { CaseSectionNav } from './case-section-nav';
import { fieldId, type FieldState } from '@/app/_collab/form-fields';
import { takeInvalidUpdateNotice } from '@/app/_collab/invalid-update';
import { useYjsForm, type YjsForm } from '@/app/_collab/use-yjs-form';
import { createDraftAction } from '@/app/saker/actions';
import { useConnectionNews } from '@/app/_collab/connection-news';
import { useConfirm } from '@/app/_components/confirm-dialog';
import type { DSErrorSummaryElement } from '@digdir/designsystemet-web';

const t = nb.cases;

/** A field's label, for the notice about unreadable stored content. */
function fieldLabel(field: string): string {
  const labels = t.fields as Record<string, unknown>;
  // A criterion's factor list and level are labelled by the criterion ("Momenter som gjelder for nytte").
  const criterion = /^(alvorlighet|nytte|ressurs)(Factors|Level)$/.exec(field);
  if (criterion)
    return criterion[2] === 'Factors' ? t.fields.factorsLegend(t.fields[criterion[1] as 'nytte']) : t.fields[criterion[1] as 'nytte'];
  if (field === 'alternatives') return t.fields.alternativesLegend;
  const label = labels[field];
  return typeof label === 'string' ? label : t.invalidStoredField;
}

export type MeetingOption = { id: string; label: string; deadlinePassed: boolean };

type Props = {
  /** Null for *Ny sak*: the draft is created in `unitId` at the first edit (createDraftAction), not before. */
  caseId: string | null;
  unitId: string;
  status: string;
  editable: boolean;
  meetings: MeetingOption[];
  currentMeetingId: string | null;
  /** The latest submitted form, to tell the author about changes not yet sent in. */
  submittedContent: Record<string, unknown> | null;
  notice: string | null;
  /** Per field, numbers its author marked as "not a national identity number" (lib/privacy/national-id-override.ts). */
  overridden: Record<string, string[]>;
  /** The author may delete this draft (lib/access/policy.ts canDeleteDraft). */
  mayDelete: boolean;
};

export function CaseEditor(props: Props) {
  const router = useRouter();
  const [caseId, setCaseId] = useState(props.caseId);
  /** Set once the page is on its way elsewhere (the draft deleted): the server's re-check of it does not call it back. */
  const leaving = useRef(false);
  /**
   * The page's server part again (status, access). A draft made on *Ny sak*
   * moves to its own page: the address already says it (replaceState), but
   * the router's tree is still Ny sak's, which a refresh would reload in full.
   */
  const reload = () => {
    if (leaving.current) return;
    if (props.caseId === null && caseId) router.replace(`/saker/${caseId}`);
    else router.refresh();
  };
  const document = useYjsForm({
    documentName: props.caseId ? `case:${props.caseId}` : null,
    // Ny sak: the first thing typed creates the draft; the address becomes the case's, the page stays.
    create: async () => {
      const created = await createDraftAction(props.unitId).catch(() => null);
      if (!created) return null;
      setCaseId(created.id);
      window.history.replaceState(null, '', `/saker/${created.id}`);
      return `case:${created.id}`;
    },
    mapName: 'form',
    textFields,
    editable: props.editable,
    keepOffline: true,
    // The server re-checked this editor (its meeting started, a role changed): the page asks again whether it may edit.
    onAccessChanged: () => reload(),
  });
  const connectionNews = useConnectionNews(document.connection, document.unsaved);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // A message after submitting sits by the submit button, where the person is; the others at the top.
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; atSubmit?: boolean } | null>(
    props.notice ? { kind: 'ok', text: props.notice } : null,
  );
  const submitMessageRef = useRef<HTMLDivElement>(null);
  const [confirm, confirmDialog] = useConfirm();
  const [busy, setBusy] = useState(false);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const defaultMeeting = props.currentMeetingId ?? props.meetings.find((m) => !m.deadlinePassed)?.id ?? props.meetings[0]?.id ?? '';
  const [meetingId, setMeetingId] = useState(defaultMeeting);
  const summaryRef = useRef<DSErrorSummaryElement>(null);
  useEffect(() => {
    if (message?.atSubmit) submitMessageRef.current?.focus();
  }, [message]);
  // An editor that was open when the meeting started becomes read-only under the author's hands: say why.
  const wasEditable = useRef(props.editable);
  useEffect(() => {
    if (wasEditable.current && !props.editable && props.status === 'submitted') setMessage({ kind: 'error', text: t.becameReadOnly });
    wasEditable.current = props.editable;
  }, [props.editable, props.status]);

  // Reloaded after the server refused an edit of this page (4400): say so once.
  useEffect(() => {
    if (props.caseId && takeInvalidUpdateNotice(`case:${props.caseId}`)) setMessage({ kind: 'error', text: t.invalidUpdate });
  }, [props.caseId]);

  const [overridden, setOverridden] = useState(props.overridden);
  // Field by field: a stored field that fails the form (old data, a past bug) shows empty with a notice, the rest as usual.
  const stored = parseFields(caseContentSchema, document.content);
  const content = stored.data;
  const shown: YjsForm = { ...document, content };
  const check = useMemo(
    () => checkSubmission(content, (field, digits) => overridden[field]?.includes(digits) ?? false),
    [content, overridden],
  );
  // Fields holding a national identity number: shown at once (not only after a try), each with its two ways out.
  const numberFields = Object.entries(check.errors).flatMap(([field, error]) => (error === 'national_id' ? [field] : []));
  const personRef = String(document.content.personRef ?? '').trim();
  const canReplace = personRef.length > 0 && !containsNationalId(personRef);
  // Errors show once the author has tried to submit, and then update as they type.
  const errors = attempted ? { ...serverErrors, ...check.errors } : {};
  const states: Record<string, FieldState> = {};
  for (const [field, error] of Object.entries(errors)) states[field] = { ...states[field], error };
  for (const [field, warnings] of Object.entries(check.warnings)) states[field] = { ...states[field], warnings };
  const unsent =
    props.status === 'submitted' &&
    props.submittedContent !== null &&
    document.ready &&
    JSON.stringify(sorted(props.submittedContent)) !== JSON.stringify(sorted(document.content));

  async function submit() {
    setAttempted(true);
    setServerErrors({});
    setMessage(null);
    if (Object.keys(check.errors).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (!caseId) {
      setMessage({ kind: 'error', text: t.serverError, atSubmit: true });
      return;
    }
    setBusy(true);
    const response = await fetch(`/api/cases/${caseId}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(meetingId && meetingId !== props.currentMeetingId ? { meetingId } : {}),
    }).catch(() => null);
    setBusy(false);
    const body = response ? await response.json().catch(() => ({})) : {};
    if (response?.ok) {
      const target = props.meetings.find((m) => m.id === body.meetingId)?.label ?? '';
      setJustSubmitted(true);
      setMessage({ kind: 'ok', text: body.lateRequestFor ? t.submittedLate(target) : t.submitted(target), atSubmit: true });
      reload();
    } else if (response?.status === 400 && body.fields) {
      setServerErrors(body.fields);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } else {
      setMessage({ kind: 'error', text: t.serverError, atSubmit: true });
    }
  }

  /** Replaces the numbers in the field through the editor's own document, so co-editors see the change. */
  function replaceNumbers(field: string) {
    if (!canReplace) return;
    document.setText(field, replaceNationalIds(String(document.content[field] ?? ''), personRef));
  }

  async function notANumber(field: string) {
    if (!(await confirm({ title: t.notNationalId, message: t.notNationalIdConfirm, confirmLabel: t.notNationalIdConfirmButton }))) return;
    const digits = findNationalIds(String(document.content[field] ?? '')).map((m) => m.digits);
    const response = await fetch(`/api/cases/${caseId}/national-id-overrides`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ field }),
    }).catch(() => null);
    if (response?.ok) {
      setOverridden((current) => ({ ...current, [field]: [...(current[field] ?? []), ...digits] }));
      setMessage({ kind: 'ok', text: t.notNationalIdSaved });
    } else {
      setMessage({ kind: 'error', text: t.serverError });
    }
  }

  /** An empty draft goes at once; one with something written in it asks first. */
  async function deleteDraft() {
    const written = Object.keys(sorted(document.content)).length > 0;
    if (written && !(await confirm({ title: t.deleteDraftConfirm, confirmLabel: t.deleteDraft, danger: true }))) return;
    const response = await fetch(`/api/cases/${caseId}/delete-draft`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => null);
    if (response?.ok) {
      leaving.current = true;
      router.push('/saker?slettet=1');
    } else setMessage({ kind: 'error', text: t.serverError, atSubmit: true });
  }

  async function withdraw() {
    if (!(await confirm({ title: t.withdrawConfirm, confirmLabel: t.withdraw, danger: true }))) return;
    const response = await fetch(`/api/cases/${caseId}/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    setMessage(response.ok ? { kind: 'ok', text: t.withdrawn, atSubmit: true } : { kind: 'error', text: t.serverError, atSubmit: true });
    reload();
  }

  const disabled = !props.editable || !document.ready;
  // "Se over før innmelding" is advice before sending in: not shown once the form as it stands is sent.
  const showWarnings = !justSubmitted && !(props.status === 'submitted' && !unsent);
  const messageBox = (text: string, kind: 'ok' | 'error', ref?: React.Ref<HTMLDivElement>) => (
    <Alert
      ref={ref}
      tabIndex={-1}
      data-color={kind === 'ok' ? 'success' : 'danger'}
      role={kind === 'ok' ? 'status' : 'alert'}
      className="mt-4"
    >
      {text}
    </Alert>
  );
  const errorList = Object.entries(errors);
  const warningList = Object.entries(check.warnings);
  return (
    <div>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        {/* Not read aloud as it changes: Orca said "Lagrer …", "Alle endringer er lagret." into every pause in typing. */}
        <span
          role="status"
          aria-live="off"
          className={document.connection === 'offline' || document.unsaved ? 'text-amber-900' : 'text-slate-700'}
        >
          {props.editable
            ? t.connection[
                document.unsaved
                  ? 'unsaved'
                  : document.connection === 'online'
                    ? document.saved
                      ? 'saved'
                      : 'saving'
                    : document.connection
              ]
            : t.readOnly}
        </span>
        <span role="status" className="sr-only" data-testid="case-connection-news">
          {connectionNews && props.editable ? t.connection[connectionNews] : ''}
        </span>
        {document.peers.length > 0 ? (
          <span>
            {t.presence}: {document.peers.map((p) => p.name).join(', ')}
          </span>
        ) : null}
      </div>
      {confirmDialog}
      {message && !message.atSubmit ? messageBox(message.text, message.kind) : null}
      {unsent ? (
        <Alert data-color="warning" className="mt-4">
          {t.unsentChanges}
        </Alert>
      ) : null}
      {stored.invalid.length > 0 ? (
        <Alert data-color="warning" role="status" className="mt-4">
          {t.invalidStored(stored.invalid.map(fieldLabel))}
        </Alert>
      ) : null}
      {errorList.length > 0 ? (
        <ErrorSummary ref={summaryRef} aria-labelledby="feilsammendrag" className="mt-4">
          <ErrorSummary.Heading id="feilsammendrag">{t.errorSummary}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {errorList.map(([field, error]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#${fieldId(field)}`}>
                  {error === 'national_id' ? t.nationalIdIn(labelOf(field)) : labelled(labelOf(field), t.errors[error] ?? t.errors.invalid)}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      ) : null}
      {numberFields.length > 0 ? (
        <section aria-labelledby="fodselsnummer" className="mt-4">
          <Alert data-color="danger">
            <h2 id="fodselsnummer" className="font-semibold">
              {t.nationalIdHeading}
            </h2>
            {canReplace ? null : <p className="mt-1 text-sm">{t.replaceNeedsPersonRef}</p>}
            <ul className="mt-2 space-y-3">
              {numberFields.map((field) => (
                <li key={field} data-field={field}>
                  <p>
                    <a href={`#${fieldId(field)}`} className="underline">
                      {t.nationalIdIn(labelOf(field))}
                    </a>
                  </p>
                  <div className="mt-1 flex flex-wrap gap-2">
                    <Button
                      type="button"
                      data-size="sm"
                      onClick={() => replaceNumbers(field)}
                      disabled={disabled || !canReplace}
                      aria-label={`${t.replaceWithPersonRef}: ${labelOf(field)}`}
                    >
                      {t.replaceWithPersonRef}
                    </Button>
                    {field === 'personRef' ? null : (
                      <Button
                        type="button"
                        variant="secondary"
                        data-size="sm"
                        onClick={() => notANumber(field)}
                        disabled={disabled}
                        aria-label={`${t.notNationalId}: ${labelOf(field)}`}
                      >
                        {t.notNationalId}
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </Alert>
        </section>
      ) : null}
      {showWarnings && warningList.length > 0 ? (
        <Alert data-color="warning" className="mt-4">
          <h2 className="font-semibold">{t.warningSummary}</h2>
          <ul className="mt-2 list-disc pl-5">
            {warningList.map(([field, warnings]) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`} className="underline">
                  {labelOf(field)}
                </a>
                : {warnings.map((w) => t.warnings[w]).join(' ')}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:items-start lg:gap-6">
        <CaseSectionNav content={content} />
        <div>
          <CaseFormSections document={shown} states={states} disabled={disabled} />
        </div>
      </div>

      {props.editable && (props.status === 'draft' || props.status === 'submitted') ? (
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          {props.meetings.length === 0 ? (
            <p>{t.noOpenMeeting}</p>
          ) : (
            <Field>
              <Label htmlFor="velg-mote">{t.fields.meeting}</Label>
              <Select id="velg-mote" value={meetingId} onChange={(e) => setMeetingId(e.target.value)} className="max-w-full">
                {props.meetings.map((m) => (
                  <Select.Option key={m.id} value={m.id}>
                    {m.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          <div className="mt-4 flex flex-wrap gap-3">
            <Button type="button" onClick={submit} disabled={busy || disabled || props.meetings.length === 0}>
              {busy ? t.submitting : props.status === 'submitted' ? t.resubmit : t.submit}
            </Button>
            {props.status === 'submitted' ? (
              <Button type="button" variant="secondary" onClick={withdraw}>
                {t.withdraw}
              </Button>
            ) : null}
            {props.mayDelete || (props.caseId === null && caseId !== null) ? (
              <Button type="button" variant="tertiary" data-color="danger" onClick={deleteDraft}>
                {t.deleteDraft}
              </Button>
            ) : null}
          </div>
          {message?.atSubmit ? messageBox(message.text, message.kind, submitMessageRef) : null}
        </div>
      ) : null}
      {message?.atSubmit && !(props.editable && (props.status === 'draft' || props.status === 'submitted'))
        ? messageBox(message.text, message.kind, submitMessageRef)
        : null}
    </div>
  );
}

function sorted(value: Record<string, unknown>): Record<string, unknown> {
  const empty = (v: unknown) => v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => !empty(v))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

function labelOf(field: string): string {
  const fields = t.fields as Record<string, unknown>;
  if (typeof fields[field] === 'string') return fields[field] as string;
  const criterion = field.replace(/Reasons$/, '');
  if (typeof fields[criterion] === 'string' && field.endsWith('Reasons')) return t.fields.reasons(fields[criterion] as string);
  return field;
}
