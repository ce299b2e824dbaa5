import { describe, expect, it } from 'vitest';
import {
  administeredUnits,
  canAcceptLateCase,
  canCompleteFollowUp,
  canCreateCaseIn,
  canSeeCaseHistory,
  canSeeFollowUp,
  canStartRevision,
  canSeeHandOff,
  canMarkDocumented,
  unitsWithDocumentationOverview,
  unitsForNewCases,
  canAdministerUnit,
  canExportPersonData,
  canManageMeetings,
  canChairMeeting,
  canWriteConclusion,
  canLockItem,
  canDeclareRecusal,
  canCreateUnits,
  canReadAuditLog,
  canRestoreVersion,
  caseAccess,
  caseAccessChangesAt,
  historyScope,
  itemAccess,
  itemPermissions,
  canChairItem,
  meetingAccess,
} from './policy';
import type { UnitMembership } from './roles';

const unit = 'unit-a';
const as = (role: UnitMembership['role']): UnitMembership[] => [{ unitId: unit, role }];

describe('caseAccess', () => {
  const submitted = { unitId: unit, status: 'submitted', createdById: 'author' };
  const draft = { unitId: unit, status: 'draft', createdById: 'author' };

  it('denies everyone outside the owning unit, whatever their role', () => {
    for (const role of ['saksbehandler', 'moteleder', 'leder', 'admin'] as const) {
      expect(caseAccess('x', [{ unitId: 'unit-b', role }], submitted)).toBe('none');
    }
    expect(caseAccess('x', [], submitted)).toBe('none');
  });

  it('lets the author and colleagues co-author a draft, but keeps drafts from admins', () => {
    expect(caseAccess('author', as('saksbehandler'), draft)).toBe('edit');
    expect(caseAccess('colleague', as('saksbehandler'), draft)).toBe('edit');
    expect(caseAccess('someone', as('admin'), draft)).toBe('none');
  });

  it('gives a colleague read access to a submitted case; chair and leader may edit it', () => {
    expect(caseAccess('author', as('saksbehandler'), submitted)).toBe('edit');
    expect(caseAccess('colleague', as('saksbehandler'), submitted)).toBe('read');
    expect(caseAccess('chair', as('moteleder'), submitted)).toBe('edit');
    expect(caseAccess('lead', as('leder'), submitted)).toBe('edit');
    expect(caseAccess('admin', as('admin'), submitted)).toBe('read');
  });

  it('stops the caseworker editing once the meeting has started; the chair goes on', () => {
    const started = { ...submitted, meetingStarted: true };
    expect(caseAccess('author', as('saksbehandler'), started)).toBe('read');
    expect(caseAccess('chair', as('moteleder'), started)).toBe('edit');
  });

  it('says when the author’s access changes by itself: at the start of the meeting, while it is ahead', () => {
    const startsAt = new Date('2026-12-08T09:00:00Z');
    expect(caseAccessChangesAt({ ...submitted, meetingStarted: false, meetingStartsAt: startsAt })).toEqual(startsAt);
    expect(caseAccessChangesAt({ ...submitted, meetingStarted: true, meetingStartsAt: null })).toBeNull();
    expect(caseAccessChangesAt({ ...draft, meetingStarted: false, meetingStartsAt: startsAt })).toBeNull();
    expect(caseAccessChangesAt({ ...submitted, status: 'withdrawn', meetingStartsAt: startsAt })).toBeNull();
    // At that instant the answer is the one a new check gives once the meeting has started.
    expect(caseAccess('author', as('saksbehandler'), { ...submitted, meetingStarted: true })).toBe('read');
  });

  it('hides a colleague’s concluded case from a caseworker (history of own cases only), not from leaders', () => {
    const concluded = { ...submitted, status: 'concluded' };
    expect(caseAccess('someone-else', as('saksbehandler'), concluded)).toBe('none');
    expect(caseAccess('someone-else', as('moteleder'), concluded)).toBe('read');
    expect(caseAccess('someone-else', as('admin'), concluded)).toBe('read');
  });

  it('makes concluded and withdrawn cases read-only for all', () => {
    for (const status of ['concluded', 'withdrawn']) {
      expect(caseAccess('author', as('saksbehandler'), { ...submitted, status })).toBe('read');
      expect(caseAccess('lead', as('leder'), { ...submitted, status })).toBe('read');
    }
  });
});

