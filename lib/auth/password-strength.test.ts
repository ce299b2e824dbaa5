import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-strength';

describe('passwordProblem', () => {
  it('refuses short, common and personal passwords', () => {
    expect(passwordProblem('demo1234')).toBe('too_short');
    expect(passwordProblem('passord123')).toBe('too_weak');
    expect(passwordProblem('qwertyuiop')).toBe('too_weak');
    expect(passwordProblem('KariNordmann2026', { name: 'Kari Nordmann', email: 'kari.nordmann@kommune.no' })).toBe('personal');
    expect(passwordProblem('xx-nordmann-blå-hest', { email: 'kari.nordmann@kommune.no' })).toBe('personal');
    expect(passwordProblem('Passord2026!')).toBe('too_weak');
    expect(passwordProblem('sommer2026')).toBe('too_weak');
    expect(passwordProblem('x'.repeat(201))).toBe('too_long');
  });

  it('accepts a passphrase', () => {
    expect(passwordProblem('grønn-sykkel-under-fjellet')).toBeNull();
    expect(passwordProblem('Tirsdagsmøtet flytter seg 7 ganger')).toBeNull();
  });
});
