import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../audit/list-audit-events';
import { auditActions } from '../audit/record-audit-event';
import { auditActionLabels, auditRowWords, caseReadViews, describeAuditAction, describeAuditDetail } from './audit-labels';

const row = (over: Partial<AuditRow>): AuditRow => ({
  id: 1,
  at: new Date('2026-12-03T09:04:31Z'),
  actorId: 'u1',
  actor: 'Lars Leder',
  action: 'case.read',
  entityType: 'case',
  entityId: 'c1',
  detail: null,
  caseId: 'c1',
  caseTitle: 'Økning av BPA',
  personRef: 'EPJ 2025/0712',
  anonymised: false,
  itemTitle: null,
  meetingStartsAt: null,
  entityName: null,
  ...over,
});

describe('audit log labels', () => {
  it('every audit action has a Norwegian label for the log view', () => {
    expect(auditActions.filter((action) => !auditActionLabels[action])).toEqual([]);
  });

  it('says where a case was read, for every view that logs reads, and for old entries written with `via`', () => {
    expect(describeAuditAction('case.read', { view: 'meeting_room' })).toBe('Leste saken i møterommet');
    expect(describeAuditAction('case.read', { via: 'meeting_room' })).toBe('Leste saken i møterommet');
    expect(describeAuditAction('case.read', { view: 'agenda', meetingId: 'm1' })).toBe('Leste saken på sakslisten');
    expect(describeAuditAction('case.read', { channel: 'page' })).toBe('Åpnet saken');
    expect(describeAuditAction('case.read', { view: 'a_view_from_tomorrow' })).toBe('Leste saken');
    expect(describeAuditAction('case.update', { channel: 'realtime', updates: 4 })).toBe('Endret saken i skjemaet');
    for (const view of ['agenda', 'queue', 'api_list', 'follow_ups', 'notices', 'audit_log', 'audit_csv'])
      expect(caseReadViews[view]).toBeTruthy();
  });

  it('names a lock made by the A-list step as a lock, and what an unlock took away', () => {
    expect(describeAuditAction('item.lock', null)).toBe('Låste punktet');
    expect(describeAuditAction('item.lock', { aList: true, meetingId: 'm1', count: 3 })).toBe(
      'Låste punktet (A-listen tatt til orientering samlet)',
    );
    expect(describeAuditDetail('item.lock', { aList: true, meetingId: 'm1', count: 3 })).toBe('3 punkter samlet');
    expect(describeAuditDetail('item.unlock', { deviationReasonCleared: true, aListConcludedCleared: true })).toBe(
      'begrunnelsen for avvik fra lignende saker er fjernet, ikke lenger tatt til orientering samlet',
    );
  });

  it('words the detail instead of showing JSON, and keeps an unknown key rather than hiding it', () => {
    expect(describeAuditDetail('case.open_realtime', { readOnly: true })).toBe('bare lesetilgang');
    // Attribution: the fields a session touched, by their labels (issue 17).
    expect(describeAuditDetail('case.update', { channel: 'api', fields: 2, touched: 'facts,alvorlighetReasons' })).toBe(
      '2 felt, felt: Fakta i saken, Alvorlighet (begrunnelse)',
    );
    expect(describeAuditDetail('item.update', { channel: 'realtime', updates: 3, touched: 'conclusion' })).toBe(
      '3 endringer, felt: Konklusjon med begrunnelse',
    );
    expect(describeAuditDetail('member.role_change', { from: 'saksbehandler', to: 'leder' })).toBe('fra saksbehandler, til leder');
    expect(describeAuditDetail('case.submit', { version: 2, meetingId: 'm1', late: true })).toBe('versjon 2, etter fristen');
    expect(describeAuditDetail('meeting.move', { from: '2026-12-03T09:00:00.000Z', to: '2026-12-04T09:00:00.000Z' })).toBe(
      'fra torsdag 3. desember kl. 10:00, til fredag 4. desember kl. 10:00',
    );
    expect(describeAuditDetail('case.read', { view: 'queue', flavour: 'new' })).toBe('flavour: new');
    expect(describeAuditDetail('case.read', { view: 'a_view_from_tomorrow' })).toBe('visning: a_view_from_tomorrow');
    expect(describeAuditDetail('case.read', { view: 'queue' })).toBe('');
    expect(describeAuditDetail('case.read', null)).toBe('');
  });

  it('names the case and its person reference, and says "anonymisert" once retention removed them', () => {
    expect(auditRowWords(row({}))).toMatchObject({
      caseTitle: 'Økning av BPA',
      personRef: 'EPJ 2025/0712',
      actor: 'Lars Leder',
      subject: 'Sak',
    });
    expect(auditRowWords(row({ anonymised: true, caseTitle: null, personRef: null }))).toMatchObject({
      caseTitle: 'anonymisert',
      personRef: 'anonymisert',
    });
    expect(auditRowWords(row({ actor: null, actorId: null })).actor).toBe('System');
    expect(auditRowWords(row({ at: new Date('2026-12-03T09:04:31Z') })).at).toBe('torsdag 3. desember kl. 10:04');
    expect(
      auditRowWords(
        row({ entityType: 'meeting', caseId: null, caseTitle: null, personRef: null, meetingStartsAt: new Date('2026-12-03T09:00:00Z') }),
      ).subject,
    ).toBe('Møte torsdag 3. desember kl. 10:00');
  });
});