describe('meetingAccess', () => {
  it('lets case workers edit an open meeting, admins read it, outsiders nothing', () => {
    const meeting = { unitId: unit, status: 'planned', hasOwnCase: false };
    expect(meetingAccess(as('saksbehandler'), meeting)).toBe('edit');
    expect(meetingAccess(as('admin'), meeting)).toBe('read');
    expect(meetingAccess([{ unitId: 'unit-b', role: 'leder' }], meeting)).toBe('none');
  });

  it('freezes closed and cancelled meetings', () => {
    expect(meetingAccess(as('moteleder'), { unitId: unit, status: 'closed', hasOwnCase: false })).toBe('read');
    expect(meetingAccess(as('moteleder'), { unitId: unit, status: 'cancelled', hasOwnCase: false })).toBe('read');
  });

  it('hides a closed meeting from a caseworker with no case on it, as if it did not exist', () => {
    expect(meetingAccess(as('saksbehandler'), { unitId: unit, status: 'closed', hasOwnCase: false })).toBe('none');
    expect(meetingAccess(as('saksbehandler'), { unitId: unit, status: 'closed', hasOwnCase: true })).toBe('read');
    // Leaders, chairs and admins see the unit's whole history.
    for (const role of ['moteleder', 'leder', 'admin'] as const)
      expect(meetingAccess(as(role), { unitId: unit, status: 'closed', hasOwnCase: false })).toBe('read');
  });

  it('shows a leader meeting to the unit’s leaders and chairs only, at every status (issue 22)', () => {
    for (const status of ['planned', 'open', 'closed', 'cancelled']) {
      const meeting = { unitId: unit, status, hasOwnCase: true, kind: 'ledermote' };
      const open = status === 'planned' || status === 'open';
      expect(meetingAccess(as('leder'), meeting)).toBe(open ? 'edit' : 'read');
      expect(meetingAccess(as('moteleder'), meeting)).toBe(open ? 'edit' : 'read');
      expect(meetingAccess(as('saksbehandler'), meeting)).toBe('none');
      expect(meetingAccess(as('admin'), meeting)).toBe('none');
      expect(meetingAccess([{ unitId: 'unit-b', role: 'leder' }], meeting)).toBe('none');
    }
    // Its items with it: a caseworker opens no item document of a leader meeting.
    const item = { locked: false, ownCase: false, meeting: { unitId: unit, status: 'open', hasOwnCase: false, kind: 'ledermote' } };
    expect(itemAccess(as('saksbehandler'), item)).toBe('none');
    expect(itemAccess(as('leder'), item)).toBe('edit');
    // A kind this version does not know is never shown to more people than a leader meeting.
    expect(meetingAccess(as('saksbehandler'), { unitId: unit, status: 'planned', hasOwnCase: false, kind: 'ukjent' })).toBe('none');
    expect(meetingAccess(as('saksbehandler'), { unitId: unit, status: 'planned', hasOwnCase: false, kind: 'saksmote' })).toBe('edit');
  });
});

describe('canChairMeeting', () => {
  it('is for the chair and the leader of the unit only', () => {
    expect(canChairMeeting(as('moteleder'), unit)).toBe(true);
    expect(canChairMeeting(as('leder'), unit)).toBe(true);
    expect(canChairMeeting(as('saksbehandler'), unit)).toBe(false);
    expect(canChairMeeting(as('moteleder'), 'unit-b')).toBe(false);
  });
});

