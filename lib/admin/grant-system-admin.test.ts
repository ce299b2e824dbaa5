import { describe, expect, it } from 'vitest';
import { parseGrantArguments } from './grant-system-admin';

describe('npm run admin:grant arguments', () => {
  it('takes one e-mail (lower-cased), --revoke, and --name for an account to make', () => {
    expect(parseGrantArguments(['Siri@Kommune.no'])).toEqual({ email: 'siri@kommune.no', revoke: false });
    expect(parseGrantArguments(['--revoke', 'siri@kommune.no'])).toEqual({ email: 'siri@kommune.no', revoke: true });
    expect(parseGrantArguments(['siri@kommune.no', '--name=Siri Nilsen'])).toEqual({
      email: 'siri@kommune.no',
      revoke: false,
      name: 'Siri Nilsen',
    });
  });

  it('refuses anything else', () => {
    expect(parseGrantArguments([])).toBeNull();
    expect(parseGrantArguments(['ikke-en-adresse'])).toBeNull();
    expect(parseGrantArguments(['a@b.no', 'c@d.no'])).toBeNull();
    expect(parseGrantArguments(['a@b.no', '--name=x'])).toBeNull();
    expect(parseGrantArguments(['a@b.no', '--revoke', '--name=Siri Nilsen'])).toBeNull();
  });
});
