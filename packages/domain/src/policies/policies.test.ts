import { describe, expect, it } from 'vitest';
import type { Actor, AgencyFacts } from '../identity/actor.js';
import { ANONYMOUS } from '../identity/actor.js';
import type { Role } from '../identity/roles.js';
import { ROLES } from '../identity/roles.js';
import { authorize, PERMISSIONS, type Permission } from './policies.js';

function buildAgency(overrides: Partial<AgencyFacts> = {}): AgencyFacts {
  return { id: 'a-home', kind: 'department', level: 'city', sector: null, sectorAuthorityOf: null, hasSteward: true, ...overrides };
}
function buildActor(roles: Role[], agency: AgencyFacts | null = buildAgency()): Actor {
  return { kind: 'user', userId: 'u1', username: 'u1', roles, agency, via: 'session' };
}

/** The expected answer for each role without a context: the permission matrix of the foundation. */
const MATRIX: Record<Permission, Role[]> = {
  'profile.read': [...ROLES],
  'api_key.manage_own': [...ROLES],
  'workbench.view': ['steward', 'agency_staff'],
  'console.view': ['bureau_admin', 'bureau_reviewer'],
  'agency.list': ['bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff', 'sector_supervisor', 'security_supervisor', 'operator'],
  'agency.read': ['bureau_admin', 'bureau_reviewer', 'security_supervisor'],
  'agency.manage': ['bureau_admin'],
  'user.read': ['bureau_admin', 'bureau_reviewer'],
  'user.manage': ['bureau_admin'],
  'sector.oversee': [],
  'audit.read': ['security_supervisor', 'bureau_admin'],
  'agency.submit': ['steward'],
  'calendar.manage': ['bureau_admin'],
  'rules.manage': ['bureau_admin'],
  'deadline.pending': ['bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff'],
  'deadline.stats': ['bureau_admin', 'bureau_reviewer'],
  'rectification.supervise': ['bureau_admin', 'bureau_reviewer'],
  'rectification.read': ['bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff', 'sector_supervisor'],
  'catalog.read': [...ROLES],
  'catalog.edit': ['steward', 'agency_staff'],
  'catalog.review': ['bureau_admin', 'bureau_reviewer'],
  'catalog.downgrade': ['bureau_admin'],
  'share.read': ['bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff', 'security_supervisor'],
  'share.request': ['bureau_admin', 'bureau_reviewer', 'steward'],
  'share.provide': ['steward'],
  'share.review': ['bureau_admin', 'bureau_reviewer'],
  'security.assess': ['security_supervisor', 'bureau_admin'],
  'open.participate': ['public_user'],
  'open.read': ['bureau_admin', 'bureau_reviewer', 'steward', 'agency_staff'],
  'open.provide': ['steward'],
  'open.review': ['bureau_admin', 'bureau_reviewer'],
  'provider.read': ['bureau_admin', 'security_supervisor', 'steward'],
  'provider.manage': ['bureau_admin', 'steward'],
};

describe('authorize: deny by default, per role (R6.1, R29.1)', () => {
  for (const permission of PERMISSIONS) {
    it(`anonymous visitors are asked to sign in for ${permission}`, () => {
      expect(authorize(ANONYMOUS, permission)).toMatchObject({ ok: false, refusal: { code: 'AUTH_REQUIRED' } });
    });
    for (const role of ROLES) {
      const allowed = MATRIX[permission].includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        const agency = role === 'public_user' ? null : buildAgency();
        expect(authorize(buildActor([role], agency), permission).ok).toBe(allowed);
      });
    }
  }
});