describe('canWriteConclusion', () => {
  const open = { unitId: unit, status: 'open', hasOwnCase: false, referentId: 'sara' };
  it('lets whoever may chair and the named referent write it; no other caseworker, no admin, nobody outside', () => {
    expect(canWriteConclusion(as('moteleder'), 'mona', open)).toBe(true);
    expect(canWriteConclusion(as('leder'), 'lea', open)).toBe(true);
    expect(canWriteConclusion(as('saksbehandler'), 'sara', open)).toBe(true);
    expect(canWriteConclusion(as('saksbehandler'), 'sindre', open)).toBe(false);
    expect(canWriteConclusion(as('saksbehandler'), 'sara', { ...open, referentId: null })).toBe(false);
    expect(canWriteConclusion(as('admin'), 'sara', open)).toBe(false);
    expect(canWriteConclusion([{ unitId: 'unit-b', role: 'moteleder' }], 'mona', open)).toBe(false);
  });
  it('lets nobody write it in a closed meeting', () => {
    expect(canWriteConclusion(as('moteleder'), 'mona', { ...open, status: 'closed' })).toBe(false);
  });
});

describe('itemAccess', () => {
  it('follows the meeting, and a locked item is read-only for everyone, the chair too', () => {
    const meeting = { unitId: unit, status: 'open', hasOwnCase: false };
    expect(itemAccess(as('saksbehandler'), { locked: false, meeting, ownCase: false })).toBe('edit');
    expect(itemAccess(as('moteleder'), { locked: true, meeting, ownCase: false })).toBe('read');
    expect(itemAccess([{ unitId: 'unit-b', role: 'moteleder' }], { locked: false, meeting, ownCase: false })).toBe('none');
  });

  it('in a closed meeting, opens to a caseworker only the items of their own cases', () => {
    const closed = { unitId: unit, status: 'closed', hasOwnCase: true };
    expect(itemAccess(as('saksbehandler'), { locked: true, meeting: closed, ownCase: true })).toBe('read');
    expect(itemAccess(as('saksbehandler'), { locked: true, meeting: closed, ownCase: false })).toBe('none');
    expect(itemAccess(as('leder'), { locked: true, meeting: closed, ownCase: false })).toBe('read');
  });
});

describe('canRestoreVersion', () => {
  it('follows edit access to the document: a read-only document (locked item, meeting started) refuses it', () => {
    expect(canRestoreVersion('edit')).toBe(true);
    expect(canRestoreVersion('read')).toBe(false);
    expect(canRestoreVersion('none')).toBe(false);
    const lockedItem = itemAccess(as('moteleder'), {
      locked: true,
      meeting: { unitId: unit, status: 'open', hasOwnCase: false },
      ownCase: false,
    });
    expect(canRestoreVersion(lockedItem)).toBe(false);
    const started = caseAccess('author', as('saksbehandler'), {
      unitId: unit,
      status: 'submitted',
      createdById: 'author',
      meetingStarted: true,
    });
    expect(canRestoreVersion(started)).toBe(false);
  });
});

describe('history and audit access', () => {
  const as = (role: UnitMembership['role']): UnitMembership[] => [{ unitId: 'u1', role }];

  it('gives leaders, admins and chairs the unit’s history, caseworkers their own cases’, others nothing', () => {
    expect(historyScope(as('leder'), 'u1')).toBe('unit');
    expect(historyScope(as('admin'), 'u1')).toBe('unit');
    expect(historyScope(as('moteleder'), 'u1')).toBe('unit');
    expect(historyScope(as('saksbehandler'), 'u1')).toBe('own');
    expect(historyScope(as('leder'), 'u2')).toBe('none');
  });

  it('opens the audit log to the unit’s leaders and admins only', () => {
    expect(canReadAuditLog(as('leder'), 'u1')).toBe(true);
    expect(canReadAuditLog(as('admin'), 'u1')).toBe(true);
    expect(canReadAuditLog(as('moteleder'), 'u1')).toBe(false);
    expect(canReadAuditLog(as('saksbehandler'), 'u1')).toBe(false);
    expect(canReadAuditLog(as('admin'), 'u2')).toBe(false);
  });
});

