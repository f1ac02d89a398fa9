import { describe, expect, it } from 'vitest';
import { checkGrantAccess, grantStatusAt, type GrantFacts } from './grant-access.js';

const NOW = new Date('2026-12-01T02:00:00Z');
const grant: GrantFacts = {
  consumerAgencyId: 'consumer',
  state: 'active',
  validFrom: new Date('2026-11-01T00:00:00Z'),
  validTo: new Date('2027-11-01T00:00:00Z'),
  fields: ['sfzh', 'xm', 'cbzt'],
  apiKeyIds: ['key-1'],
};
const system = { agencyId: 'consumer', apiKeyId: 'key-1' };

describe('checkGrantAccess: deny by default at the one exit (R7.1, R17.2, R29.1)', () => {
  it('delivers the granted fields, in the grant’s order, to a registered system', () => {
    expect(checkGrantAccess(grant, system, NOW, null)).toEqual({ ok: true, value: ['sfzh', 'xm', 'cbzt'] });
    expect(checkGrantAccess(grant, system, NOW, ['cbzt', 'sfzh'])).toEqual({ ok: true, value: ['sfzh', 'cbzt'] });
  });
  it('a signed-in person of the consumer agency needs no key', () => {
    expect(checkGrantAccess(grant, { agencyId: 'consumer', apiKeyId: null }, NOW, null).ok).toBe(true);
  });
  const cases: [string, Parameters<typeof checkGrantAccess>, string][] = [
    ['no grant', [null, system, NOW, null], 'EXIT_NO_GRANT'],
    ['another agency', [grant, { agencyId: 'other', apiKeyId: 'key-9' }, NOW, null], 'EXIT_WRONG_AGENCY'],
    ['a person of no agency', [grant, { agencyId: null, apiKeyId: null }, NOW, null], 'EXIT_WRONG_AGENCY'],
    ['an unregistered key of the consumer', [grant, { agencyId: 'consumer', apiKeyId: 'key-2' }, NOW, null], 'EXIT_KEY_NOT_ALLOWED'],
    ['expired', [grant, system, new Date('2027-11-01T00:00:00Z'), null], 'EXIT_GRANT_EXPIRED'],
    ['not started', [grant, system, new Date('2026-10-01T00:00:00Z'), null], 'EXIT_GRANT_NOT_STARTED'],
    ['revoked', [{ ...grant, state: 'revoked' }, system, NOW, null], 'EXIT_GRANT_REVOKED'],
    ['suspended', [{ ...grant, state: 'suspended' }, system, NOW, null], 'EXIT_GRANT_SUSPENDED'],
    ['a field not granted', [grant, system, NOW, ['sfzh', 'dz']], 'EXIT_FIELD_NOT_GRANTED'],
  ];
  for (const [name, args, code] of cases) {
    it(`refuses ${name} with ${code}`, () => {
      const result = checkGrantAccess(...args);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.refusal.code).toBe(code);
        expect(result.refusal.requirement).toMatch(/^R\d+\.\d+$/);
      }
    });
  }
  it('names the fields not granted', () => {
    const result = checkGrantAccess(grant, system, NOW, ['dz', 'sfzh', 'lxdh']);
    expect(result).toMatchObject({ ok: false, refusal: { field: 'fields', details: { notGranted: ['dz', 'lxdh'] } } });
  });
  it('shows expiry and future grants as such', () => {
    expect(grantStatusAt(grant, NOW)).toBe('active');
    expect(grantStatusAt(grant, new Date('2028-01-01'))).toBe('expired');
    expect(grantStatusAt({ ...grant, state: 'suspended' }, new Date('2028-01-01'))).toBe('suspended');
  });
});
