import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashPassword } from '../../lib/auth/password';
import { applyCaseContent } from '../../lib/cases/case-document';
import type { CaseContent } from '../../lib/cases/case-form';
import { caseSummary } from '../../lib/cases/case-summary';
import type { Db } from '../../lib/db/db';
import { nb } from '../../lib/i18n/nb';
import { applyItemContent, type ItemContent } from '../../lib/meetings/item-content';
import { documentKinds } from '../../lib/realtime/document-name';
import { demoUnitNames } from '../../lib/seed/demo-seed';
import { apiClient, completeCase } from '../support/api';
import { pages, routeHandlers, serverActions, socketEvents } from '../support/app-surface';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { storeEarlierDecisions } from '../support/like-case';
import { demo, demoFixtures, openDb } from '../support/fixtures';
import { login, loginDemoUsers } from '../support/login';
import { pdfText } from '../support/pdf-text';
import { DateTime } from 'luxon';
import { hashCalendarToken } from '../../lib/meetings/calendar-token';
import { formWith, submitRenderedForm } from '../support/rendered-forms';
import { actionIdsIn, builtServerActions, postServerAction, type ActionAnswer } from '../support/server-actions';
import { connectSocket } from '../support/socket-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { connectYjs, rawUpgrade, waitFor, whenSynced, type YjsClient } from '../support/yjs-client';
import { systemClock } from '../../lib/time/clock';
import { syncAgenda } from '../../lib/meetings/sync-agenda';

/**
 * The authorisation matrix (issue 7): every API route, download, page with
 * case or meeting content, server action, socket.io event and Yjs document
 * kind, tried by every role of the case's own unit and of another unit (and
 * without a session), against the table below. One real server, real HTTP,
 * real websockets; every write is checked in the database (or through the
 * app's own read path), not only by its status.
 *
 * The table is written from the rules — lib/access/policy.ts (its comments
 * and unit tests), docs/realtime.md, docs/api.md and DOMAIN.md — not from
 * what the code happens to return:
 * - Nobody sees anything of another unit; without a session nothing at all.
 * - Drafts: the author and colleagues in case work co-author; admins do not see them.
 * - Submitted cases: the author edits until the meeting starts; colleagues read;
 *   møteleder/leder edit (also in the meeting); admins read.
 * - Concluded cases and closed meetings are history: unit-wide for møteleder,
 *   leder and admin, a saksbehandler's own cases only. Withdrawn: read-only.
 * - Chair commands and late acceptance: møteleder or leder of the unit.
 * - The audit log: leder and admin. Statistics and the consistency view: whole-unit history.
 * - Follow-ups are ticked off by their owner, or a leder/møteleder of the unit.
 *
 * Outcomes: allow (done / shown) · deny (401, 403, 404 or sent to /login, and
 * no effect) · read / edit (the level granted) · own (a saksbehandler's own
 * items only) · hidden (a list answers but leaves the thing out).
 */

const subjects = [
  'anonymous',
  'author',
  'colleague',
  'moteleder',
  'leder',
  'admin',
  'other:saksbehandler',
  'other:moteleder',
  'other:leder',
  'other:admin',
] as const;
type Subject = (typeof subjects)[number];
type SignedIn = Exclude<Subject, 'anonymous'>;
type Outcome = 'allow' | 'deny' | 'read' | 'edit' | 'own' | 'hidden';
/** What a probe can observe: an outcome, or 'partial' (some of the unit's items but not the subject's own set). */
type Observed = Outcome | 'partial';
type Cells = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