describe('administration', () => {
  const admin = [
    { unitId: 'u1', role: 'admin' as const },
    { unitId: 'u2', role: 'leder' as const },
  ];
  it('an admin administers their own unit only, and may create units; a leder neither', () => {
    expect(canAdministerUnit(admin, 'u1')).toBe(true);
    expect(canAdministerUnit(admin, 'u2')).toBe(false);
    expect(canAdministerUnit(admin, 'u3')).toBe(false);
    expect(administeredUnits(admin)).toEqual(['u1']);
    expect(canCreateUnits(admin)).toBe(true);
    expect(canCreateUnits([{ unitId: 'u2', role: 'leder' }])).toBe(false);
    expect(canAdministerUnit([{ unitId: 'u1', role: 'leder' }], 'u1')).toBe(false);
  });
});

describe('canExportPersonData', () => {
  it('leaders and admins of the unit only', () => {
    expect(canExportPersonData(as('leder'), unit)).toBe(true);
    expect(canExportPersonData(as('admin'), unit)).toBe(true);
    expect(canExportPersonData(as('moteleder'), unit)).toBe(false);
    expect(canExportPersonData(as('saksbehandler'), unit)).toBe(false);
    expect(canExportPersonData(as('leder'), 'another-unit')).toBe(false);
  });
});

describe('canManageMeetings', () => {
  it('admins and leaders of the unit', () => {
    expect(canManageMeetings(as('admin'), unit)).toBe(true);
    expect(canManageMeetings(as('leder'), unit)).toBe(true);
    expect(canManageMeetings(as('moteleder'), unit)).toBe(false);
    expect(canManageMeetings(as('saksbehandler'), unit)).toBe(false);
    expect(canManageMeetings(as('admin'), 'another-unit')).toBe(false);
  });
});

describe('canSeeFollowUp', () => {
  const followUp = { unitId: unit, ownerId: 'owner' };
  it('shows the whole unit’s follow-ups to those who see its history, a caseworker only their own, outsiders none', () => {
    expect(canSeeFollowUp('someone', as('leder'), followUp)).toBe(true);
    expect(canSeeFollowUp('someone', as('moteleder'), followUp)).toBe(true);
    expect(canSeeFollowUp('owner', as('saksbehandler'), followUp)).toBe(true);
    expect(canSeeFollowUp('someone', as('saksbehandler'), followUp)).toBe(false);
    expect(canSeeFollowUp('owner', [{ unitId: 'another-unit', role: 'leder' }], followUp)).toBe(false);
  });
});

describe('canCompleteFollowUp', () => {
  const followUp = { unitId: unit, ownerId: 'owner' };
  it('is for the owner and the unit’s leader and chair, not for other caseworkers or admins', () => {
    expect(canCompleteFollowUp('owner', as('saksbehandler'), followUp)).toBe(true);
    expect(canCompleteFollowUp('someone', as('leder'), followUp)).toBe(true);
    expect(canCompleteFollowUp('someone', as('moteleder'), followUp)).toBe(true);
    expect(canCompleteFollowUp('someone', as('saksbehandler'), followUp)).toBe(false);
    expect(canCompleteFollowUp('someone', as('admin'), followUp)).toBe(false);
  });

  it('is for nobody outside the unit, the owner included', () => {
    expect(canCompleteFollowUp('owner', [{ unitId: 'unit-b', role: 'saksbehandler' }], followUp)).toBe(false);
    expect(canCompleteFollowUp('someone', [{ unitId: 'unit-b', role: 'leder' }], followUp)).toBe(false);
  });
});

describe('canAcceptLateCase', () => {
  it('is for the chair and the leader of the case’s unit', () => {
    expect(canAcceptLateCase(as('moteleder'), unit)).toBe(true);
    expect(canAcceptLateCase(as('leder'), unit)).toBe(true);
    expect(canAcceptLateCase(as('saksbehandler'), unit)).toBe(false);
    expect(canAcceptLateCase(as('admin'), unit)).toBe(false);
    expect(canAcceptLateCase(as('leder'), 'unit-b')).toBe(false);
  });
});

