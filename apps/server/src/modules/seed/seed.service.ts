/**
 * Seeds the demo city (issue 2, item 9): agencies, a steward and staff per agency, one account
 * for every role, and synthetic citizens and a company registered on the portal. Idempotent:
 * what already exists (by code or username) is left alone, so it can run again on demand.
 */
import { makeCreditCode, type Role } from '@gongshu/domain';
import { sql, type Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import type { Database, NewUser } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { hashPassword } from '../auth/passwords.js';
import { DEMO_AGENCIES, DEMO_CITY_NAME, DEMO_PASSWORD, DEMO_ROLE_USERS, staffOf, stewardOf, type DemoUser } from './demo-city.js';
import { generatePeople } from './synthetic-people.js';

export interface SeedSummary {
  readonly agenciesAdded: number;
  readonly usersAdded: number;
  readonly alreadySeeded: boolean;
}

/** Synthetic but valid credit codes: 11 (government organ) or 12/91, the division, a serial. */
function demoCreditCode(kind: string, index: number): string {
  const head = kind === 'enterprise' || kind === 'operator' ? '91' : kind === 'institution' ? '12' : '11';
  return makeCreditCode(`${head}370481MB${String(index).padStart(7, '0')}`);
}

export const DEMO_CITIZEN_COUNT = 30;

export async function seedDemoCity(
  deps: { db: Kysely<Database>; audit: AuditService; clock: Clock },
  ctx: RequestContext,
): Promise<SeedSummary> {
  const { db, audit, clock } = deps;
  // One hash for every demo account: they share the published demo password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('agencies').select('id').limit(1).execute();
    const ids = new Map<string, string>();
    let agenciesAdded = 0;
    for (const [index, agency] of DEMO_AGENCIES.entries()) {
      const parentId = agency.parent ? ids.get(agency.parent) : undefined;
      const inserted = await trx
        .insertInto('agencies')
        .values({
          code: agency.code,
          name: agency.name,
          short_name: agency.shortName,
          kind: agency.kind,
          level: agency.kind === 'town' ? 'town' : 'city',
          parent_id: parentId ?? null,
          division_code: agency.divisionCode,
          credit_code: demoCreditCode(agency.kind, index + 1),
          sector: agency.sector ?? null,
          sector_authority_of: agency.sectorAuthorityOf ?? null,
          security_duty: agency.securityDuty ?? null,
          responsible_person_name: agency.responsible.name,
          responsible_person_title: agency.responsible.title,
          responsible_person_phone: `0632-55${String(10000 + index * 37).slice(-5)}`,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) agenciesAdded++;
      const id =
        inserted?.id ?? (await trx.selectFrom('agencies').select('id').where('code', '=', agency.code).executeTakeFirstOrThrow()).id;
      ids.set(agency.code, id);
    }

    const agencyUsers: DemoUser[] = [...DEMO_ROLE_USERS, ...DEMO_AGENCIES.flatMap((a) => [stewardOf(a.code), staffOf(a.code)])];
    let usersAdded = 0;
    const addUser = async (values: NewUser) => {
      const row = await trx
        .insertInto('users')
        .values(values)
        .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) usersAdded++;
    };
    for (const user of agencyUsers) {
      await addUser({
        username: user.username,
        display_name: user.displayName,
        password_hash: passwordHash,
        agency_id: ids.get(user.agency) ?? null,
        roles: user.roles,
      });
    }
    const people = generatePeople(DEMO_CITIZEN_COUNT);
    for (const [index, person] of people.entries()) {
      await addUser({
        username: index === 0 ? 'citizen' : `citizen${String(index).padStart(2, '0')}`,
        display_name: person.name,
        password_hash: passwordHash,
        roles: ['public_user'] satisfies Role[],
        public_kind: 'citizen',
        identity_number: person.citizenId,
        phone: person.phone,
      });
    }
    await addUser({
      username: 'company',
      display_name: '滕州市鲁南数智科技有限公司',
      password_hash: passwordHash,
      roles: ['public_user'],
      public_kind: 'organization',
      identity_number: makeCreditCode('91370481MA0000001'),
      contact_name: people[1]?.name ?? '联系人',
    });

    await trx
      .insertInto('platform_meta')
      .values({ key: 'city_name', value: JSON.stringify(DEMO_CITY_NAME) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await trx
      .insertInto('platform_meta')
      .values({ key: 'demo_seeded_at', value: JSON.stringify(clock().toISOString()) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(clock().toISOString()), updated_at: clock() }))
      .execute();
    await audit.record(trx, ctx, { action: 'seed.demo', subjectType: 'platform', details: { agenciesAdded, usersAdded } });
    return { agenciesAdded, usersAdded, alreadySeeded: before.length > 0 && agenciesAdded === 0 };
  });
}