describe('scoped rules', () => {
  const education = buildAgency({ id: 'edu', sectorAuthorityOf: 'education' });
  const school = buildAgency({ id: 'school', kind: 'institution', sector: 'education' });
  const hospital = buildAgency({ id: 'hospital', kind: 'institution', sector: 'health' });

  it('a sector supervisor sees the agencies of its own sector only (R6.1)', () => {
    const supervisor = buildActor(['sector_supervisor'], education);
    expect(authorize(supervisor, 'sector.oversee').ok).toBe(true);
    expect(authorize(supervisor, 'agency.read', { agency: school }).ok).toBe(true);
    expect(authorize(supervisor, 'agency.read', { agency: hospital }).ok).toBe(false);
  });
  it('a sector supervisor of an agency that is no sector authority oversees nothing', () => {
    expect(authorize(buildActor(['sector_supervisor'], buildAgency()), 'sector.oversee').ok).toBe(false);
  });
  it('stewards and staff read their own agency, not another', () => {
    for (const role of ['steward', 'agency_staff'] as const) {
      const actor = buildActor([role], school);
      expect(authorize(actor, 'agency.read', { agency: school }).ok).toBe(true);
      expect(authorize(actor, 'agency.read', { agency: hospital }).ok).toBe(false);
    }
  });
  it('an agency without a steward cannot submit (R8.1)', () => {
    const noSteward = buildAgency({ hasSteward: false });
    const result = authorize(buildActor(['agency_staff'], noSteward), 'agency.submit');
    expect(result).toMatchObject({ ok: false, refusal: { code: 'STEWARD_REQUIRED', requirement: 'R8.1' } });
  });
  it('a steward submits for its own agency only', () => {
    const steward = buildActor(['steward'], school);
    expect(authorize(steward, 'agency.submit', { agency: school }).ok).toBe(true);
    expect(authorize(steward, 'agency.submit', { agency: hospital })).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
  });
  it('staff of an agency with a steward still cannot submit themselves', () => {
    expect(authorize(buildActor(['agency_staff'], school), 'agency.submit')).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
  });
});

describe('sharing rules (R8.1, R14.2, R15.2)', () => {
  const provider = buildAgency({ id: 'provider' });
  const other = buildAgency({ id: 'other' });
  it('only the providing agency’s steward reviews as provider', () => {
    expect(authorize(buildActor(['steward'], provider), 'share.provide', { agency: provider }).ok).toBe(true);
    expect(authorize(buildActor(['steward'], other), 'share.provide', { agency: provider }).ok).toBe(false);
    expect(authorize(buildActor(['agency_staff'], provider), 'share.provide', { agency: provider }).ok).toBe(false);
  });
  it('an agency without a steward can neither request nor provide (R8.1)', () => {
    const noSteward = buildAgency({ hasSteward: false });
    expect(authorize(buildActor(['steward'], noSteward), 'share.request')).toMatchObject({
      ok: false,
      refusal: { code: 'STEWARD_REQUIRED' },
    });
    expect(authorize(buildActor(['steward'], noSteward), 'share.provide')).toMatchObject({
      ok: false,
      refusal: { code: 'STEWARD_REQUIRED' },
    });
  });
  it('the bureau may file (for towns, R15.2) without being the requester', () => {
    expect(authorize(buildActor(['bureau_reviewer'], buildAgency({ id: 'bureau' })), 'share.request', { agency: other }).ok).toBe(true);
  });
});

describe('service provider rules (R30.1)', () => {
  const home = buildAgency({ id: 'home' });
  const other = buildAgency({ id: 'other' });
  it('a steward manages and reads its own agency’s providers, not another’s', () => {
    const steward = buildActor(['steward'], home);
    expect(authorize(steward, 'provider.manage', { agency: home }).ok).toBe(true);
    expect(authorize(steward, 'provider.read', { agency: home }).ok).toBe(true);
    expect(authorize(steward, 'provider.manage', { agency: other })).toMatchObject({ ok: false, refusal: { code: 'FORBIDDEN' } });
    expect(authorize(steward, 'provider.read', { agency: other }).ok).toBe(false);
  });
  it('bureau administrators manage every agency’s providers; security supervisors read them only', () => {
    expect(authorize(buildActor(['bureau_admin'], home), 'provider.manage', { agency: other }).ok).toBe(true);
    const supervisor = buildActor(['security_supervisor'], home);
    expect(authorize(supervisor, 'provider.read', { agency: other }).ok).toBe(true);
    expect(authorize(supervisor, 'provider.manage', { agency: home }).ok).toBe(false);
  });
  it('staff, reviewers and operators neither read nor manage them', () => {
    for (const role of ['agency_staff', 'bureau_reviewer', 'operator'] as const) {
      expect(authorize(buildActor([role], home), 'provider.read', { agency: home }).ok).toBe(false);
      expect(authorize(buildActor([role], home), 'provider.manage', { agency: home }).ok).toBe(false);
    }
  });
});