describe('starting cases and revisions', () => {
  const decided = { unitId: unit, createdById: 'author' };
  it('lets the unit’s case workers start drafts, not its admins or outsiders', () => {
    expect(canCreateCaseIn(as('saksbehandler'), unit)).toBe(true);
    expect(canCreateCaseIn(as('leder'), unit)).toBe(true);
    expect(canCreateCaseIn(as('admin'), unit)).toBe(false);
    expect(canCreateCaseIn(as('leder'), 'unit-b')).toBe(false);
    expect(
      unitsForNewCases([
        { unitId: 'u1', role: 'admin' },
        { unitId: 'u2', role: 'moteleder' },
      ]),
    ).toEqual(['u2']);
  });

  it('shows a decided case’s history unit-wide to leaders and chairs, to a caseworker only their own', () => {
    expect(canSeeCaseHistory('author', as('saksbehandler'), decided)).toBe(true);
    expect(canSeeCaseHistory('colleague', as('saksbehandler'), decided)).toBe(false);
    expect(canSeeCaseHistory('someone', as('moteleder'), decided)).toBe(true);
    expect(canSeeCaseHistory('someone', as('admin'), decided)).toBe(true);
    expect(canSeeCaseHistory('author', [{ unitId: 'unit-b', role: 'saksbehandler' }], decided)).toBe(false);
  });

  it('starts a revision for whoever sees the history and writes cases: not a colleague, not an admin', () => {
    expect(canStartRevision('author', as('saksbehandler'), decided)).toBe(true);
    expect(canStartRevision('someone', as('leder'), decided)).toBe(true);
    expect(canStartRevision('colleague', as('saksbehandler'), decided)).toBe(false);
    expect(canStartRevision('someone', as('admin'), decided)).toBe(false);
  });

  it('gives the hand-off to the record system to the case’s caseworker and the unit’s leader only', () => {
    expect(canSeeHandOff('author', as('saksbehandler'), decided)).toBe(true);
    expect(canSeeHandOff('someone', as('leder'), decided)).toBe(true);
    expect(canSeeHandOff('colleague', as('saksbehandler'), decided)).toBe(false);
    expect(canSeeHandOff('someone', as('moteleder'), decided)).toBe(false);
    expect(canSeeHandOff('someone', as('admin'), decided)).toBe(false);
    expect(canSeeHandOff('author', [{ unitId: 'unit-b', role: 'saksbehandler' }], decided)).toBe(false);
  });

  it('lets only the case’s caseworker mark it documented; the overview of what is not is the leader’s', () => {
    expect(canMarkDocumented('author', as('saksbehandler'), decided)).toBe(true);
    expect(canMarkDocumented('someone', as('leder'), decided)).toBe(false);
    expect(canMarkDocumented('author', [{ unitId: 'unit-b', role: 'saksbehandler' }], decided)).toBe(false);
    expect(unitsWithDocumentationOverview([...as('leder'), { unitId: 'unit-b', role: 'moteleder' }])).toEqual([unit]);
    expect(unitsWithDocumentationOverview(as('admin'))).toEqual([]);
  });
});

