import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../identifiers/credit-code.js';
import { checkProviderRegistration, daysToExpiry, providerAgreementInForce, providerStatus } from './service-provider.js';

const CODE = makeCreditCode('91370481MA0000001');

function buildRegistration(overrides: Partial<Parameters<typeof checkProviderRegistration>[0]> = {}) {
  return {
    creditCode: CODE,
    agreementSignedOn: '2026-01-01',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    noRetention: true,
    noUse: true,
    noOnwardTransfer: true,
    ...overrides,
  };
}

describe('service provider agreements (R30.1)', () => {
  const agreement = { state: 'active' as const, validFrom: '2026-01-01', validTo: '2026-06-30' };
  it('is in force from its first to its last day, both included', () => {
    expect(providerAgreementInForce(agreement, '2025-12-31')).toBe(false);
    expect(providerAgreementInForce(agreement, '2026-01-01')).toBe(true);
    expect(providerAgreementInForce(agreement, '2026-06-30')).toBe(true);
    expect(providerAgreementInForce(agreement, '2026-07-01')).toBe(false);
  });
  it('is not in force once ended or terminated early', () => {
    expect(providerAgreementInForce({ ...agreement, state: 'ended' }, '2026-03-01')).toBe(false);
    expect(providerAgreementInForce({ ...agreement, state: 'terminated' }, '2026-03-01')).toBe(false);
  });
  it('shows pending, in force, expired, ended, terminated', () => {
    expect(providerStatus(agreement, '2025-12-01')).toBe('pending');
    expect(providerStatus(agreement, '2026-03-01')).toBe('in_force');
    expect(providerStatus(agreement, '2026-07-01')).toBe('expired');
    expect(providerStatus({ ...agreement, state: 'terminated' }, '2026-03-01')).toBe('terminated');
  });
  it('counts whole days to expiry', () => {
    expect(daysToExpiry('2026-06-30', '2026-06-30')).toBe(0);
    expect(daysToExpiry('2026-06-30', '2026-05-31')).toBe(30);
    expect(daysToExpiry('2026-06-30', '2026-07-02')).toBe(-2);
  });
  it('accepts a complete registration', () => {
    expect(checkProviderRegistration(buildRegistration())).toBeNull();
  });
  it('refuses an invalid credit code naming the field (GB 32100)', () => {
    const bad = `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}`;
    expect(checkProviderRegistration(buildRegistration({ creditCode: bad }))).toMatchObject({
      code: 'CREDIT_CODE_INVALID',
      field: 'creditCode',
    });
  });
  it('refuses an agreement without each commitment of R30.1', () => {
    for (const k of ['noRetention', 'noUse', 'noOnwardTransfer'] as const) {
      expect(checkProviderRegistration(buildRegistration({ [k]: false }))).toMatchObject({
        code: 'PROVIDER_COMMITMENT_REQUIRED',
        field: k,
        requirement: 'R30.1',
      });
    }
  });
  it('refuses a period that ends before it begins, or an agreement signed after it takes effect', () => {
    expect(checkProviderRegistration(buildRegistration({ validTo: '2025-12-31' }))).toMatchObject({ field: 'validTo' });
    expect(checkProviderRegistration(buildRegistration({ agreementSignedOn: '2026-01-02' }))).toMatchObject({ field: 'agreementSignedOn' });
  });
});
