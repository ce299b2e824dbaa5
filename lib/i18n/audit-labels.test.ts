import { describe, expect, it } from 'vitest';
import { auditActions } from '../audit/record-audit-event';
import { nb } from './nb';

describe('audit log labels', () => {
  it('every audit action has a Norwegian label for the log view', () => {
    expect(auditActions.filter((action) => !nb.history.audit.actions[action])).toEqual([]);
  });
});