describe('habilitet (forvaltningsloven § 6)', () => {
  const open = { unitId: unit, status: 'open', hasOwnCase: false, referentId: 'sara' };
  const none = { recused: false, chairRecused: false, actingChairId: null };
  const chairInhabil = { recused: false, chairRecused: true, actingChairId: null };
  it('hides the item and its case from whoever declared themselves inhabil, whatever their role', () => {
    for (const role of ['saksbehandler', 'moteleder', 'leder'] as const) {
      expect(itemAccess(as(role), { locked: false, meeting: open, ownCase: false, recused: true })).toBe('none');
      expect(caseAccess('x', as(role), { unitId: unit, status: 'submitted', createdById: 'x', recused: true })).toBe('none');
    }
  });
  it('takes the conclusion and the lock from an inhabil chair and gives them to the referent or the named participant', () => {
    expect(canWriteConclusion(as('moteleder'), 'mona', open, { ...chairInhabil, recused: true })).toBe(false);
    expect(canLockItem(as('moteleder'), 'mona', open, { ...chairInhabil, recused: true })).toBe(false);
    expect(canLockItem(as('saksbehandler'), 'sara', open, chairInhabil)).toBe(true);
    expect(canLockItem(as('saksbehandler'), 'sara', open, none)).toBe(false);
    expect(canLockItem(as('moteleder'), 'mona', open, none)).toBe(true);
    const named = { ...chairInhabil, actingChairId: 'sindre' };
    expect(canWriteConclusion(as('saksbehandler'), 'sindre', open, named)).toBe(true);
    expect(canLockItem(as('saksbehandler'), 'sindre', open, named)).toBe(true);
    expect(canLockItem(as('admin'), 'sindre', open, named)).toBe(false);
    // Only the substitute: another leader at the table, or the referent when someone else was named, does not.
    expect(canWriteConclusion(as('leder'), 'lars', open, chairInhabil)).toBe(false);
    expect(canLockItem(as('leder'), 'lars', open, chairInhabil)).toBe(false);
    expect(canWriteConclusion(as('saksbehandler'), 'sara', open, named)).toBe(false);
    expect(canLockItem(as('saksbehandler'), 'sara', open, named)).toBe(false);
    expect(canWriteConclusion(as('leder'), 'lars', open, none)).toBe(true);
  });
  it('refuses the inhabil chair the chair’s commands on the item and gives them to whoever chairs it in her place', () => {
    expect(canChairItem(as('moteleder'), 'mona', open, none)).toBe(true);
    expect(canChairItem(as('moteleder'), 'mona', open, { ...chairInhabil, recused: true })).toBe(false);
    // The referent by default, the named participant when there is one — nobody else in case work.
    expect(canChairItem(as('saksbehandler'), 'sara', open, chairInhabil)).toBe(true);
    expect(canChairItem(as('saksbehandler'), 'sara', open, { ...chairInhabil, actingChairId: 'sindre' })).toBe(false);
    expect(canChairItem(as('saksbehandler'), 'sindre', open, { ...chairInhabil, actingChairId: 'sindre' })).toBe(true);
    expect(canChairItem(as('saksbehandler'), 'sara', open, none)).toBe(false);
    expect(canChairItem(as('saksbehandler'), 'sara', { ...open, status: 'closed' }, chairInhabil)).toBe(false);
  });
  it('gives the room and the item’s document one answer: the named participant concludes, a locked item is concluded by nobody', () => {
    const named = { ...chairInhabil, actingChairId: 'sindre' };
    const facts = { locked: false, meeting: open, ownCase: false };
    expect(itemPermissions(as('saksbehandler'), 'sindre', facts, named)).toEqual({ level: 'edit', mayConclude: true, mayLock: true });
    expect(itemPermissions(as('saksbehandler'), 'sindre', facts, none)).toEqual({ level: 'edit', mayConclude: false, mayLock: false });
    expect(itemPermissions(as('saksbehandler'), 'sindre', { ...facts, locked: true }, named)).toEqual({
      level: 'read',
      mayConclude: false,
      mayLock: true,
    });
    expect(itemPermissions(as('moteleder'), 'mona', facts, { ...chairInhabil, recused: true })).toEqual({
      level: 'none',
      mayConclude: false,
      mayLock: false,
    });
  });
  it('lets participants declare and withdraw until the item is locked', () => {
    expect(canDeclareRecusal(as('saksbehandler'), open, { locked: false })).toBe(true);
    expect(canDeclareRecusal(as('saksbehandler'), open, { locked: true })).toBe(false);
    expect(canDeclareRecusal(as('admin'), open, { locked: false })).toBe(false);
  });
});