// The subjects, in the table's column order. "author" wrote the case (or owns the
// follow-up) the row is about; "colleague" is another saksbehandler of the same unit.
// prettier-ignore
const expected = {
  //                                                              anonymous author   colleague moteleder leder   admin      other unit: saksbeh. moteleder leder     admin
  // ── API routes (app/api/**/route.ts) ──
  'GET /api/cases · own queue shows the author’s draft':           ['deny', 'allow', 'hidden', 'hidden', 'hidden', 'hidden',   'hidden', 'hidden', 'hidden', 'hidden'],
  'POST /api/cases · new draft in the unit':                       ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'GET /api/cases/[id] · draft':                                   ['deny', 'edit',  'edit',   'edit',   'edit',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'GET /api/cases/[id] · submitted':                               ['deny', 'edit',  'read',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'GET /api/cases/[id] · submitted, meeting started':              ['deny', 'read',  'read',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'GET /api/cases/[id] · concluded':                               ['deny', 'read',  'deny',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  'GET /api/cases/[id] · withdrawn':                               ['deny', 'read',  'read',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  'PATCH /api/cases/[id] · draft':                                 ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'PATCH /api/cases/[id] · submitted':                             ['deny', 'allow', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'PATCH /api/cases/[id] · submitted, meeting started':            ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'PATCH /api/cases/[id] · concluded':                             ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/submit · draft':                           ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/submit · submitted (send changes)':        ['deny', 'allow', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/submit · meeting started':                 ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/withdraw · draft':                         ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/withdraw · submitted':                     ['deny', 'allow', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/withdraw · meeting started':               ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/delete-draft · draft':                     ['deny', 'allow', 'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/delete-draft · submitted':                 ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/accept-late':                              ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'GET /api/auth/[...nextauth] · session is the caller’s own':     ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  'POST /api/auth/[...nextauth] · sign-in with a wrong password':  ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'GET /api/health · says only whether the database answers':     ['allow', 'allow', 'allow', 'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  // ── Downloads (other route.ts under app/) ──
  'GET /moter/[id]/referat/pdf · closed meeting':                  ['deny', 'own',   'own',    'allow',  'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'GET /revisjon/csv · the unit’s audit entries':                  ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'hidden', 'hidden'],
  'GET /historikk/statistikk/csv · the unit’s items':              ['deny', 'deny',  'deny',   'allow',  'allow',  'allow',    'deny',   'hidden', 'hidden', 'hidden'],
  'GET /historikk/person/innsyn · the author’s person reference':   ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  // ── Pages ──
  'page / · the unit’s next meeting':                              ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'hidden', 'hidden', 'hidden', 'hidden'],
  'page /saker · the author’s draft in the queue':                 ['deny', 'allow', 'hidden', 'hidden', 'hidden', 'hidden',   'hidden', 'hidden', 'hidden', 'hidden'],
  'page /saker/[id] · draft':                                      ['deny', 'edit',  'edit',   'edit',   'edit',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'page /saker/[id] · submitted':                                  ['deny', 'edit',  'read',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'page /saker/[id] · submitted, meeting started':                 ['deny', 'read',  'read',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'page /saker/[id] · concluded':                                  ['deny', 'read',  'deny',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  'page /saker/[id] · withdrawn':                                  ['deny', 'read',  'read',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  'page /saker/[id] · similar earlier decisions of the author':    ['deny', 'allow', 'hidden', 'allow',  'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id] · agenda of a planned meeting':                ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id] · late requests (chair’s section)':            ['deny', 'hidden', 'hidden', 'allow', 'allow',  'hidden',   'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/rom · planned meeting':                        ['deny', 'edit',  'edit',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/rom · closed meeting':                         ['deny', 'own',   'own',    'allow',  'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/referat · closed meeting':                     ['deny', 'own',   'own',    'allow',  'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'page /historikk · past meetings':                               ['deny', 'own',   'own',    'allow',  'allow',  'allow',    'hidden', 'hidden', 'hidden', 'hidden'],
  'page /historikk/person · the author’s person reference':        ['deny', 'allow', 'hidden', 'allow',  'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'page /historikk/likebehandling · the unit’s pairs':             ['deny', 'deny',  'deny',   'allow',  'allow',  'allow',    'deny',   'hidden', 'hidden', 'hidden'],
  'page /historikk/statistikk · the unit’s figures':               ['deny', 'deny',  'deny',   'allow',  'allow',  'allow',    'deny',   'hidden', 'hidden', 'hidden'],
  'page /sok · a hit in the author’s concluded case':              ['deny', 'allow', 'hidden', 'allow',  'allow',  'allow',    'hidden', 'hidden', 'hidden', 'hidden'],
  'page /oppfolging · the author’s follow-up':                     ['deny', 'allow', 'hidden', 'allow',  'allow',  'allow',    'hidden', 'hidden', 'hidden', 'hidden'],
  'page /revisjon · the unit’s audit entries':                     ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'hidden', 'hidden'],
  // ── Server actions ('use server') ──
  'page /saker/ny · the empty form in the unit':                   ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action createDraftAction · in the unit':                        ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action setFollowUpDone · the author’s follow-up':               ['deny', 'allow', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action setFollowUpDone · from another site (Origin)':           ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'action startRevisionDraft · the author’s concluded case':       ['deny', 'allow', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  // ── Administration (issue 8): a unit's admin; creating units: whoever is admin somewhere ──
  'page /admin · the own unit listed':                             ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'hidden', 'hidden'],
  'page /admin/enheter/[unitId]/moter · the own unit’s meetings':   ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action createSeriesAction · in the own unit':                   ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action endSeriesAction · a series of the own unit':             ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action moveMeetingAction · a meeting of the own unit':          ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action cancelMeetingAction · a meeting of the own unit':        ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action addMeetingAction · in the own unit':                     ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action rotateCalendarAction · the own unit’s link':             ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action addFreeDaysAction · days without meetings in the own unit': ['deny', 'deny', 'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action removeFreeDaysAction · a period of the own unit':         ['deny', 'deny',  'deny',   'deny',   'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'action markNotificationReadAction · one’s own notice':          ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  'action markNotificationReadAction · the author’s notice':       ['deny', 'allow', 'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  // The calendar feed's secret URL is its credential (calendar apps send no cookie): the token decides, not the session.
  'GET /kalender/[token] · the unit’s current token':              ['allow', 'allow', 'allow', 'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  'GET /kalender/[token] · a wrong token':                         ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'page /admin/enheter/[unitId] · the own unit’s members':         ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'page /konto · one’s own account':                               ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  'action createUnitAction':                                       ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'allow'],
  'action renameUnitAction · the own unit':                        ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  // ── Minutes people approve (issue 19): the draft minutes of the demo's past meeting, the unit's period ──
  'action commentOnMinutesAction · draft minutes of a past meeting': ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action editMinutesItemAction · draft minutes of a closed meeting': ['deny', 'deny', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action approveMinutesAction · draft minutes of a closed meeting':  ['deny', 'deny', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action setApprovalPeriodAction · the own unit':                  ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action addMemberAction · to the own unit':                      ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action changeRoleAction · a member of the own unit':            ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action removeMemberAction · a member of the own unit':          ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action setActiveAction · a member of the own unit':             ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action setPasswordAction · a member of the own unit':           ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action changeOwnPasswordAction · one’s own password':           ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  // ── Accounts (issue 16): account powers follow canManageAccount; the account pages are a system administrator's (none of these subjects is one) ──
  'page /admin/kontoer · the system administrator’s accounts':     ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'page /admin/kontoer/[userId] · an account of the own unit':     ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'action changeAccountNameAction · a member of the own unit':     ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action changeAccountEmailAction · a member of the own unit':    ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  'action unlinkOidcAction · a member of the own unit':            ['deny', 'deny',  'deny',   'deny',   'deny',   'allow',    'deny',   'deny',   'deny',   'deny'],
  // ── socket.io ──
  'socket handshake':                                              ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  'socket meeting:join · planned meeting':                         ['deny', 'edit',  'edit',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:join · closed meeting':                          ['deny', 'read',  'read',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:leave · only the caller’s own socket':           ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'allow',  'allow',  'allow',  'allow'],
  'socket meeting:watch-agenda · planned meeting':                 ['deny', 'allow', 'allow',  'allow',  'allow',  'allow',    'deny',   'deny',   'deny',   'deny'],
  'socket meeting:set-current':                                    ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:set-current · closed meeting':                   ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:lock-item':                                      ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:reorder':                                        ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:plan-item':                                      ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:add-item':                                       ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:close':                                          ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:set-referent':                                   ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:set-a-list':                                     ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:conclude-a-list · an open meeting':              ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  // ── Yjs documents (/yjs/<kind>:<id>) ──
  'yjs case · draft':                                              ['deny', 'edit',  'edit',   'edit',   'edit',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'yjs case · submitted':                                          ['deny', 'edit',  'read',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'yjs case · submitted, meeting started':                         ['deny', 'read',  'read',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'yjs case · concluded':                                          ['deny', 'read',  'deny',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  'yjs case · withdrawn':                                          ['deny', 'read',  'read',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  'yjs item · planned meeting, unlocked':                          ['deny', 'edit',  'edit',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'yjs item · locked':                                             ['deny', 'read',  'read',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  // The conclusion is the chair's (and the referent's, none here): a caseworker's edit to it is refused like a read-only one.
  'yjs item · the conclusion (item.conclusion), unlocked':         ['deny', 'read',  'read',   'edit',   'edit',   'read',     'deny',   'deny',   'deny',   'deny'],
  'yjs item · closed meeting, the author’s case':                  ['deny', 'read',  'deny',   'read',   'read',   'read',     'deny',   'deny',   'deny',   'deny'],
  // ── National identity numbers (issue 16): the "not a national identity number" override, edit access to the case ──
  'POST /api/cases/[id]/national-id-overrides · draft':            ['deny', 'allow', 'allow',  'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'POST /api/cases/[id]/national-id-overrides · concluded':        ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  // ── end of national identity numbers ──
  // ── Issue 16 (realtime, item 7): a closed meeting with none of the caseworkers' cases is hidden from them at every door ──
  // (the meeting of a leader's case; "hidden" = 404 as if missing). And the removed meeting-wide Yjs kind is refused.
  'page /moter/[id] · closed meeting, no case of the caseworkers':      ['deny', 'deny', 'deny', 'allow', 'allow', 'allow',   'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/rom · closed meeting, no case of the caseworkers':  ['deny', 'deny', 'deny', 'allow', 'allow', 'allow',   'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/referat · closed meeting, no case of the caseworkers': ['deny', 'deny', 'deny', 'allow', 'allow', 'allow', 'deny',   'deny',   'deny',   'deny'],
  'GET /moter/[id]/referat/pdf · closed meeting, no case of the caseworkers': ['deny', 'deny', 'deny', 'allow', 'allow', 'allow', 'deny', 'deny',   'deny',   'deny'],
  'socket meeting:join · closed meeting, no case of the caseworkers':   ['deny', 'deny', 'deny', 'read',  'read',  'read',    'deny',   'deny',   'deny',   'deny'],
  'yjs item · closed meeting, no case of the caseworkers':             ['deny', 'deny', 'deny', 'read',  'read',  'read',    'deny',   'deny',   'deny',   'deny'],
  'yjs meeting:<id> · no such document kind (refused by name)':         ['deny', 'deny', 'deny', 'deny',  'deny',  'deny',    'deny',   'deny',   'deny',   'deny'],
  // ── end of the issue 16 (realtime) block ──
  // ── Issue 17 (versions): a history is shown at the document's level; restore needs edit access (canRestoreVersion) ──
  'page /saker/[id]/versjoner · submitted':                               ['deny', 'edit', 'read', 'edit',  'edit',  'read',    'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/punkter/[itemId]/versjoner · planned meeting, unlocked': ['deny', 'edit', 'edit', 'edit', 'edit', 'read', 'deny',   'deny',   'deny',   'deny'],
  'action restoreVersionAction · a submitted case':                       ['deny', 'allow', 'deny', 'allow', 'allow', 'deny',    'deny',   'deny',   'deny',   'deny'],
  'action restoreVersionAction · a locked item':                          ['deny', 'deny', 'deny', 'deny',  'deny',  'deny',    'deny',   'deny',   'deny',   'deny'],
  // ── end of the issue 17 (versions) block ──
  // ── Issue 19 (after the meeting): the hand-off to the record system is the caseworker's and the leader's (canSeeHandOff) ──
  'page /saker/[id]/fagsystem · the author’s concluded case':            ['deny', 'allow', 'deny', 'deny',  'allow', 'deny',    'deny',   'deny',   'deny',   'deny'],
  'page /saker/[id]/fagsystem · a submitted case (not concluded)':       ['deny', 'deny', 'deny', 'deny',   'deny',  'deny',    'deny',   'deny',   'deny',   'deny'],
  'page /fagsystem · the unit’s cases not documented in the record system': ['deny', 'deny', 'deny', 'deny', 'allow', 'deny',   'deny',   'deny',   'hidden', 'deny'],
  'action markDocumentedAction · the author’s concluded case':          ['deny', 'allow', 'deny', 'deny',  'deny',  'deny',    'deny',   'deny',   'deny',   'deny'],
  'action askForMissingAction · a case with gaps on a planned meeting':  ['deny', 'deny',  'deny', 'allow', 'allow', 'deny',    'deny',   'deny',   'deny',   'deny'],
  'action setAListAction · an item on a planned meeting':           ['deny', 'deny',  'deny', 'allow', 'allow', 'deny',    'deny',   'deny',   'deny',   'deny'],
  'POST /saker/[id]/fagsystem/brev · the draft letter of the author’s concluded case': ['deny', 'allow', 'deny', 'deny', 'allow', 'deny', 'deny',   'deny',   'deny',   'deny'],
  'POST /saker/[id]/fagsystem/brev · from another site (Origin)':      ['deny', 'deny', 'deny', 'deny',   'deny',  'deny',    'deny',   'deny',   'deny',   'deny'],
  // ── end of the issue 19 block ──
  // ── Issue 18: habilitet (forvaltningsloven § 6) ──
  'action recusalAction · declare inhabil for an item of a planned meeting': ['deny', 'allow', 'allow', 'allow', 'allow', 'deny',   'deny',   'deny',   'deny',   'deny'],
  'action actingChairAction · name who chairs an item of a planned meeting': ['deny', 'deny', 'deny', 'allow', 'allow', 'deny',  'deny',   'deny',   'deny',   'deny'],
  'yjs item · the subject declared themselves inhabil for it':      ['deny', 'deny',  'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'yjs case · the subject declared themselves inhabil for its item': ['deny', 'deny', 'deny',   'deny',   'deny',   'deny',     'deny',   'deny',   'deny',   'deny'],
  // ── Issue 22: service-level and political cases — the unit's leaders and chairs only; to caseworkers and admins they do not exist ──
  'page /ledersaker · the unit’s leader case listed':               ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'hidden', 'hidden', 'deny'],
  'page /ledersaker/[id] · a service-level case':                  ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'GET /ledersaker/[id]/saksframlegg · a political case':           ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action createLeaderCaseAction · in the unit':                   ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action saveLeaderCaseAction · a case of the unit':              ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action attachEvidenceAction · a case of the unit':              ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'action putOnMeetingAction · a case of the unit, a leader meeting': ['deny', 'deny', 'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  // A leader meeting (Meeting.kind 'ledermote'): the unit's leaders and chairs at every door; to caseworkers and admins it is missing.
  'page / · a leader meeting listed':                              ['deny', 'hidden', 'hidden', 'allow', 'allow',  'hidden',   'hidden', 'hidden', 'hidden', 'hidden'],
  'page /moter/[id] · a planned leader meeting':                   ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/rom · a planned leader meeting':               ['deny', 'deny',  'deny',   'edit',   'edit',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:join · a planned leader meeting':                ['deny', 'deny',  'deny',   'edit',   'edit',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'socket meeting:watch-agenda · a planned leader meeting':        ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'yjs item · a planned leader meeting, unlocked':                 ['deny', 'deny',  'deny',   'edit',   'edit',   'deny',     'deny',   'deny',   'deny',   'deny'],
  'page /moter/[id]/referat · a closed leader meeting':            ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'GET /moter/[id]/referat/pdf · a closed leader meeting':         ['deny', 'deny',  'deny',   'allow',  'allow',  'deny',     'deny',   'deny',   'deny',   'deny'],
  'page /historikk · a closed leader meeting':                     ['deny', 'hidden', 'hidden', 'allow', 'allow',  'hidden',   'hidden', 'hidden', 'hidden', 'hidden'],
  // ── end of the issue 22 block ──
} as const satisfies Record<string, Cells>;
type Operation = keyof typeof expected;

/**
 * Cells where the app does not do what the rules say. Each is still checked:
 * the cell passes while the violation is there and fails once it is fixed, so
 * the entry is removed then. Empty = no known violation.
 */
const knownViolations: Partial<Record<Operation, { subjects: Subject[]; observed: Observed; note: string }>> = {};

/** Pages that show no case or meeting content, with the reason (every other page needs a row). */
const pagesWithoutCaseContent: Record<string, string> = {
  '/login': 'the sign-in form; a signed-in user is sent on to /',
  '/tilgjengelighet': 'the accessibility statement: the same public text for everyone, no login',
};
/** socket.io events that are not commands a client sends. */
const socketLifecycleEvents: Record<string, string> = {
  disconnect: 'raised by socket.io itself when a socket closes; only updates presence',
};

// ─── The server, the subjects and the things they try ───────────────────────

const otherUnitStaff = { 'other:moteleder': 'moteleder', 'other:leder': 'leder', 'other:admin': 'admin' } as const;
const emails: Record<SignedIn, string> = {
  author: demo.caseworker,
  colleague: demo.caseworker2,
  moteleder: demo.chair,
  leder: demo.leader,
  admin: demo.admin,
  'other:saksbehandler': demo.otherUnit,
  'other:moteleder': 'matrise-moteleder@annen.test',
  'other:leder': 'matrise-leder@annen.test',
  'other:admin': 'matrise-admin@annen.test',
};
const roleOf: Record<SignedIn, string> = {
  author: 'saksbehandler',
  colleague: 'saksbehandler',
  moteleder: 'moteleder',
  leder: 'leder',
  admin: 'admin',
  'other:saksbehandler': 'saksbehandler',
  ...otherUnitStaff,
};

// Past decisions from the demo seed: the author's (Sara) and the colleague's (Sindre).
const pastTitles = { author: 'Økning av BPA fra 20 til 28 timer', colleague: 'Søknad om avlastning for familie' };
const pastPdfWords = { author: 'BPA', colleague: 'avlastning for familie' };
const authorConclusion = 'Midlertidig økning til 28 timer';
const authorFollowUp = 'Skriv vedtak om midlertidig økning';
const likeDecisionTitle = 'Matrise: økning av BPA etter brudd i armen';
const auditMarker = 'matrisemarkor';
const auditEntity = 'matriseentitet0001';

let database: TestDatabase;
let server: TestServer;
let db: Db;
const cookies: Partial<Record<SignedIn, string>> = {};
const userIds: Partial<Record<SignedIn, string>> = {};
const sockets: Partial<Record<SignedIn, Socket>> = {};
const openSockets: Socket[] = [];
let actions: Record<
  | 'createDraftAction'
  | 'commentOnMinutesAction'
  | 'editMinutesItemAction'
  | 'approveMinutesAction'
  | 'setFollowUpDone'
  | 'startRevisionDraft'
  | 'restoreVersionAction'
  | 'markDocumentedAction'
  | 'askForMissingAction'
  | 'recusalAction'
  | 'actingChairAction'
  | 'setAListAction',
  { id: string; page: string }
>;
let fx: Awaited<ReturnType<typeof arrange>>;
/** The unit the cases and meetings of the table belong to (the demo's main unit). */
let mainUnitId: string;
let serial = 0;
const next = () => (serial += 1);

const cookieOf = (s: Subject) => (s === 'anonymous' ? null : cookies[s]!);
const userOf = (s: SignedIn) => userIds[s]!;
const client = (s: Subject) => apiClient(server.url, cookieOf(s));

async function get(path: string, s: Subject) {
  const response = await fetch(`${server.url}${path}`, { headers: s === 'anonymous' ? {} : { cookie: cookieOf(s)! }, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

function refusal(status: number, location: string | null = null): 'deny' {
  if ([401, 403, 404].includes(status)) return 'deny';
  if (status >= 300 && status < 400 && location && new URL(location, server.url).pathname === '/login') return 'deny';
  throw new Error(`neither an answer nor a refusal: HTTP ${status}${location ? ` → ${location}` : ''}`);
}

/** A page or download: refused, or its content classified. */
async function view(path: string, s: Subject, classify: (body: string, bytes: Uint8Array) => Observed): Promise<Observed> {
  const r = await get(path, s);
  if (r.status !== 200) return refusal(r.status, r.location);
  return classify(new TextDecoder().decode(r.bytes), r.bytes);
}

const shows = (marker: () => string) => (body: string) => (body.includes(marker()) ? 'allow' : 'hidden');

/** Which of the two past decisions a subject was shown: both, only their own, none — or something else. */
function ownOrAll(s: Subject, present: { author: boolean; colleague: boolean }): Observed {
  if (present.author && present.colleague) return 'allow';
  if (!present.author && !present.colleague) return 'hidden';
  if (s === 'author' && present.author) return 'own';
  if (s === 'colleague' && present.colleague) return 'own';
  return 'partial';
}

/** The level a case page renders its editor with (the client component's `editable` prop). */
function editorLevel(html: string): Observed {
  const flag = /\\?"editable\\?":(true|false)/.exec(html);
  if (!flag) throw new Error('the case page rendered no editor');
  return flag[1] === 'true' ? 'edit' : 'read';
}

/** A write: allowed = answered 2xx/3xx and done; denied = refused (or a state conflict) and not done. */
function writeOutcome(status: number, done: boolean): Observed {
  if (done && status >= 200 && status < 400) return 'allow';
  if (!done && [401, 403, 404, 409].includes(status)) return 'deny';
  throw new Error(`inconsistent: HTTP ${status}, and the change was ${done ? '' : 'not '}made`);
}

/**
 * A server action: allowed = done (200, or 303 to where it leads); denied = not
 * done and refused — 404 like a page one may not see (a 500 would be a crash,
 * not a refusal), 403 from the cross-site check — or sent to /login.
 */
function actionOutcome(answer: ActionAnswer, done: boolean): Observed {
  if (done && (answer.status === 200 || answer.status === 303)) return 'allow';
  if (!done && (answer.status === 404 || answer.status === 403)) return 'deny';
  if (!done && answer.status === 303 && answer.location && new URL(answer.location, server.url).pathname === '/login') return 'deny';
  throw new Error(
    `inconsistent: HTTP ${answer.status}${answer.location ? ` → ${answer.location}` : ''}, and the change was ${done ? '' : 'not '}made`,
  );
}

function runAction(s: Subject, name: keyof typeof actions, fields: Record<string, string>, origin?: string) {
  return postServerAction(server.url, actions[name].page, actions[name].id, fields, { cookie: cookieOf(s), origin });
}

/** The subject's socket, or null when the handshake is refused (it must be, without a session). */
async function socketOf(s: Subject): Promise<Socket | null> {
  if (s !== 'anonymous') {
    // A command that changes someone's access (declaring oneself inhabil, recheckLiveUser) closes all of their
    // sockets from the server, and socket.io's client does not reconnect after that: an emit on the closed socket
    // waits for an ack that never comes. Such a subject is given a new socket, as the page reloading would.
    if (!sockets[s]!.connected) {
      const socket = await connectSocket(server.url, cookies[s]!);
      openSockets.push(socket);
      sockets[s] = socket;
    }
    return sockets[s]!;
  }
  const refused = await connectSocket(server.url, null).then(
    (socket) => {
      openSockets.push(socket);
      return null;
    },
    (error: Error) => error.message,
  );
  if (refused !== 'unauthenticated')
    throw new Error(`a handshake without a session was ${refused ? `refused with ${refused}` : 'accepted'}`);
  return null;
}

type Ack = { ok: boolean; error?: string; access?: string };
async function emit(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack;
}

function ackOutcome(ack: Ack, done: boolean): Observed {
  if (ack.ok && done) return 'allow';
  if (!ack.ok && !done && ['unauthenticated', 'forbidden', 'not_found', 'conflict'].includes(ack.error ?? '')) return 'deny';
  throw new Error(`inconsistent: ack ${JSON.stringify(ack)}, and the change was ${done ? '' : 'not '}made`);
}

/** The draft decision letter posted as the hand-off page's form does: a PDF with the posted words, or a refusal. */
async function letterDownload(s: Subject, origin: string): Promise<Observed> {
  const body = new URLSearchParams({ format: 'pdf', text: 'Matrisebrev om vedtaket' });
  const response = await fetch(`${server.url}/saker/${fx.concludedId}/fagsystem/brev`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...(s === 'anonymous' ? {} : { cookie: cookieOf(s)! }) },
    body,
    redirect: 'manual',
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) return refusal(response.status, response.headers.get('location'));
  return pdfText(bytes).includes('Matrisebrev om vedtaket') ? 'allow' : 'hidden';
}

// ─── Administration forms (useActionState server actions), posted as the page rendered them ───

/** Outcome of an administration form: refusals come back as the form's error (200), a 303 to /login or an HTTP error. */
function formOutcome(answer: { status: number; body: string }, done: boolean): Observed {
  if (done && answer.status === 200) return 'allow';
  if (!done && answer.status !== 200) return refusal(answer.status === 303 ? 307 : answer.status, answer.status === 303 ? '/login' : null);
  if (!done && [nb.admin.errors.not_found, nb.admin.errors.forbidden].some((message) => answer.body.includes(message))) return 'deny';
  throw new Error(`inconsistent: HTTP ${answer.status}, and the change was ${done ? '' : 'not '}made`);
}

/** The demo's past meeting with its minutes a draft again (the approval cell approves it). */
async function draftMinutes(): Promise<void> {
  await db.meeting.update({
    where: { id: fx.pastMeetingId },
    data: { minutesStatus: 'draft', minutesDraftUntil: '2999-12-31', minutesApprovedAt: null, minutesApprovedById: null },
  });
}

/** The minutes' forms answer 200 with the form's state either way; refusals also as 404 (hidden) or the login. */
function minutesOutcome(answer: ActionAnswer, done: boolean): Observed {
  if (done && answer.status === 200) return 'allow';
  if (!done && answer.status === 200) return 'deny';
  return actionOutcome(answer, done);
}

/** Loads `page` as `renderedFor` (the admin by default), takes the form with every marker, and posts it as `s`. */
async function adminForm(s: Subject, page: string, markers: string[], fields: Record<string, string>, renderedFor: SignedIn = 'admin') {
  const html = new TextDecoder().decode((await get(page, renderedFor)).bytes);
  return submitRenderedForm(server.url, page, formWith(html, ...markers), fields, { cookie: cookieOf(s) });
}

let rotations: Promise<Observed> = Promise.resolve('deny');
const meetingsPage = () => `/admin/enheter/${fx.mainUnitId}/moter`;
/** The other unit's calendar token (the main unit's is what the rotate cells change). */
const calendarToken = 'matrisekalender-' + 'k'.repeat(27);
let matrixMemberHash: string;
/** A fresh saksbehandler of the main unit, with a password: the person an administration cell acts on. */
async function memberOfMainUnit(): Promise<string> {
  matrixMemberHash ??= await hashPassword(`matrise-${demo.password}-medlem`);
  const user = await db.user.create({
    data: {
      email: `matrise-medlem-${next()}@demo.test`,
      name: `Matrise Medlem ${serial}`,
      passwordHash: matrixMemberHash,
      memberships: { create: { unitId: fx.mainUnitId, role: 'saksbehandler' } },
    },
  });
  return user.id;
}

// ─── Data: made with Prisma beside the server, as the other integration tests do ───

/** A case of the author's in the own unit, its form in its Yjs document (as the seed stores it). */
async function makeCase(options: { status: string; meetingId?: string | null; lateRequestMeetingId?: string | null; title?: string }) {
  const content: CaseContent = { ...completeCase, question: options.title ?? `Matrisesak ${next()}` };
  const author = userOf('author');
  const submitted = options.status !== 'draft';
  const created = await db.case.create({
    data: {
      ...caseSummary(content),
      unitId: mainUnitId,
      createdById: author,
      status: options.status,
      meetingId: options.meetingId ?? null,
      lateRequestMeetingId: options.lateRequestMeetingId ?? null,
      version: submitted ? 1 : 0,
      submittedAt: submitted ? systemClock.now() : null,
      versions: submitted
        ? { create: { version: 1, content: JSON.stringify(content), submittedById: author, meetingId: options.meetingId ?? null } }
        : undefined,
    },
  });
  const doc = new Y.Doc();
  applyCaseContent(doc, content);
  await db.yDocState.create({ data: { name: `case:${created.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
  doc.destroy();
  return created;
}

async function makeMeeting(options: {
  startsAt: Date;
  status?: string;
  items?: { title: string; locked?: boolean; content?: ItemContent }[];
}) {
  const meeting = await db.meeting.create({
    data: {
      unitId: mainUnitId,
      startsAt: options.startsAt,
      endsAt: new Date(options.startsAt.getTime() + 90 * 60_000),
      submissionDeadline: new Date(options.startsAt.getTime() - 24 * 3600_000),
      status: options.status ?? 'planned',
      chairId: userOf('moteleder'),
    },
  });
  const items = [];
  for (const [index, item] of (options.items ?? []).entries()) {
    const created = await db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        title: item.title,
        position: index + 1,
        plannedMinutes: 5,
        purpose: 'orientering',
        reason: 'added',
        locked: item.locked ?? false,
        status: item.locked ? 'concluded' : 'pending',
      },
    });
    if (item.content) {
      const doc = new Y.Doc();
      applyItemContent(doc, item.content);
      await db.yDocState.create({ data: { name: `item:${created.id}`, state: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
      doc.destroy();
    }
    items.push(created);
  }
  return { meeting, items };
}

const days = (n: number) => new Date(systemClock.now().getTime() + n * 24 * 3600_000);
/** A planned meeting of its own for one chair command, far from the real schedule so nothing is carried into it. */
const chairMeeting = (items = true) =>
  makeMeeting({
    startsAt: new Date(days(400).getTime() + next() * 3600_000),
    items: items
      ? [{ title: `Matrisepunkt A ${serial}`, content: { outcome: 'tatt_til_orientering' } }, { title: `Matrisepunkt B ${serial}` }]
      : [],
  });

async function arrange() {
  const demoData = await demoFixtures(db);
  const pastItems = await db.agendaItem.findMany({ where: { meetingId: demoData.pastMeeting.id }, include: { followUps: true } });
  const pastCases = await db.case.findMany({ where: { id: { in: pastItems.map((i) => i.caseId!) } } });
  const authorPastItem = pastItems.find((i) => pastCases.find((c) => c.id === i.caseId)?.createdById === userOf('author'))!;
  const colleaguePastItem = pastItems.find((i) => pastCases.find((c) => c.id === i.caseId)?.createdById === userOf('colleague'))!;

  const planned = (await makeMeeting({ startsAt: days(30) })).meeting;
  const late = (await makeMeeting({ startsAt: days(31) })).meeting;
  const started = (await makeMeeting({ startsAt: new Date(systemClock.now().getTime() - 10 * 60_000) })).meeting;
  const withItems = await makeMeeting({
    startsAt: days(32),
    items: [
      { title: 'Matrise: åpent punkt' },
      { title: 'Matrise: låst punkt', locked: true, content: { outcome: 'tatt_til_orientering' } },
    ],
  });
  const submitted = await makeCase({ status: 'submitted', meetingId: planned.id, title: 'Matrise: innmeldt sak' });
  const lateCase = await makeCase({ status: 'submitted', lateRequestMeetingId: late.id, title: 'Matrise: sent innmeldt sak' });
  const startedCase = await makeCase({ status: 'submitted', meetingId: started.id });
  const withdrawn = await makeCase({ status: 'withdrawn' });

  // Two earlier decisions like the author's, with different outcomes (as tests/integration/history-insight.test.ts does).
  const { id: _seeded, ...base } = await db.searchEntry.findFirstOrThrow({ where: { itemId: authorPastItem.id } });
  await db.searchEntry.createMany({
    data: [
      { ...base, itemId: 'matriselik0001', caseId: null, outcome: 'avklart', title: likeDecisionTitle, meetingDate: days(-40) },
      {
        ...base,
        itemId: 'matriselik0002',
        caseId: null,
        outcome: 'henvist',
        title: 'Matrise: økning av BPA etter fall og brudd i hoften',
        meetingDate: days(-60),
      },
    ],
  });
  await storeEarlierDecisions(db);
  // An entry of the unit's audit log to look for.
  await db.auditEvent.create({
    data: {
      unitId: mainUnitId,
      actorId: userOf('leder'),
      action: 'case.read',
      entityType: 'case',
      entityId: auditEntity,
      detail: JSON.stringify({ view: auditMarker }),
    },
  });
  return {
    mainUnitId,
    otherUnitId: demoData.otherUnit.id,
    nextMeetingId: demoData.meeting.id,
    pastMeetingId: demoData.pastMeeting.id,
    draftId: demoData.draftCase.id,
    concludedId: authorPastItem.caseId!,
    authorPastItem,
    colleaguePastItem,
    plannedMeetingId: planned.id,
    lateMeetingId: late.id,
    startedMeetingId: started.id,
    itemsMeetingId: withItems.meeting.id,
    openItemId: withItems.items[0].id,
    lockedItemId: withItems.items[1].id,
    submitted,
    lateCase,
    startedCaseId: startedCase.id,
    withdrawnId: withdrawn.id,
  };
}

// ─── How each operation is tried ────────────────────────────────────────────

type Probe = { covers: string; run: (s: Subject) => Promise<Observed> };

const caseRead = (id: () => string): Probe => ({
  covers: 'route GET /api/cases/[id]',
  run: async (s) => {
    const r = await client(s).get(`/api/cases/${id()}`);
    if (r.status !== 200) return refusal(r.status);
    if (r.body.access !== 'read' && r.body.access !== 'edit') throw new Error(`access ${r.body.access}`);
    return r.body.access;
  },
});

/** Changes the facts; whether they changed is read back through the API as the unit's leader (who may read every case here). */
const casePatch = (make: () => Promise<{ id: string }>): Probe => ({
  covers: 'route PATCH /api/cases/[id]',
  run: async (s) => {
    const { id } = await make();
    const facts = `Matriseendring ${next()}`;
    const r = await client(s).patch(`/api/cases/${id}`, { facts });
    const after = await client('leder').get(`/api/cases/${id}`);
    if (after.status !== 200) throw new Error(`could not read the case back: ${after.status}`);
    return writeOutcome(r.status, after.body.content.facts === facts);
  },
});

const caseCommand = (command: 'submit' | 'withdraw' | 'delete-draft', make: () => Promise<{ id: string }>): Probe => ({
  covers: `route POST /api/cases/[id]/${command}`,
  run: async (s) => {
    const { id } = await make();
    const before = await db.case.findUniqueOrThrow({ where: { id } });
    const r = await client(s).post(`/api/cases/${id}/${command}`, {});
    const after = await db.case.findUniqueOrThrow({ where: { id } });
    return writeOutcome(
      r.status,
      command === 'submit'
        ? after.version > before.version
        : command === 'withdraw'
          ? after.status === 'withdrawn' && before.status !== 'withdrawn'
          : after.status === 'deleted' && before.status !== 'deleted',
    );
  },
});

const casePage = (id: () => string): Probe => ({ covers: 'page /saker/[id]', run: (s) => view(`/saker/${id()}`, s, editorLevel) });

/** A chair command on a fresh meeting; `done` reads its effect from the database. */
const chairCommand = (
  event: string,
  payload: (m: Awaited<ReturnType<typeof chairMeeting>>) => Record<string, unknown>,
  done: (m: Awaited<ReturnType<typeof chairMeeting>>) => Promise<boolean>,
  fixture: () => ReturnType<typeof chairMeeting> = () => chairMeeting(),
): Probe => ({
  covers: `socket ${event}`,
  run: async (s) => {
    const m = await fixture();
    const socket = await socketOf(s);
    if (!socket) return (await done(m)) ? 'partial' : 'deny';
    const ack = await emit(socket, event, payload(m));
    return ackOutcome(ack, await done(m));
  },
});

/**
 * A Yjs document: the upgrade is refused (401/403, no frame), or the subject
 * syncs and types a marker. Edit = it reaches another client on the document
 * (the unit's leader, who may read every document here); read = it does not
 * within a second, nor is it in the server's document when a fresh client
 * connects afterwards.
 */
/** A probe run while the subject is inhabil for the item (a declaration stored for them, removed after). */
const whileInhabil = (itemId: () => Promise<string>, probe: Probe): Probe => ({
  covers: probe.covers,
  run: async (s) => {
    const item = await itemId();
    const declared = s === 'anonymous' ? null : await db.recusal.create({ data: { itemId: item, userId: userOf(s), reason: 'Matrise' } });
    try {
      return await probe.run(s);
    } finally {
      if (declared) await db.recusal.delete({ where: { id: declared.id } });
    }
  },
});

const yjsDocument = (kind: (typeof documentKinds)[number], id: () => string, textName?: string): Probe => ({
  covers: `yjs ${kind}`,
  run: async (s) => {
    const name = `${kind}:${id()}`;
    const upgrade = await rawUpgrade(server.url, `/yjs/${name}`, cookieOf(s));
    if (upgrade.status === 401 || upgrade.status === 403) {
      if (upgrade.frames > 0) throw new Error('refused, but sent frames');
      return 'deny';
    }
    if (upgrade.status !== 101) throw new Error(`upgrade answered ${upgrade.status}`);
    const marker = `matrise-${next()}`;
    const textOf = (c: YjsClient) => (textName ? c.doc.getText(textName) : c.text);
    const has = (c: YjsClient) => textOf(c).toString().includes(marker);
    const observer = connectYjs(server.url, name, cookies.leder!);
    const writer = connectYjs(server.url, name, cookieOf(s));
    try {
      await Promise.all([whenSynced(observer), whenSynced(writer)]);
      textOf(writer).insert(0, marker);
      if (
        await waitFor(() => has(observer), 1000, 'the marker').then(
          () => true,
          () => false,
        )
      )
        return 'edit';
      const late = connectYjs(server.url, name, cookies.leder!);
      try {
        await whenSynced(late);
        if (has(late)) throw new Error('the edit is in the server’s document but was not relayed');
        return 'read';
      } finally {
        late.destroy();
      }
    } finally {
      writer.destroy();
      observer.destroy();
    }
  },
});

// ─── Issue 16 (realtime, item 7): a closed meeting hidden from caseworkers with no case on it ───

const hiddenMeetingTitle = 'Matrise: lederens egen sak på et lukket møte';
let hiddenMeeting: Promise<{ meetingId: string; itemId: string }> | null = null;
let hidden = { meetingId: '', itemId: '' };

/** A closed meeting whose one item is a concluded case of the leader's: neither the author nor the colleague had a case on it. */
function arrangeHiddenMeeting() {
  hiddenMeeting ??= (async () => {
    const { meeting } = await makeMeeting({ startsAt: days(-50), status: 'closed' });
    await db.meeting.update({ where: { id: meeting.id }, data: { closedAt: days(-50) } });
    const leaderCase = await db.case.create({
      data: {
        ...caseSummary({ ...completeCase, question: hiddenMeetingTitle }),
        unitId: mainUnitId,
        createdById: userOf('leder'),
        status: 'concluded',
        meetingId: meeting.id,
        version: 1,
        submittedAt: days(-52),
      },
    });
    const item = await db.agendaItem.create({
      data: {
        meetingId: meeting.id,
        caseId: leaderCase.id,
        position: 1,
        plannedMinutes: 10,
        purpose: 'orientering',
        reason: 'submitted',
        locked: true,
        status: 'concluded',
        outcome: 'tatt_til_orientering',
      },
    });
    hidden = { meetingId: meeting.id, itemId: item.id };
    return hidden;
  })();
  return hiddenMeeting;
}

/** Each probe arranges the meeting first (once), then asks its door. */
function hiddenMeetingProbes() {
  const arranged = (probe: Probe): Probe => ({ covers: probe.covers, run: async (s) => (await arrangeHiddenMeeting(), probe.run(s)) });
  const page = (suffix: string, covers: string, marker: () => string): Probe =>
    arranged({ covers, run: (s) => view(`/moter/${hidden.meetingId}${suffix}`, s, shows(marker)) });
  return {
    'page /moter/[id] · closed meeting, no case of the caseworkers': page(
      '',
      'page /moter/[id]',
      () => `/moter/${hidden.meetingId}/referat`,
    ),
    'page /moter/[id]/rom · closed meeting, no case of the caseworkers': page('/rom', 'page /moter/[id]/rom', () => hiddenMeetingTitle),
    'page /moter/[id]/referat · closed meeting, no case of the caseworkers': page(
      '/referat',
      'page /moter/[id]/referat',
      () => hiddenMeetingTitle,
    ),
    'GET /moter/[id]/referat/pdf · closed meeting, no case of the caseworkers': arranged({
      covers: 'route GET /moter/[id]/referat/pdf',
      run: (s) =>
        view(`/moter/${hidden.meetingId}/referat/pdf`, s, (_, bytes) =>
          pdfText(bytes).replace(/\s+/g, ' ').includes('lederens egen sak') ? 'allow' : 'hidden',
        ),
    }),
    'socket meeting:join · closed meeting, no case of the caseworkers': arranged({
      covers: 'socket meeting:join',
      run: async (s) => {
        const socket = await socketOf(s);
        if (!socket) return 'deny';
        const ack = await emit(socket, 'meeting:join', { meetingId: hidden.meetingId });
        return ack.ok ? (ack.access as Observed) : ackOutcome(ack, false);
      },
    }),
    'yjs item · closed meeting, no case of the caseworkers': arranged(yjsDocument('item', () => hidden.itemId)),
    'yjs meeting:<id> · no such document kind (refused by name)': {
      covers: 'yjs meeting (removed kind)',
      run: async (s) => {
        const upgrade = await rawUpgrade(server.url, `/yjs/meeting:${fx.plannedMeetingId}`, cookieOf(s));
        if (upgrade.frames > 0) throw new Error('refused, but sent frames');
        // 400: the name is refused before a session or a document is looked at.
        if (upgrade.status === 400) return 'deny';
        throw new Error(`upgrade answered ${upgrade.status}`);
      },
    },
  } satisfies Partial<Record<Operation, Probe>>;
}

// ─── Issue 17 (versions) ───

/** The level a version history page shows: restore offered (edit) or the read-only notice (read). */
function historyLevel(html: string): Observed {
  if (html.includes(nb.versions.restoreHint)) return 'edit';
  if (html.includes(nb.versions.readOnly)) return 'read';
  throw new Error('the history page showed neither restore nor the read-only notice');
}

/** A snapshot to list and restore (an item has none until it is locked or its meeting closes). */
async function itemSnapshot(itemId: string): Promise<string> {
  const found = await db.documentVersion.findFirst({ where: { itemId } });
  const row =
    found ?? (await db.documentVersion.create({ data: { documentKind: 'item', itemId, kind: 'locked', content: '{"notes":"Matrise"}' } }));
  return `document-version:${row.id}`;
}

function versionProbes() {
  const restored = (where: { caseId?: string; itemId?: string }) => db.documentVersion.count({ where: { ...where, kind: 'restored' } });
  return {
    'page /saker/[id]/versjoner · submitted': {
      covers: 'page /saker/[id]/versjoner',
      run: (s) => view(`/saker/${fx.submitted.id}/versjoner`, s, historyLevel),
    },
    'page /moter/[id]/punkter/[itemId]/versjoner · planned meeting, unlocked': {
      covers: 'page /moter/[id]/punkter/[itemId]/versjoner',
      run: async (s) => {
        await itemSnapshot(fx.openItemId);
        return view(`/moter/${fx.itemsMeetingId}/punkter/${fx.openItemId}/versjoner`, s, historyLevel);
      },
    },
    'action restoreVersionAction · a submitted case': {
      covers: 'action app/_versions/actions.ts#restoreVersionAction',
      run: async (s) => {
        const made = await makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId });
        const version = await db.caseVersion.findFirstOrThrow({ where: { caseId: made.id } });
        const answer = await runAction(s, 'restoreVersionAction', { kind: 'case', id: made.id, versionId: `case-version:${version.id}` });
        return actionOutcome(answer, (await restored({ caseId: made.id })) > 0);
      },
    },
    'action restoreVersionAction · a locked item': {
      covers: 'action app/_versions/actions.ts#restoreVersionAction',
      run: async (s) => {
        const versionId = await itemSnapshot(fx.lockedItemId);
        const before = await restored({ itemId: fx.lockedItemId });
        const answer = await runAction(s, 'restoreVersionAction', { kind: 'item', id: fx.lockedItemId, versionId });
        return actionOutcome(answer, (await restored({ itemId: fx.lockedItemId })) > before);
      },
    },
  } satisfies Partial<Record<Operation, Probe>>;
}

const probes: Record<Operation, Probe> = {
  'GET /api/cases · own queue shows the author’s draft': {
    covers: 'route GET /api/cases',
    run: async (s) => {
      const r = await client(s).get('/api/cases');
      if (r.status !== 200) return refusal(r.status);
      return (r.body.drafts as { id: string }[]).some((c) => c.id === fx.draftId) ? 'allow' : 'hidden';
    },
  },
  'POST /api/cases · new draft in the unit': {
    covers: 'route POST /api/cases',
    run: async (s) => {
      const question = `Matrise: nytt utkast ${next()}`;
      const r = await client(s).post('/api/cases', { unitId: fx.mainUnitId, content: { question } });
      const made = await db.case.findFirst({ where: { title: question, unitId: fx.mainUnitId } });
      return writeOutcome(r.status, made !== null);
    },
  },
  'GET /api/cases/[id] · draft': caseRead(() => fx.draftId),
  'GET /api/cases/[id] · submitted': caseRead(() => fx.submitted.id),
  'GET /api/cases/[id] · submitted, meeting started': caseRead(() => fx.startedCaseId),
  'GET /api/cases/[id] · concluded': caseRead(() => fx.concludedId),
  'GET /api/cases/[id] · withdrawn': caseRead(() => fx.withdrawnId),
  'PATCH /api/cases/[id] · draft': casePatch(() => makeCase({ status: 'draft' })),
  'PATCH /api/cases/[id] · submitted': casePatch(() => makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId })),
  'PATCH /api/cases/[id] · submitted, meeting started': casePatch(() => makeCase({ status: 'submitted', meetingId: fx.startedMeetingId })),
  'PATCH /api/cases/[id] · concluded': casePatch(() => makeCase({ status: 'concluded' })),
  'POST /api/cases/[id]/submit · draft': caseCommand('submit', () => makeCase({ status: 'draft' })),
  'POST /api/cases/[id]/submit · submitted (send changes)': caseCommand('submit', () =>
    makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId }),
  ),
  'POST /api/cases/[id]/submit · meeting started': caseCommand('submit', () =>
    makeCase({ status: 'submitted', meetingId: fx.startedMeetingId }),
  ),
  'POST /api/cases/[id]/withdraw · draft': caseCommand('withdraw', () => makeCase({ status: 'draft' })),
  'POST /api/cases/[id]/withdraw · submitted': caseCommand('withdraw', () =>
    makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId }),
  ),
  'POST /api/cases/[id]/withdraw · meeting started': caseCommand('withdraw', () =>
    makeCase({ status: 'submitted', meetingId: fx.startedMeetingId }),
  ),
  'POST /api/cases/[id]/delete-draft · draft': caseCommand('delete-draft', () => makeCase({ status: 'draft' })),
  'POST /api/cases/[id]/delete-draft · submitted': caseCommand('delete-draft', () =>
    makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId }),
  ),
  'POST /api/cases/[id]/accept-late': {
    covers: 'route POST /api/cases/[id]/accept-late',
    run: async (s) => {
      const { id } = await makeCase({ status: 'submitted', lateRequestMeetingId: fx.lateMeetingId });
      const r = await client(s).post(`/api/cases/${id}/accept-late`, {});
      const after = await db.case.findUniqueOrThrow({ where: { id } });
      return writeOutcome(r.status, after.acceptedLate && after.meetingId === fx.lateMeetingId);
    },
  },
  'GET /api/auth/[...nextauth] · session is the caller’s own': {
    covers: 'route GET /api/auth/[...nextauth]',
    run: async (s) => {
      const r = await client(s).get('/api/auth/session');
      if (r.status !== 200) throw new Error(`session answered ${r.status}`);
      const email = (r.body?.user as { email?: string } | undefined)?.email;
      if (!email) return 'deny';
      if (s === 'anonymous' || email !== emails[s]) throw new Error(`the session names ${email}`);
      return 'allow';
    },
  },
  'POST /api/auth/[...nextauth] · sign-in with a wrong password': {
    covers: 'route POST /api/auth/[...nextauth]',
    run: async (s) =>
      (await login(server.url, s === 'anonymous' ? emails.author : emails[s], `${demo.password}-feil`)) ? 'allow' : 'deny',
  },
  'GET /api/health · says only whether the database answers': {
    covers: 'endpoint GET /api/health',
    run: async (s) => {
      const r = await client(s).get('/api/health');
      if (r.status !== 200) return refusal(r.status);
      if (JSON.stringify(r.body) !== '{"status":"ok"}') throw new Error(`health says more: ${JSON.stringify(r.body)}`);
      return 'allow';
    },
  },

  'GET /moter/[id]/referat/pdf · closed meeting': {
    covers: 'route GET /moter/[id]/referat/pdf',
    run: (s) =>
      view(`/moter/${fx.pastMeetingId}/referat/pdf`, s, (_, bytes) => {
        const text = pdfText(bytes).replace(/\s+/g, ' ');
        return ownOrAll(s, { author: text.includes(pastPdfWords.author), colleague: text.includes(pastPdfWords.colleague) });
      }),
  },
  'GET /revisjon/csv · the unit’s audit entries': {
    covers: 'route GET /revisjon/csv',
    run: (s) =>
      view(
        `/revisjon/csv?entityId=${auditEntity}`,
        s,
        shows(() => auditMarker),
      ),
  },
  'GET /historikk/person/innsyn · the author’s person reference': {
    covers: 'route GET /historikk/person/innsyn',
    run: (s) =>
      view(
        `/historikk/person/innsyn?unit=${fx.mainUnitId}&ref=${encodeURIComponent('EPJ 2025/0712')}`,
        s,
        shows(() => authorConclusion),
      ),
  },
  'GET /historikk/statistikk/csv · the unit’s items': {
    covers: 'route GET /historikk/statistikk/csv',
    run: (s) =>
      view(
        '/historikk/statistikk/csv',
        s,
        shows(() => fx.pastMeetingId),
      ),
  },

  'page / · the unit’s next meeting': {
    covers: 'page /',
    run: (s) =>
      view(
        '/',
        s,
        shows(() => `/moter/${fx.nextMeetingId}"`),
      ),
  },
  'page /saker · the author’s draft in the queue': {
    covers: 'page /saker',
    run: (s) =>
      view(
        '/saker',
        s,
        shows(() => `/saker/${fx.draftId}"`),
      ),
  },
  'page /saker/[id] · draft': casePage(() => fx.draftId),
  'page /saker/[id] · submitted': casePage(() => fx.submitted.id),
  'page /saker/[id] · submitted, meeting started': casePage(() => fx.startedCaseId),
  'page /saker/[id] · concluded': casePage(() => fx.concludedId),
  'page /saker/[id] · withdrawn': casePage(() => fx.withdrawnId),
  'page /saker/[id]/fagsystem · the author’s concluded case': {
    covers: 'page /saker/[id]/fagsystem',
    run: (s) =>
      view(
        `/saker/${fx.concludedId}/fagsystem`,
        s,
        shows(() => authorConclusion),
      ),
  },
  'POST /saker/[id]/fagsystem/brev · the draft letter of the author’s concluded case': {
    covers: 'route POST /saker/[id]/fagsystem/brev',
    run: (s) => letterDownload(s, server.url),
  },
  'POST /saker/[id]/fagsystem/brev · from another site (Origin)': {
    covers: 'route POST /saker/[id]/fagsystem/brev',
    run: (s) => letterDownload(s, 'https://angriper.example'),
  },
  'page /fagsystem · the unit’s cases not documented in the record system': {
    covers: 'page /fagsystem',
    run: (s) =>
      view(
        '/fagsystem',
        s,
        shows(() => pastTitles.author),
      ),
  },
  'action askForMissingAction · a case with gaps on a planned meeting': {
    covers: 'action app/moter/[id]/actions.ts#askForMissingAction',
    run: async (s) => {
      const { id } = await makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId });
      // Only the question is filled in: sections, the holistic assessment and the purpose are missing.
      await db.caseVersion.updateMany({ where: { caseId: id }, data: { content: JSON.stringify({ question: 'Hvor mange timer?' }) } });
      const answer = await runAction(s, 'askForMissingAction', { meetingId: fx.plannedMeetingId, caseId: id });
      return actionOutcome(answer, (await db.notification.count({ where: { userId: userOf('author'), link: `/saker/${id}` } })) > 0);
    },
  },
  'action recusalAction · declare inhabil for an item of a planned meeting': {
    covers: 'action app/moter/[id]/recusal-actions.ts#recusalAction',
    run: async (s) => {
      const { id } = await makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId });
      const item = (await syncAgenda(db, fx.plannedMeetingId)).find((i) => i.caseId === id)!;
      const answer = await runAction(s, 'recusalAction', { meetingId: fx.plannedMeetingId, itemId: item.id, reason: 'Nabo' });
      const done = s !== 'anonymous' && (await db.recusal.count({ where: { itemId: item.id, userId: userOf(s) } })) > 0;
      return actionOutcome(answer, done);
    },
  },
  'action actingChairAction · name who chairs an item of a planned meeting': {
    covers: 'action app/moter/[id]/recusal-actions.ts#actingChairAction',
    run: async (s) => {
      const { id } = await makeCase({ status: 'submitted', meetingId: fx.plannedMeetingId });
      const item = (await syncAgenda(db, fx.plannedMeetingId)).find((i) => i.caseId === id)!;
      const named = userOf('colleague');
      const answer = await runAction(s, 'actingChairAction', { meetingId: fx.plannedMeetingId, itemId: item.id, userId: named });
      return actionOutcome(answer, (await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).actingChairId === named);
    },
  },
  'yjs item · the subject declared themselves inhabil for it': whileInhabil(
    async () => fx.openItemId,
    yjsDocument('item', () => fx.openItemId),
  ),
  'yjs case · the subject declared themselves inhabil for its item': whileInhabil(
    async () => (await syncAgenda(db, fx.plannedMeetingId)).find((i) => i.caseId === fx.submitted.id)!.id,
    yjsDocument('case', () => fx.submitted.id),
  ),
  'action setAListAction · an item on a planned meeting': {
    covers: 'action app/moter/[id]/actions.ts#setAListAction',
    run: async (s) => {
      const m = await chairMeeting();
      const answer = await runAction(s, 'setAListAction', { meetingId: m.meeting.id, itemId: m.items[0].id, onAList: 'true' });
      return actionOutcome(answer, (await db.agendaItem.findUniqueOrThrow({ where: { id: m.items[0].id } })).aList);
    },
  },
  'action markDocumentedAction · the author’s concluded case': {
    covers: 'action app/saker/[id]/fagsystem/actions.ts#markDocumentedAction',
    run: async (s) => {
      const decided = await makeCase({ status: 'concluded' });
      const answer = await runAction(s, 'markDocumentedAction', { caseId: decided.id });
      return actionOutcome(answer, (await db.case.findUniqueOrThrow({ where: { id: decided.id } })).documentedAt !== null);
    },
  },
  'page /saker/[id]/fagsystem · a submitted case (not concluded)': {
    covers: 'page /saker/[id]/fagsystem',
    run: (s) =>
      view(
        `/saker/${fx.submitted.id}/fagsystem`,
        s,
        shows(() => 'Sakskort'),
      ),
  },
  'page /saker/[id] · similar earlier decisions of the author': {
    covers: 'page /saker/[id]',
    run: (s) =>
      view(
        `/saker/${fx.submitted.id}`,
        s,
        shows(() => likeDecisionTitle),
      ),
  },
  'page /moter/[id] · agenda of a planned meeting': {
    covers: 'page /moter/[id]',
    run: (s) =>
      view(
        `/moter/${fx.plannedMeetingId}`,
        s,
        shows(() => fx.submitted.title),
      ),
  },
  'page /moter/[id] · late requests (chair’s section)': {
    covers: 'page /moter/[id]',
    run: (s) =>
      view(
        `/moter/${fx.lateMeetingId}`,
        s,
        shows(() => fx.lateCase.title),
      ),
  },
  'page /moter/[id]/rom · planned meeting': {
    covers: 'page /moter/[id]/rom',
    run: (s) =>
      view(`/moter/${fx.plannedMeetingId}/rom`, s, (html) => {
        if (!html.includes(fx.submitted.title)) return 'hidden';
        const access = /access\\?":\\?"(read|edit)\\?",\\?"canChair/.exec(html);
        if (!access) throw new Error('the room rendered no access level');
        return access[1] as Observed;
      }),
  },
  'page /moter/[id]/rom · closed meeting': {
    covers: 'page /moter/[id]/rom',
    run: (s) =>
      view(`/moter/${fx.pastMeetingId}/rom`, s, (html) =>
        ownOrAll(s, { author: html.includes(pastTitles.author), colleague: html.includes(pastTitles.colleague) }),
      ),
  },
  'page /moter/[id]/referat · closed meeting': {
    covers: 'page /moter/[id]/referat',
    run: (s) =>
      view(`/moter/${fx.pastMeetingId}/referat`, s, (html) =>
        ownOrAll(s, { author: html.includes(pastTitles.author), colleague: html.includes(pastTitles.colleague) }),
      ),
  },
  'page /historikk · past meetings': {
    covers: 'page /historikk',
    run: (s) =>
      view('/historikk', s, (html) => {
        if (!html.includes(`/moter/${fx.pastMeetingId}/referat`)) return 'hidden';
        return html.includes(`(${nb.history.ownOnly})`) ? 'own' : 'allow';
      }),
  },
  'page /historikk/person · the author’s person reference': {
    covers: 'page /historikk/person',
    run: (s) =>
      view(
        `/historikk/person?unit=${fx.mainUnitId}&ref=${encodeURIComponent('EPJ 2025/0712')}`,
        s,
        shows(() => authorConclusion),
      ),
  },
  'page /historikk/likebehandling · the unit’s pairs': {
    covers: 'page /historikk/likebehandling',
    run: (s) =>
      view(
        '/historikk/likebehandling',
        s,
        shows(() => likeDecisionTitle),
      ),
  },
  'page /historikk/statistikk · the unit’s figures': {
    // The figures name the caseworkers whose items they count; the author's name stands for the unit's data.
    covers: 'page /historikk/statistikk',
    run: (s) =>
      view(
        '/historikk/statistikk',
        s,
        shows(() => 'Sara Saksbehandler'),
      ),
  },
  'page /sok · a hit in the author’s concluded case': {
    covers: 'page /sok',
    run: (s) =>
      view(
        '/sok?q=BPA',
        s,
        shows(() => `#punkt-${fx.authorPastItem.id}`),
      ),
  },
  'page /oppfolging · the author’s follow-up': {
    covers: 'page /oppfolging',
    run: (s) =>
      view(
        '/oppfolging',
        s,
        shows(() => authorFollowUp),
      ),
  },
  'page /revisjon · the unit’s audit entries': {
    covers: 'page /revisjon',
    run: (s) =>
      view(
        `/revisjon?entityId=${auditEntity}`,
        s,
        shows(() => auditMarker),
      ),
  },

  'page /saker/ny · the empty form in the unit': {
    covers: 'page /saker/ny',
    // Opening it stores nothing: the form says so (the first edit makes the draft).
    run: (s) =>
      view(
        `/saker/ny?enhet=${fx.mainUnitId}`,
        s,
        shows(() => 'Ikke lagret ennå'),
      ),
  },
  'action createDraftAction · in the unit': {
    covers: 'action app/saker/actions.ts#createDraftAction',
    run: async (s) => {
      const mine = () =>
        s === 'anonymous'
          ? Promise.resolve(0)
          : db.case.count({ where: { createdById: userOf(s), unitId: fx.mainUnitId, status: 'draft' } });
      const before = await mine();
      const answer = await runAction(s, 'createDraftAction', { unitId: fx.mainUnitId });
      const made = (await mine()) > before;
      return actionOutcome(answer, made);
    },
  },
  'action setFollowUpDone · the author’s follow-up': {
    covers: 'action app/oppfolging/actions.ts#setFollowUpDone',
    run: async (s) => {
      const followUp = await db.followUp.create({
        data: {
          agendaItemId: fx.authorPastItem.id,
          caseId: fx.authorPastItem.caseId,
          ownerId: userOf('author'),
          description: `Matriseoppfølging ${next()}`,
        },
      });
      const answer = await runAction(s, 'setFollowUpDone', { followUpId: followUp.id, done: 'true' });
      return actionOutcome(answer, (await db.followUp.findUniqueOrThrow({ where: { id: followUp.id } })).doneAt !== null);
    },
  },
  'action setFollowUpDone · from another site (Origin)': {
    covers: 'action app/oppfolging/actions.ts#setFollowUpDone',
    run: async (s) => {
      const followUp = await db.followUp.create({
        data: {
          agendaItemId: fx.authorPastItem.id,
          caseId: fx.authorPastItem.caseId,
          ownerId: userOf('author'),
          description: `Matriseoppfølging ${next()}`,
        },
      });
      const answer = await runAction(s, 'setFollowUpDone', { followUpId: followUp.id, done: 'true' }, 'https://angriper.example');
      return actionOutcome(answer, (await db.followUp.findUniqueOrThrow({ where: { id: followUp.id } })).doneAt !== null);
    },
  },
  'action startRevisionDraft · the author’s concluded case': {
    covers: 'action app/oppfolging/actions.ts#startRevisionDraft',
    run: async (s) => {
      const decided = await makeCase({ status: 'concluded' });
      const answer = await runAction(s, 'startRevisionDraft', { caseId: decided.id });
      return actionOutcome(answer, (await db.case.count({ where: { revisesCaseId: decided.id } })) > 0);
    },
  },

  'page /admin · the own unit listed': {
    covers: 'page /admin',
    run: (s) =>
      view(
        '/admin',
        s,
        shows(() => `/admin/enheter/${fx.mainUnitId}/moter`),
      ),
  },
  'page /admin/enheter/[unitId]/moter · the own unit’s meetings': {
    covers: 'page /admin/enheter/[unitId]/moter',
    run: (s) =>
      view(
        `/admin/enheter/${fx.mainUnitId}/moter`,
        s,
        shows(() => nb.admin.meetings.newSeries),
      ),
  },
  'action createSeriesAction · in the own unit': {
    covers: 'action app/admin/meeting-actions.ts#createSeriesAction',
    run: async (s) => {
      const name = `Matriseserie ${next()}`;
      const answer = await adminForm(s, meetingsPage(), [nb.admin.meetings.create], {
        name,
        weekdays: '3',
        startTime: '08:15',
        durationMinutes: '30',
        location: '',
        deadlineDaysBefore: '1',
        deadlineTime: '12:00',
        defaultChairId: '',
        minutesOrientering: '5',
        minutesDrofting: '15',
        minutesAvklaring: '10',
      });
      const made = await db.meetingSeries.findFirst({ where: { name } });
      if (made) await db.meeting.deleteMany({ where: { seriesId: made.id } });
      return formOutcome(answer, made !== null);
    },
  },
  'action endSeriesAction · a series of the own unit': {
    covers: 'action app/admin/meeting-actions.ts#endSeriesAction',
    run: async (s) => {
      const series = await db.meetingSeries.create({
        data: {
          unitId: fx.mainUnitId,
          name: `Matriseserie ${next()}`,
          weekdays: '3',
          startTime: '08:15',
          durationMinutes: 30,
          deadlineDaysBefore: 1,
          deadlineTime: '12:00',
        },
      });
      const answer = await adminForm(s, meetingsPage(), [`value="${series.id}"`, nb.admin.meetings.endSeries], {});
      return formOutcome(answer, !(await db.meetingSeries.findUniqueOrThrow({ where: { id: series.id } })).active);
    },
  },
  'action moveMeetingAction · a meeting of the own unit': {
    covers: 'action app/admin/meeting-actions.ts#moveMeetingAction',
    run: async (s) => {
      const { meeting } = await makeMeeting({ startsAt: new Date(days(20).getTime() + next() * 60_000) });
      const to = DateTime.fromJSDate(meeting.startsAt, { zone: 'Europe/Oslo' }).plus({ days: 1 }).startOf('minute');
      const answer = await adminForm(s, meetingsPage(), [`value="${meeting.id}"`, nb.admin.meetings.move], {
        // As the form posts it: the date field and the time field (app/admin/admin-form.tsx, kind 'datetime').
        startsAtDate: to.toFormat('dd.MM.yyyy'),
        startsAtTime: to.toFormat('HH:mm'),
      });
      return formOutcome(answer, (await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).startsAt.getTime() === to.toMillis());
    },
  },
  'action cancelMeetingAction · a meeting of the own unit': {
    covers: 'action app/admin/meeting-actions.ts#cancelMeetingAction',
    run: async (s) => {
      const { meeting } = await makeMeeting({ startsAt: new Date(days(21).getTime() + next() * 60_000) });
      const answer = await adminForm(s, meetingsPage(), [`value="${meeting.id}"`, nb.admin.meetings.cancel], {});
      return formOutcome(answer, (await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status === 'cancelled');
    },
  },
  'action addMeetingAction · in the own unit': {
    covers: 'action app/admin/meeting-actions.ts#addMeetingAction',
    run: async (s) => {
      const location = `Matriserom ${next()}`;
      const answer = await adminForm(s, meetingsPage(), [nb.admin.meetings.add], {
        startsAtDate: DateTime.now().setZone('Europe/Oslo').plus({ days: 50 }).toFormat('dd.MM.yyyy'),
        startsAtTime: '10:00',
        durationMinutes: '30',
        location,
      });
      return formOutcome(answer, (await db.meeting.count({ where: { location } })) === 1);
    },
  },
  'action rotateCalendarAction · the own unit’s link': {
    covers: 'action app/admin/meeting-actions.ts#rotateCalendarAction',
    // One subject at a time: the unit has one link, so a concurrent rotation would look like this one's.
    run: (s) =>
      (rotations = rotations.then(async () => {
        const before = (await db.unit.findUniqueOrThrow({ where: { id: fx.mainUnitId } })).calendarTokenHash;
        const answer = await adminForm(s, meetingsPage(), [nb.admin.meetings.rotate], {});
        const after = (await db.unit.findUniqueOrThrow({ where: { id: fx.mainUnitId } })).calendarTokenHash;
        return formOutcome(answer, after !== before);
      })),
  },
  'action addFreeDaysAction · days without meetings in the own unit': {
    covers: 'action app/admin/meeting-actions.ts#addFreeDaysAction',
    run: async (s) => {
      const label = `Matrisefri ${next()}`;
      // Far enough ahead that no meeting of the demo series is cancelled by it.
      const day = DateTime.now()
        .setZone('Europe/Oslo')
        .plus({ days: 700 + next() })
        .toISODate()!;
      const answer = await adminForm(s, meetingsPage(), [nb.admin.meetings.addFreeDays], { fromDate: day, toDate: day, label });
      return formOutcome(answer, (await db.meetingFreePeriod.count({ where: { label } })) === 1);
    },
  },
  'action removeFreeDaysAction · a period of the own unit': {
    covers: 'action app/admin/meeting-actions.ts#removeFreeDaysAction',
    run: async (s) => {
      const label = `Matrisefri ${next()}`;
      const day = DateTime.now()
        .setZone('Europe/Oslo')
        .plus({ days: 800 + next() })
        .toISODate()!;
      const period = await db.meetingFreePeriod.create({ data: { unitId: fx.mainUnitId, fromDate: day, toDate: day, label } });
      const answer = await adminForm(s, meetingsPage(), [`value="${period.id}"`, nb.admin.meetings.removeFreeDays(label)], {});
      return formOutcome(answer, (await db.meetingFreePeriod.count({ where: { id: period.id } })) === 0);
    },
  },
  'action markNotificationReadAction · one’s own notice': {
    covers: 'action app/notification-actions.ts#markNotificationReadAction',
    run: async (s) => {
      const owner = s === 'anonymous' ? 'author' : s;
      const notice = await db.notification.create({ data: { userId: userOf(owner), text: `Matrisebeskjed ${next()}` } });
      const answer = await adminForm(s, '/', [`value="${notice.id}"`], {}, owner);
      return actionOutcome(answer, (await db.notification.findUniqueOrThrow({ where: { id: notice.id } })).readAt !== null);
    },
  },
  'action markNotificationReadAction · the author’s notice': {
    covers: 'action app/notification-actions.ts#markNotificationReadAction',
    run: async (s) => {
      const notice = await db.notification.create({ data: { userId: userOf('author'), text: `Matrisebeskjed ${next()}` } });
      const answer = await adminForm(s, '/', [`value="${notice.id}"`], {}, 'author');
      return actionOutcome(answer, (await db.notification.findUniqueOrThrow({ where: { id: notice.id } })).readAt !== null);
    },
  },
  'GET /kalender/[token] · the unit’s current token': {
    covers: 'route GET /kalender/[token]',
    run: (s) =>
      view(
        `/kalender/${calendarToken}`,
        s,
        shows(() => 'BEGIN:VEVENT'),
      ),
  },
  'GET /kalender/[token] · a wrong token': {
    covers: 'route GET /kalender/[token]',
    run: (s) =>
      view(
        `/kalender/${'x'.repeat(43)}`,
        s,
        shows(() => 'BEGIN:VEVENT'),
      ),
  },
  'page /admin/enheter/[unitId] · the own unit’s members': {
    covers: 'page /admin/enheter/[unitId]',
    run: (s) =>
      view(
        `/admin/enheter/${fx.mainUnitId}`,
        s,
        shows(() => emails.author),
      ),
  },
  'page /konto · one’s own account': {
    covers: 'page /konto',
    run: (s) =>
      view(
        '/konto',
        s,
        shows(() => nb.admin.account.changePassword),
      ),
  },
  'action createUnitAction': {
    covers: 'action app/admin/actions.ts#createUnitAction',
    run: async (s) => {
      const name = `Matriseenhet ${next()}`;
      const answer = await adminForm(s, '/admin', [nb.admin.create], { name });
      const made = await db.unit.findFirst({ where: { name } });
      // Gone again at once, so the subjects keep one membership each for the other cells.
      if (made) await db.unit.delete({ where: { id: made.id } });
      return formOutcome(answer, made !== null);
    },
  },
  'action commentOnMinutesAction · draft minutes of a past meeting': {
    covers: 'action app/moter/[id]/referat/actions.ts#commentOnMinutesAction',
    run: async (s) => {
      await draftMinutes();
      const text = `Matrisekommentar ${next()}`;
      const answer = await runAction(s, 'commentOnMinutesAction', { meetingId: fx.pastMeetingId, text });
      return minutesOutcome(answer, (await db.minutesComment.count({ where: { meetingId: fx.pastMeetingId, text } })) > 0);
    },
  },
  'action editMinutesItemAction · draft minutes of a closed meeting': {
    covers: 'action app/moter/[id]/referat/actions.ts#editMinutesItemAction',
    run: async (s) => {
      // A meeting of its own per cell: the cells of a row run at once, and another's approval would refuse this one.
      const { meeting, items } = await makeMeeting({
        startsAt: new Date(systemClock.now().getTime() - 7 * 24 * 3600_000),
        status: 'closed',
        items: [{ title: 'Matrisepunkt', locked: true }],
      });
      await db.meeting.update({ where: { id: meeting.id }, data: { minutesStatus: 'draft', minutesDraftUntil: '2999-12-31' } });
      const notes = `Matrisenotat ${next()}`;
      const answer = await runAction(s, 'editMinutesItemAction', { meetingId: meeting.id, itemId: items[0].id, notes, conclusion: '' });
      return minutesOutcome(answer, (await db.agendaItem.findUniqueOrThrow({ where: { id: items[0].id } })).notes === notes);
    },
  },
  'action approveMinutesAction · draft minutes of a closed meeting': {
    covers: 'action app/moter/[id]/referat/actions.ts#approveMinutesAction',
    run: async (s) => {
      const { meeting } = await makeMeeting({ startsAt: new Date(systemClock.now().getTime() - 7 * 24 * 3600_000), status: 'closed' });
      await db.meeting.update({ where: { id: meeting.id }, data: { minutesStatus: 'draft', minutesDraftUntil: '2999-12-31' } });
      const answer = await runAction(s, 'approveMinutesAction', { meetingId: meeting.id });
      const approved = (await db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).minutesStatus === 'approved';
      return minutesOutcome(answer, approved);
    },
  },
  'action setApprovalPeriodAction · the own unit': {
    covers: 'action app/admin/actions.ts#setApprovalPeriodAction',
    run: async (s) => {
      const days = String(3 + (next() % 15));
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [nb.minutes.periodSave], { days });
      const set = (await db.unit.findUniqueOrThrow({ where: { id: fx.mainUnitId } })).minutesApprovalDays === Number(days);
      if (set) await db.unit.update({ where: { id: fx.mainUnitId }, data: { minutesApprovalDays: 2 } });
      return formOutcome(answer, set);
    },
  },
  'action renameUnitAction · the own unit': {
    covers: 'action app/admin/actions.ts#renameUnitAction',
    run: async (s) => {
      const name = `${demoUnitNames.main} ${next()}`;
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [nb.admin.unitName], { name });
      const renamed = (await db.unit.findUniqueOrThrow({ where: { id: fx.mainUnitId } })).name === name;
      if (renamed) await db.unit.update({ where: { id: fx.mainUnitId }, data: { name: demoUnitNames.main } });
      return formOutcome(answer, renamed);
    },
  },
  'action addMemberAction · to the own unit': {
    covers: 'action app/admin/actions.ts#addMemberAction',
    run: async (s) => {
      const email = `matrise-ny-${next()}@demo.test`;
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [nb.admin.add], {
        email,
        name: 'Matrise Ny',
        role: 'saksbehandler',
        password: '',
      });
      return formOutcome(answer, (await db.membership.count({ where: { unitId: fx.mainUnitId, user: { email } } })) === 1);
    },
  },
  'action changeRoleAction · a member of the own unit': {
    covers: 'action app/admin/actions.ts#changeRoleAction',
    run: async (s) => {
      const target = await memberOfMainUnit();
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [`value="${target}"`, nb.admin.saveRole], { role: 'leder' });
      return formOutcome(answer, (await db.membership.findFirstOrThrow({ where: { userId: target } })).role === 'leder');
    },
  },
  'action removeMemberAction · a member of the own unit': {
    covers: 'action app/admin/actions.ts#removeMemberAction',
    run: async (s) => {
      const target = await memberOfMainUnit();
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [`value="${target}"`, nb.admin.remove], {});
      return formOutcome(answer, (await db.membership.count({ where: { userId: target } })) === 0);
    },
  },
  'action setActiveAction · a member of the own unit': {
    covers: 'action app/admin/actions.ts#setActiveAction',
    run: async (s) => {
      const target = await memberOfMainUnit();
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [`value="${target}"`, nb.admin.deactivate], {});
      return formOutcome(answer, !(await db.user.findUniqueOrThrow({ where: { id: target } })).active);
    },
  },
  'action setPasswordAction · a member of the own unit': {
    covers: 'action app/admin/actions.ts#setPasswordAction',
    run: async (s) => {
      const target = await memberOfMainUnit();
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [`value="${target}"`, nb.admin.setPassword], {
        password: 'lilla-tog-over-broen-i-mai',
      });
      return formOutcome(answer, (await db.user.findUniqueOrThrow({ where: { id: target } })).passwordHash !== matrixMemberHash);
    },
  },
  'action changeOwnPasswordAction · one’s own password': {
    covers: 'action app/admin/actions.ts#changeOwnPasswordAction',
    run: async (s) => {
      const before = s === 'anonymous' ? null : (await db.user.findUniqueOrThrow({ where: { id: userOf(s) } })).passwordHash;
      // The form as the author's page renders it; the subject posts it with their own session.
      const answer = await adminForm(
        s,
        '/konto',
        [nb.admin.account.changePassword],
        { current: demo.password, password: `grønn-sykkel-under-fjellet-${next()}` },
        'author',
      );
      const after = s === 'anonymous' ? null : (await db.user.findUniqueOrThrow({ where: { id: userOf(s) } })).passwordHash;
      if (s !== 'anonymous' && after !== before) await db.user.update({ where: { id: userOf(s) }, data: { passwordHash: before } });
      return formOutcome(answer, after !== before);
    },
  },

  // ── Accounts (issue 16) ──
  'page /admin/kontoer · the system administrator’s accounts': {
    covers: 'page /admin/kontoer',
    run: (s) =>
      view(
        '/admin/kontoer',
        s,
        shows(() => emails.author),
      ),
  },
  'page /admin/kontoer/[userId] · an account of the own unit': {
    covers: 'page /admin/kontoer/[userId]',
    run: (s) =>
      view(
        `/admin/kontoer/${userOf('author')}`,
        s,
        shows(() => emails.author),
      ),
  },
  'action changeAccountNameAction · a member of the own unit': {
    covers: 'action app/admin/account-actions.ts#changeAccountNameAction',
    run: async (s) => {
      const target = await memberOfMainUnit();
      const name = `Matrise Nytt Navn ${next()}`;
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [`value="${target}"`, nb.admin.saveName], { name });
      return formOutcome(answer, (await db.user.findUniqueOrThrow({ where: { id: target } })).name === name);
    },
  },
  'action changeAccountEmailAction · a member of the own unit': {
    covers: 'action app/admin/account-actions.ts#changeAccountEmailAction',
    run: async (s) => {
      const target = await memberOfMainUnit();
      const email = `matrise-ny-adresse-${next()}@demo.test`;
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [`value="${target}"`, nb.admin.saveEmail], { email });
      return formOutcome(answer, (await db.user.findUniqueOrThrow({ where: { id: target } })).email === email);
    },
  },
  'action unlinkOidcAction · a member of the own unit': {
    covers: 'action app/admin/account-actions.ts#unlinkOidcAction',
    run: async (s) => {
      const target = await memberOfMainUnit();
      await db.user.update({ where: { id: target }, data: { oidcSubject: `matrise-oidc-${target}` } });
      const answer = await adminForm(s, `/admin/enheter/${fx.mainUnitId}`, [`value="${target}"`, nb.admin.accounts.unlinkOidc], {});
      return formOutcome(answer, (await db.user.findUniqueOrThrow({ where: { id: target } })).oidcSubject === null);
    },
  },

  'socket handshake': {
    covers: 'socket connection',
    run: async (s) => {
      const outcome = await connectSocket(server.url, cookieOf(s)).then(
        (socket) => {
          socket.close();
          return 'allow' as const;
        },
        (error: Error) => {
          if (error.message !== 'unauthenticated') throw error;
          return 'deny' as const;
        },
      );
      return outcome;
    },
  },
  'socket meeting:join · planned meeting': {
    covers: 'socket meeting:join',
    run: async (s) => {
      const socket = await socketOf(s);
      if (!socket) return 'deny';
      const ack = await emit(socket, 'meeting:join', { meetingId: fx.plannedMeetingId });
      return ack.ok ? (ack.access as Observed) : ackOutcome(ack, false);
    },
  },
  'socket meeting:join · closed meeting': {
    covers: 'socket meeting:join',
    run: async (s) => {
      const socket = await socketOf(s);
      if (!socket) return 'deny';
      const ack = await emit(socket, 'meeting:join', { meetingId: fx.pastMeetingId });
      return ack.ok ? (ack.access as Observed) : ackOutcome(ack, false);
    },
  },
  'socket meeting:watch-agenda · planned meeting': {
    covers: 'socket meeting:watch-agenda',
    run: async (s) => {
      const socket = await socketOf(s);
      if (!socket) return 'deny';
      const ack = await emit(socket, 'meeting:watch-agenda', { meetingId: fx.plannedMeetingId });
      return ack.ok ? 'allow' : ackOutcome(ack, false);
    },
  },
  'socket meeting:leave · only the caller’s own socket': {
    covers: 'socket meeting:leave',
    run: async (s) => {
      const socket = await socketOf(s);
      if (!socket) return 'deny';
      return ackOutcome(await emit(socket, 'meeting:leave', { meetingId: fx.plannedMeetingId }), true);
    },
  },
  'socket meeting:set-current': chairCommand(
    'meeting:set-current',
    (m) => ({ meetingId: m.meeting.id, itemId: m.items[0].id, openEarly: true }),
    async (m) => (await db.meeting.findUniqueOrThrow({ where: { id: m.meeting.id } })).currentItemId === m.items[0].id,
  ),
  'socket meeting:set-current · closed meeting': chairCommand(
    'meeting:set-current',
    (m) => ({ meetingId: m.meeting.id, itemId: m.items[0].id }),
    async (m) => (await db.meeting.findUniqueOrThrow({ where: { id: m.meeting.id } })).currentItemId !== null,
    () => makeMeeting({ startsAt: days(-20 - next()), status: 'closed', items: [{ title: `Matrisepunkt ${serial}`, locked: true }] }),
  ),
  'socket meeting:lock-item': chairCommand(
    'meeting:lock-item',
    (m) => ({ meetingId: m.meeting.id, itemId: m.items[0].id, locked: true }),
    async (m) => (await db.agendaItem.findUniqueOrThrow({ where: { id: m.items[0].id } })).locked,
  ),
  'socket meeting:reorder': chairCommand(
    'meeting:reorder',
    (m) => ({ meetingId: m.meeting.id, itemId: m.items[1].id, toIndex: 0 }),
    async (m) => (await db.agendaItem.findUniqueOrThrow({ where: { id: m.items[1].id } })).position === 1,
  ),
  'socket meeting:plan-item': chairCommand(
    'meeting:plan-item',
    (m) => ({ meetingId: m.meeting.id, itemId: m.items[0].id, plannedMinutes: 17 }),
    async (m) => (await db.agendaItem.findUniqueOrThrow({ where: { id: m.items[0].id } })).plannedMinutes === 17,
  ),
  'socket meeting:add-item': chairCommand(
    'meeting:add-item',
    (m) => ({ meetingId: m.meeting.id, title: `Matrisetillegg ${m.meeting.id}`, purpose: 'orientering' }),
    async (m) => (await db.agendaItem.count({ where: { meetingId: m.meeting.id, title: `Matrisetillegg ${m.meeting.id}` } })) > 0,
  ),
  'socket meeting:set-referent': chairCommand(
    'meeting:set-referent',
    (m) => ({ meetingId: m.meeting.id, referentId: userOf('colleague') }),
    async (m) => (await db.meeting.findUniqueOrThrow({ where: { id: m.meeting.id } })).referentId !== null,
  ),
  'socket meeting:set-a-list': chairCommand(
    'meeting:set-a-list',
    (m) => ({ meetingId: m.meeting.id, itemId: m.items[0].id, onAList: true }),
    async (m) => (await db.agendaItem.findUniqueOrThrow({ where: { id: m.items[0].id } })).aList,
  ),
  'socket meeting:conclude-a-list · an open meeting': chairCommand(
    'meeting:conclude-a-list',
    (m) => ({ meetingId: m.meeting.id }),
    async (m) => (await db.agendaItem.findUniqueOrThrow({ where: { id: m.items[0].id } })).locked,
    async () => {
      const m = await makeMeeting({ startsAt: days(40 + next()), status: 'open', items: [{ title: `A-liste ${serial}` }] });
      await db.agendaItem.update({ where: { id: m.items[0].id }, data: { aList: true } });
      return m;
    },
  ),
  'socket meeting:close': chairCommand(
    'meeting:close',
    (m) => ({ meetingId: m.meeting.id }),
    async (m) => (await db.meeting.findUniqueOrThrow({ where: { id: m.meeting.id } })).status === 'closed',
    () => chairMeeting(false),
  ),

  'yjs case · draft': yjsDocument('case', () => fx.draftId),
  'yjs case · submitted': yjsDocument('case', () => fx.submitted.id),
  'yjs case · submitted, meeting started': yjsDocument('case', () => fx.startedCaseId),
  'yjs case · concluded': yjsDocument('case', () => fx.concludedId),
  'yjs case · withdrawn': yjsDocument('case', () => fx.withdrawnId),
  'yjs item · planned meeting, unlocked': yjsDocument('item', () => fx.openItemId),
  'yjs item · locked': yjsDocument('item', () => fx.lockedItemId),
  'yjs item · the conclusion (item.conclusion), unlocked': yjsDocument('item', () => fx.openItemId, 'item.conclusion'),
  'yjs item · closed meeting, the author’s case': yjsDocument('item', () => fx.authorPastItem.id),
  // ── National identity numbers (issue 16) ──
  'POST /api/cases/[id]/national-id-overrides · draft': nationalIdOverride('draft'),
  'POST /api/cases/[id]/national-id-overrides · concluded': nationalIdOverride('concluded'),
  // ── end of national identity numbers ──
  ...hiddenMeetingProbes(),
  ...versionProbes(),
  ...leaderCaseProbes(),
  ...leaderMeetingProbes(),
};

/** A case whose facts hold a valid number; whether an override row was stored is read from the database. */
function nationalIdOverride(status: 'draft' | 'concluded'): Probe {
  return {
    covers: 'route POST /api/cases/[id]/national-id-overrides',
    run: async (s) => {
      const { id } = await makeCase({ status });
      const doc = new Y.Doc();
      applyCaseContent(doc, { ...completeCase, facts: 'Kontonummer 15039212258 i søknaden' });
      await db.yDocState.update({ where: { name: `case:${id}` }, data: { state: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
      doc.destroy();
      const r = await client(s).post(`/api/cases/${id}/national-id-overrides`, { field: 'facts' });
      return writeOutcome(r.status, (await db.nationalIdOverride.count({ where: { document: `case:${id}` } })) > 0);
    },
  };
}

// ─── Issue 22: leader meetings ───

const leaderItemTitle = 'Matrise: punkt på ledermøtet';
let leaderMeetings: Promise<{ plannedId: string; itemId: string; closedId: string }> | null = null;

/** A planned leader meeting (the next thing on the unit's calendar) with one item, and a closed one with one concluded item. */
function arrangeLeaderMeetings() {
  leaderMeetings ??= (async () => {
    const planned = await makeMeeting({
      startsAt: new Date(systemClock.now().getTime() + 2 * 3600_000),
      items: [{ title: leaderItemTitle }],
    });
    const closed = await makeMeeting({
      startsAt: days(-45),
      status: 'closed',
      items: [{ title: leaderItemTitle, locked: true, content: { outcome: 'droftet' } }],
    });
    await db.meeting.updateMany({ where: { id: { in: [planned.meeting.id, closed.meeting.id] } }, data: { kind: 'ledermote' } });
    await db.meeting.update({ where: { id: closed.meeting.id }, data: { closedAt: days(-45), minutesStatus: 'approved' } });
    return { plannedId: planned.meeting.id, itemId: planned.items[0].id, closedId: closed.meeting.id };
  })();
  return leaderMeetings;
}

function leaderMeetingProbes() {
  const arranged = (
    covers: string,
    run: (m: Awaited<ReturnType<typeof arrangeLeaderMeetings>>, s: Subject) => Promise<Observed>,
  ): Probe => ({
    covers,
    run: async (s) => run(await arrangeLeaderMeetings(), s),
  });
  const joinLevel = async (s: Subject, event: 'meeting:join' | 'meeting:watch-agenda', meetingId: string): Promise<Observed> => {
    const socket = await socketOf(s);
    if (!socket) return 'deny';
    const ack = await emit(socket, event, { meetingId });
    if (!ack.ok) return ackOutcome(ack, false);
    return event === 'meeting:join' ? (ack.access as Observed) : 'allow';
  };
  let yjsItemId = '';
  const yjsItem = yjsDocument('item', () => yjsItemId);
  return {
    'page / · a leader meeting listed': arranged('page /', (m, s) =>
      view(
        '/',
        s,
        shows(() => `/moter/${m.plannedId}"`),
      ),
    ),
    'page /moter/[id] · a planned leader meeting': arranged('page /moter/[id]', (m, s) =>
      view(
        `/moter/${m.plannedId}`,
        s,
        shows(() => leaderItemTitle),
      ),
    ),
    'page /moter/[id]/rom · a planned leader meeting': arranged('page /moter/[id]/rom', (m, s) =>
      view(`/moter/${m.plannedId}/rom`, s, (html) => {
        if (!html.includes(leaderItemTitle)) return 'hidden';
        const access = /access\\?":\\?"(read|edit)\\?",\\?"canChair/.exec(html);
        if (!access) throw new Error('the room rendered no access level');
        return access[1] as Observed;
      }),
    ),
    'socket meeting:join · a planned leader meeting': arranged('socket meeting:join', (m, s) => joinLevel(s, 'meeting:join', m.plannedId)),
    'socket meeting:watch-agenda · a planned leader meeting': arranged('socket meeting:watch-agenda', (m, s) =>
      joinLevel(s, 'meeting:watch-agenda', m.plannedId),
    ),
    'yjs item · a planned leader meeting, unlocked': arranged('yjs item', (m, s) => ((yjsItemId = m.itemId), yjsItem.run(s))),
    'page /moter/[id]/referat · a closed leader meeting': arranged('page /moter/[id]/referat', (m, s) =>
      view(
        `/moter/${m.closedId}/referat`,
        s,
        shows(() => leaderItemTitle),
      ),
    ),
    'GET /moter/[id]/referat/pdf · a closed leader meeting': arranged('route GET /moter/[id]/referat/pdf', (m, s) =>
      view(`/moter/${m.closedId}/referat/pdf`, s, (_, bytes) =>
        pdfText(bytes).replace(/\s+/g, ' ').includes('punkt på ledermøtet') ? 'allow' : 'hidden',
      ),
    ),
    'page /historikk · a closed leader meeting': arranged('page /historikk', (m, s) =>
      view(
        '/historikk',
        s,
        shows(() => `/moter/${m.closedId}/referat`),
      ),
    ),
  } satisfies Partial<Record<Operation, Probe>>;
}

/** Issue 22: leader cases, made beside the server for each cell; the forms posted as the leader's page rendered them. */
function leaderCaseProbes() {
  const leaderCase = (level: 'tjeneste' | 'politisk', title: string) =>
    db.leaderCase.create({
      data: { unitId: fx.mainUnitId, createdById: userOf('leder'), level, title, content: JSON.stringify({ question: title }) },
    });
  // A leader meeting of the main unit ten days ahead, for 'Sett på møte' (made once).
  let leaderMeetingId: Promise<string> | null = null;
  const upcomingLeaderMeeting = () =>
    (leaderMeetingId ??= (async () => {
      const startsAt = days(10);
      const made = await db.meeting.create({
        data: {
          unitId: fx.mainUnitId,
          kind: 'ledermote',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3600_000),
          submissionDeadline: new Date(startsAt.getTime() - 86_400_000),
        },
      });
      return made.id;
    })());
  const leaderForm = async (s: Subject, id: string, marker: string, fields: Record<string, string>) => {
    const page = `/ledersaker/${id}`;
    const answer = await adminForm(s, page, [marker], fields, 'leder');
    return { status: answer.status, location: answer.location };
  };
  return {
    'page /ledersaker · the unit’s leader case listed': {
      covers: 'page /ledersaker',
      run: async (s) => {
        const title = `Matrise: ledersak ${next()}`;
        await leaderCase('tjeneste', title);
        return view(
          '/ledersaker',
          s,
          shows(() => title),
        );
      },
    },
    'page /ledersaker/[id] · a service-level case': {
      covers: 'page /ledersaker/[id]',
      run: async (s) => {
        const title = `Matrise: tjenestesak ${next()}`;
        const { id } = await leaderCase('tjeneste', title);
        return view(
          `/ledersaker/${id}`,
          s,
          shows(() => title),
        );
      },
    },
    'GET /ledersaker/[id]/saksframlegg · a political case': {
      covers: 'route GET /ledersaker/[id]/saksframlegg',
      run: async (s) => {
        const title = `Matrise: politisk sak ${next()}`;
        const { id } = await leaderCase('politisk', title);
        return view(`/ledersaker/${id}/saksframlegg`, s, (_body, bytes) => (bytes[0] === 0x50 && bytes[1] === 0x4b ? 'allow' : 'hidden'));
      },
    },
    'action createLeaderCaseAction · in the unit': {
      covers: 'action app/ledersaker/actions.ts#createLeaderCaseAction',
      run: async (s) => {
        const mine = () => (s === 'anonymous' ? Promise.resolve(0) : db.leaderCase.count({ where: { createdById: userOf(s) } }));
        const before = await mine();
        const html = new TextDecoder().decode((await get('/ledersaker', 'leder')).bytes);
        const form = formWith(html, nb.leaderCases.open);
        const answer = await submitRenderedForm(
          server.url,
          '/ledersaker',
          form,
          { unitId: fx.mainUnitId, level: 'tjeneste' },
          { cookie: cookieOf(s) },
        );
        return actionOutcome({ status: answer.status, location: answer.location }, (await mine()) > before);
      },
    },
    'action saveLeaderCaseAction · a case of the unit': {
      covers: 'action app/ledersaker/actions.ts#saveLeaderCaseAction',
      run: async (s) => {
        const { id } = await leaderCase('tjeneste', `Matrise: lagres ${next()}`);
        const question = `Matrise: lagret ${serial}`;
        const answer = await leaderForm(s, id, nb.leaderCases.save, { question });
        return actionOutcome(answer, (await db.leaderCase.findUniqueOrThrow({ where: { id } })).title === question);
      },
    },
    'action attachEvidenceAction · a case of the unit': {
      covers: 'action app/ledersaker/actions.ts#attachEvidenceAction',
      run: async (s) => {
        const { id } = await leaderCase('tjeneste', `Matrise: tall ${next()}`);
        const answer = await leaderForm(s, id, nb.leaderCases.evidence.attach, { tjeneste: 'avlastning', periode: '12m' });
        return actionOutcome(answer, (await db.leaderCaseEvidence.count({ where: { leaderCaseId: id } })) > 0);
      },
    },
    'action putOnMeetingAction · a case of the unit, a leader meeting': {
      covers: 'action app/ledersaker/actions.ts#putOnMeetingAction',
      run: async (s) => {
        const { id } = await leaderCase('tjeneste', `Matrise: på ledermøte ${next()}`);
        const meetingId = await upcomingLeaderMeeting();
        const answer = await leaderForm(s, id, nb.leaderCases.meetings.putOn, { meetingId, purpose: 'drofting' });
        return actionOutcome(answer, (await db.agendaItem.count({ where: { leaderCaseId: id, meetingId } })) > 0);
      },
    },
  } satisfies Partial<Record<Operation, Probe>>;
}

// ─── The tests ──────────────────────────────────────────────────────────────

const observed = new Map<string, Observed>();
const operations = Object.keys(expected) as Operation[];
const cellCount = operations.length * subjects.length;

describe('authorisation matrix', () => {
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    server = await startTestServer({ databaseUrl: database.url, dataDir: database.dataDir });
    db = openDb(database.url);
    // The demo seed has one member of the other unit (a saksbehandler); the other roles are added there.
    const otherUnit = await db.unit.findFirstOrThrow({ where: { name: demoUnitNames.other } });
    const passwordHash = await hashPassword(demo.password);
    for (const [subject, role] of Object.entries(otherUnitStaff)) {
      await db.user.create({
        data: {
          email: emails[subject as SignedIn],
          name: `Matrise ${role} (annen enhet)`,
          passwordHash,
          memberships: { create: { unitId: otherUnit.id, role } },
        },
      });
    }
    Object.assign(cookies, await loginDemoUsers(server.url, emails, demo.password));
    for (const [subject, email] of Object.entries(emails))
      userIds[subject as SignedIn] = (await db.user.findUniqueOrThrow({ where: { email } })).id;
    mainUnitId = (await db.unit.findFirstOrThrow({ where: { name: demoUnitNames.main } })).id;
    fx = await arrange();
    await db.unit.update({ where: { id: fx.otherUnitId }, data: { calendarTokenHash: hashCalendarToken(calendarToken) } });
    for (const subject of subjects) {
      if (subject === 'anonymous') continue;
      const socket = await connectSocket(server.url, cookies[subject]!);
      sockets[subject] = socket;
      openSockets.push(socket);
    }
    // The forms' action ids, from the pages as the author sees them.
    const built = builtServerActions();
    const found: Partial<typeof actions> = {};
    for (const page of ['/saker', '/oppfolging', `/saker/${fx.submitted.id}/versjoner`, `/saker/${fx.concludedId}/fagsystem`]) {
      const html = new TextDecoder().decode((await get(page, 'author')).bytes);
      for (const id of actionIdsIn(html)) {
        const action = built.get(id);
        if (action) found[action.name as keyof typeof actions] = { id, page };
      }
    }
    // The chair's form on the agenda page: its id straight from the build (the author's pages do not show it).
    const ask = [...built].find(([, action]) => action.name === 'askForMissingAction');
    if (ask) found.askForMissingAction = { id: ask[0], page: `/moter/${fx.plannedMeetingId}` };
    const recusal = [...built].find(([, action]) => action.name === 'recusalAction');
    if (recusal) found.recusalAction = { id: recusal[0], page: `/moter/${fx.plannedMeetingId}` };
    const acting = [...built].find(([, action]) => action.name === 'actingChairAction');
    if (acting) found.actingChairAction = { id: acting[0], page: `/moter/${fx.plannedMeetingId}/rom` };
    // The minutes' forms (the page's script posts them): their ids from the build, on the past meeting's minutes.
    for (const name of ['commentOnMinutesAction', 'editMinutesItemAction', 'approveMinutesAction'] as const) {
      const built = [...builtServerActions()].find(([, action]) => action.name === name);
      if (built) found[name] = { id: built[0], page: `/moter/${fx.pastMeetingId}/referat` };
    }
    // Ny sak's first edit calls it from the page's script: its id straight from the build.
    const draft = [...built].find(([, action]) => action.name === 'createDraftAction');
    if (draft) found.createDraftAction = { id: draft[0], page: `/saker/ny?enhet=${fx.mainUnitId}` };
    const aList = [...built].find(([, action]) => action.name === 'setAListAction');
    if (aList) found.setAListAction = { id: aList[0], page: `/moter/${fx.plannedMeetingId}` };
    if (
      !found.actingChairAction ||
      !found.recusalAction ||
      !found.askForMissingAction ||
      !found.setAListAction ||
      !found.createDraftAction ||
      !found.commentOnMinutesAction ||
      !found.editMinutesItemAction ||
      !found.approveMinutesAction ||
      !found.setFollowUpDone ||
      !found.startRevisionDraft ||
      !found.restoreVersionAction ||
      !found.markDocumentedAction
    )
      throw new Error(`action forms not found: ${JSON.stringify(found)}`);
    actions = found as typeof actions;
  });

  afterAll(async () => {
    for (const socket of openSockets) socket.close();
    await db?.$disconnect();
    await server?.stop('SIGTERM');
    await database?.drop();
  });

  describe('the table covers everything a client can reach', () => {
    const covered = new Set(Object.values(probes).map((p) => p.covers));
    const missing = (items: string[]) => items.filter((item) => !covered.has(item));

    it('every route handler and HTTP method under app/', () => {
      const handlers = routeHandlers();
      expect(handlers.length).toBeGreaterThanOrEqual(12);
      expect(missing(handlers.map((h) => `route ${h}`))).toEqual([]);
    });

    it('every page with case or meeting content', () => {
      const all = pages();
      expect(all).toContain('/saker/[id]');
      expect(Object.keys(pagesWithoutCaseContent).filter((p) => !all.includes(p))).toEqual([]);
      expect(missing(all.filter((p) => !(p in pagesWithoutCaseContent)).map((p) => `page ${p}`))).toEqual([]);
    });

    it('every server action, in the source and in the build', () => {
      const exported = serverActions();
      expect(exported.length).toBeGreaterThanOrEqual(3);
      expect(missing(exported.map((a) => `action ${a}`))).toEqual([]);
      const built = [...builtServerActions().values()].map((a) => `action ${a.file}#${a.name}`);
      expect(missing(built)).toEqual([]);
    });

    it('every socket.io event the server listens for, and the handshake', () => {
      const events = socketEvents();
      expect(events).toContain('meeting:close');
      expect(missing(events.filter((e) => !(e in socketLifecycleEvents)).map((e) => `socket ${e}`))).toEqual([]);
    });

    it('every kind of Yjs document', () => {
      expect(missing(documentKinds.map((k) => `yjs ${k}`))).toEqual([]);
    });

    it('has one row of known subjects per operation, and a probe per row', () => {
      expect(Object.keys(probes).sort()).toEqual([...operations].sort());
      for (const operation of operations) expect(expected[operation]).toHaveLength(subjects.length);
      for (const [operation, violation] of Object.entries(knownViolations)) {
        expect(operations).toContain(operation);
        for (const subject of violation!.subjects)
          expect(violation!.observed).not.toBe(expected[operation as Operation][subjects.indexOf(subject)]);
      }
    });
  });

  it('the subjects are who the table says: one membership each, in the own or the other unit', async () => {
    for (const subject of subjects) {
      if (subject === 'anonymous') continue;
      const memberships = await db.membership.findMany({ where: { userId: userOf(subject) } });
      const unitId = subject.startsWith('other:') ? fx.otherUnitId : fx.mainUnitId;
      expect(
        memberships.map((m) => [m.unitId, m.role]),
        subject,
      ).toEqual([[unitId, roleOf[subject]]]);
      const home = new TextDecoder().decode((await get('/', subject)).bytes);
      expect(home, subject).toContain(subject.startsWith('other:') ? demoUnitNames.other : demoUnitNames.main);
    }
    expect(await db.case.count({ where: { id: fx.concludedId, createdById: userOf('author'), status: 'concluded' } })).toBe(1);
    expect(await db.followUp.count({ where: { description: authorFollowUp, ownerId: userOf('author') } })).toBe(1);
  });

  for (const operation of operations) {
    describe(operation, () => {
      subjects.forEach((subject, column) => {
        const want = expected[operation][column];
        const violation = knownViolations[operation];
        const known = violation?.subjects.includes(subject) ?? false;
        it.concurrent(`${subject} → ${want}${known ? ` [KNOWN VIOLATION: ${violation!.observed}]` : ''}`, async ({ expect }) => {
          const got = await probes[operation].run(subject);
          observed.set(`${operation} | ${subject}`, got);
          if (known) expect(got, 'the violation is fixed: remove it from knownViolations').toBe(violation!.observed);
          else expect(got).toBe(want);
        });
      });
    });
  }

  it('checked every cell of the table', () => {
    console.log(`matrix cells checked: ${observed.size} (${operations.length} operations × ${subjects.length} subjects)`);
    expect(observed.size).toBe(cellCount);
  });

  // ─── Admin powers × a person who also belongs to another unit × {unit admin, system admin} (issue 16) ───
  //
  // The person is a saksbehandler of the own (main) unit and of the other unit. A unit's admin runs the
  // memberships of their unit, but has no power over the account of someone who belongs elsewhere too; a
  // system administrator has the account powers and none over memberships (nor over cases). Each cell acts
  // on a fresh person, and each write is checked in the database.
  describe('admin powers over a person who also belongs elsewhere (issue 16)', () => {
    const powerActors = ['unit admin', 'system admin'] as const;
    type PowerActor = (typeof powerActors)[number];
    // prettier-ignore
    const powers = {
      //                                                          unit admin  system admin
      'add member · the person, to the own unit':                 ['allow',   'deny'],
      'remove member · from the own unit':                        ['allow',   'deny'],
      'change role · in the own unit':                            ['allow',   'deny'],
      'set password · on adding the existing account':            ['deny',    'deny'],
      'reset password':                                           ['deny',    'allow'],
      'deactivate':                                               ['deny',    'allow'],
      'reactivate':                                               ['deny',    'allow'],
      'change name':                                              ['deny',    'allow'],
      'change e-mail':                                            ['deny',    'allow'],
      'unlink OIDC':                                              ['deny',    'allow'],
    } as const satisfies Record<string, readonly ['allow' | 'deny', 'allow' | 'deny']>;
    type Power = keyof typeof powers;

    let systemCookie: string;
    let hash: string;
    const unitPage = () => `/admin/enheter/${fx.mainUnitId}`;
    const cookieFor = (a: PowerActor) => (a === 'unit admin' ? cookies.admin! : systemCookie);

    /** A fresh person with a password and an OIDC link, in the given units (saksbehandler), active or not. */
    async function person(units: ('main' | 'other')[], active = true) {
      const n = next();
      const user = await db.user.create({
        data: {
          email: `matrise-delt-${n}@demo.test`,
          name: `Matrise Delt ${n}`,
          passwordHash: hash,
          oidcSubject: `matrise-delt-oidc-${n}`,
          active,
          memberships: {
            create: units.map((u) => ({ unitId: u === 'main' ? fx.mainUnitId : fx.otherUnitId, role: 'saksbehandler' })),
          },
        },
      });
      return user;
    }
    const html = async (path: string, cookie: string) =>
      (await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' })).text();

    /**
     * The form for `control` as the actor's own page renders it for a person they may manage — the unit admin's
     * member list (a person of the own unit only), the system administrator's page of the target — posted as the
     * actor with the target's id over it: what a forged post would send where the page offers nothing.
     */
    async function accountForm(actor: PowerActor, targetId: string, control: string, fields: Record<string, string>) {
      if (actor === 'system admin') {
        const path = `/admin/kontoer/${targetId}`;
        const form = formWith(await html(path, systemCookie), control);
        return submitRenderedForm(server.url, path, form, fields, { cookie: systemCookie });
      }
      const stand = await person(['main']);
      const form = formWith(await html(unitPage(), cookies.admin!), `value="${stand.id}"`, control);
      return submitRenderedForm(server.url, unitPage(), form, { ...fields, userId: targetId }, { cookie: cookies.admin! });
    }
    /** A membership form of the unit page, as its admin sees it, posted as the actor. */
    async function memberForm(actor: PowerActor, markers: string[], fields: Record<string, string>) {
      const form = formWith(await html(unitPage(), cookies.admin!), ...markers);
      return submitRenderedForm(server.url, unitPage(), form, fields, { cookie: cookieFor(actor) });
    }
    const refusals = [
      nb.admin.errors.not_found,
      nb.admin.errors.forbidden,
      nb.admin.errors.account_elsewhere,
      nb.admin.errors.password_existing_account,
    ];
    function powerOutcome(answer: { status: number; body: string }, done: boolean): 'allow' | 'deny' {
      if (done && answer.status === 200) return 'allow';
      if (!done && answer.status === 200 && refusals.some((r) => answer.body.includes(r))) return 'deny';
      // A page the actor may not see answers its forms' posts with its own 404.
      if (!done && [403, 404].includes(answer.status)) return 'deny';
      throw new Error(`inconsistent: HTTP ${answer.status}, and the change was ${done ? '' : 'not '}made`);
    }
    const read = (id: string) => db.user.findUniqueOrThrow({ where: { id }, include: { memberships: true } });

    const probes: Record<Power, (a: PowerActor) => Promise<'allow' | 'deny'>> = {
      'add member · the person, to the own unit': async (a) => {
        const target = await person(['other']);
        const answer = await memberForm(a, [nb.admin.add], { email: target.email, name: '', role: 'saksbehandler', password: '' });
        return powerOutcome(
          answer,
          (await read(target.id)).memberships.some((m) => m.unitId === fx.mainUnitId),
        );
      },
      'remove member · from the own unit': async (a) => {
        const target = await person(['main', 'other']);
        const answer = await memberForm(a, [`value="${target.id}"`, nb.admin.remove], {});
        return powerOutcome(answer, !(await read(target.id)).memberships.some((m) => m.unitId === fx.mainUnitId));
      },
      'change role · in the own unit': async (a) => {
        const target = await person(['main', 'other']);
        const answer = await memberForm(a, [`value="${target.id}"`, nb.admin.saveRole], { role: 'leder' });
        return powerOutcome(answer, (await read(target.id)).memberships.find((m) => m.unitId === fx.mainUnitId)?.role === 'leder');
      },
      'set password · on adding the existing account': async (a) => {
        const target = await person(['other']);
        const answer = await memberForm(a, [nb.admin.add], {
          email: target.email,
          name: '',
          role: 'saksbehandler',
          password: 'lilla-tog-over-broen-i-mai',
        });
        const after = await read(target.id);
        // Done would be a new password or the membership; neither may happen.
        return powerOutcome(answer, after.passwordHash !== hash || after.memberships.length !== 1);
      },
      'reset password': async (a) => {
        const target = await person(['main', 'other']);
        const answer = await accountForm(a, target.id, nb.admin.setPassword, { password: 'lilla-tog-over-broen-i-mai' });
        return powerOutcome(answer, (await read(target.id)).passwordHash !== hash);
      },
      deactivate: async (a) => {
        const target = await person(['main', 'other']);
        const answer = await accountForm(a, target.id, nb.admin.deactivate, { active: 'false' });
        return powerOutcome(answer, !(await read(target.id)).active);
      },
      reactivate: async (a) => {
        const target = await person(['main', 'other'], false);
        // The unit admin's stand-in is active, so its form deactivates: the forged post asks for active=true.
        const answer = await accountForm(a, target.id, a === 'unit admin' ? nb.admin.deactivate : nb.admin.activate, { active: 'true' });
        return powerOutcome(answer, (await read(target.id)).active);
      },
      'change name': async (a) => {
        const target = await person(['main', 'other']);
        const answer = await accountForm(a, target.id, nb.admin.saveName, { name: 'Matrise Kapret Navn' });
        return powerOutcome(answer, (await read(target.id)).name === 'Matrise Kapret Navn');
      },
      'change e-mail': async (a) => {
        const target = await person(['main', 'other']);
        const email = `matrise-kapret-${next()}@demo.test`;
        const answer = await accountForm(a, target.id, nb.admin.saveEmail, { email });
        return powerOutcome(answer, (await read(target.id)).email === email);
      },
      'unlink OIDC': async (a) => {
        const target = await person(['main', 'other']);
        const answer = await accountForm(a, target.id, nb.admin.accounts.unlinkOidc, {});
        return powerOutcome(answer, (await read(target.id)).oidcSubject === null);
      },
    };

    beforeAll(async () => {
      hash = await hashPassword(`matrise-${demo.password}-delt`);
      systemCookie = (await login(server.url, demo.system, demo.password))!;
      expect(systemCookie).toBeTruthy();
      // The actors are who the columns say: the main unit's admin only; a system administrator in no unit.
      const [admin, system] = await Promise.all(
        [demo.admin, demo.system].map((email) => db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } })),
      );
      expect([admin.systemAdmin, admin.memberships.map((m) => [m.unitId, m.role])]).toEqual([false, [[fx.mainUnitId, 'admin']]]);
      expect([system.systemAdmin, system.memberships]).toEqual([true, []]);
    });

    for (const power of Object.keys(powers) as Power[]) {
      powerActors.forEach((actor, column) => {
        const want = powers[power][column];
        it(`${power} · ${actor} → ${want}`, async () => {
          expect(await probes[power](actor)).toBe(want);
        });
      });
    }
  });
});
