import { describe, expect, it } from 'vitest';
import { caseContentSchema } from '../cases/case-form';
import { itemContentSchema } from '../meetings/item-content';
import { parseFields } from './parse-fields';

describe('parseFields', () => {
  it('keeps the valid fields and names the bad ones', () => {
    const parsed = parseFields(caseContentSchema, {
      question: 'Hva?',
      caseType: 'tull',
      urgent: true,
      nickname: 'x',
      facts: 'x'.repeat(20_001),
    });
    expect(parsed.data).toEqual({ question: 'Hva?', urgent: true });
    expect(parsed.invalid).toEqual(['caseType', 'nickname', 'facts']);
  });

  it('drops a list that is not a list, and applies the field defaults of what it keeps', () => {
    const parsed = parseFields(itemContentSchema, { followUps: 'boom', notes: 'Notat', epjDocumentation: 'yes' });
    expect(parsed.data).toEqual({ notes: 'Notat' });
    expect(parsed.invalid).toEqual(['followUps', 'epjDocumentation']);
    expect(parseFields(itemContentSchema, { followUps: [{ id: 'f1' }] }).data.followUps).toEqual([
      { id: 'f1', ownerId: '', description: '', dueDate: '' },
    ]);
  });

  it('reads nothing into a stored value that is not an object', () => {
    expect(parseFields(caseContentSchema, null)).toEqual({ data: {}, invalid: [] });
    expect(parseFields(caseContentSchema, 'boom')).toEqual({ data: {}, invalid: ['_'] });
    expect(parseFields(caseContentSchema, [1])).toEqual({ data: {}, invalid: ['_'] });
  });
});
