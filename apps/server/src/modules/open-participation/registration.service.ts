/**
 * Registration on the open data portal (issue 7 item 3): citizens by real name and citizen ID
 * number (GB 11643), organizations by name, unified social credit code (GB 32100) and a contact
 * person. The account has the role public_user only. Every problem of the form is reported at
 * once, each naming its field; a taken username or identity number is refused naming the field.
 * The identity number is stored (it identifies the account holder) but never written to the audit
 * trail or the logs in clear: the audit entry carries it masked (370481********0012).
 */
import {
  DomainError,
  keepEnds,
  maskCitizenId,
  refuse,
  validateCitizenId,
  validateCreditCode,
  type Refusal,
  type Role,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { findUserByUsername, insertUser } from '../users/users.repository.js';

export type PublicUserKind = 'citizen' | 'organization';

export interface RegistrationInput {
  kind: PublicUserKind;
  username: string;
  password: string;
  name: string;
  identityNumber: string;
  contactName?: string | undefined;
  phone: string;
  email?: string | undefined;
}

const USERNAME = /^[A-Za-z][A-Za-z0-9_.-]{3,31}$/;
/** Mobile numbers (1 and ten digits) or landlines with an area code (0632-1234567). */
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (zh: string, en: string) => ({ zh, en });

/** The identity number as the audit trail may hold it. */
export function maskIdentityNumber(kind: PublicUserKind, value: string): string {
  return kind === 'citizen' ? maskCitizenId(value) : keepEnds(value, 2, 4);
}

/** Every problem of the form, each with its field (the first becomes the error, all in details.problems). */
export function registrationProblems(input: RegistrationInput): Refusal[] {
  const problems: Refusal[] = [];
  const username = input.username.trim();
  if (!USERNAME.test(username)) {
    problems.push(
      refuse('VALIDATION_FAILED', {
        field: 'username',
        message: text(
          '用户名须为 4–32 位，以字母开头，只含字母、数字、下划线、点或连字符',
          'A username has 4–32 characters, starts with a letter and holds letters, digits, _ . or - only',
        ),
      }),
    );
  }
  try {
    // An empty username is its own problem; the password is then judged on length and characters only.
    assertPasswordPolicy(input.password, username || '\u0000');
  } catch (error) {
    if (error instanceof DomainError) problems.push(error.refusal);
    else throw error;
  }
  const name = input.name.trim();
  if ([...name].length < 2) {
    problems.push(
      refuse('VALIDATION_FAILED', {
        field: 'name',
        message:
          input.kind === 'citizen'
            ? text('请填写真实姓名', 'Enter your real name')
            : text('请填写单位名称', 'Enter the organization’s name'),
      }),
    );
  }
  const id = input.identityNumber.trim().toUpperCase();
  const check = input.kind === 'citizen' ? validateCitizenId(id) : validateCreditCode(id);
  if (!check.ok) problems.push(refuse(check.code, { field: 'identityNumber', message: check.message, details: { reason: check.reason } }));
  if (input.kind === 'organization' && [...(input.contactName ?? '').trim()].length < 2) {
    problems.push(refuse('VALIDATION_FAILED', { field: 'contactName', message: text('请填写联系人姓名', 'Enter the contact person') }));
  }
  if (!PHONE.test(input.phone.trim())) {
    problems.push(
      refuse('VALIDATION_FAILED', {
        field: 'phone',
        message: text('请填写有效的手机号码或带区号的固定电话', 'Enter a valid mobile number or a landline with its area code'),
      }),
    );
  }
  const email = input.email?.trim();
  if (email && !EMAIL.test(email)) {
    problems.push(refuse('VALIDATION_FAILED', { field: 'email', message: text('电子邮箱格式不正确', 'The e-mail address is not valid') }));
  }
  return problems;
}

/** All problems at once: the first as the error, every one in details.problems. */
export function refuseAll(problems: readonly Refusal[]): never {
  const [first] = problems;
  if (!first) throw new DomainError(refuse('VALIDATION_FAILED'));
  const list = problems.map((p) => ({ code: p.code, message: p.message, field: p.field ?? null, requirement: p.requirement ?? null }));
  throw new DomainError({ ...first, details: { ...first.details, problems: list } });
}

function taken(field: 'username' | 'identityNumber', kind: PublicUserKind): never {
  const message =
    field === 'username'
      ? text('该用户名已被注册', 'This username is already taken')
      : kind === 'citizen'
        ? text('该公民身份号码已注册账号', 'An account with this citizen ID number already exists')
        : text('该统一社会信用代码已注册账号', 'An account with this unified social credit code already exists');
  throw new DomainError(refuse('CONFLICT', { field, message }));
}

export function createRegistrationService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;
  return {
    /** Creates the account (role public_user) and audits it with the identity number masked. */
    async register(ctx: RequestContext, input: RegistrationInput): Promise<{ userId: string; username: string }> {
      const problems = registrationProblems(input);
      if (problems.length > 0) refuseAll(problems);
      const username = input.username.trim();
      const identityNumber = input.identityNumber.trim().toUpperCase();
      if (await findUserByUsername(db, username)) taken('username', input.kind);
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction().execute(async (trx) => {
          const holder = await trx
            .selectFrom('users')
            .select('id')
            .where('public_kind', '=', input.kind)
            .where('identity_number', '=', identityNumber)
            .executeTakeFirst();
          if (holder) taken('identityNumber', input.kind);
          const now = clock();
          const row = await insertUser(trx, {
            username,
            display_name: input.name.trim(),
            password_hash: passwordHash,
            agency_id: null,
            roles: ['public_user'] satisfies Role[],
            public_kind: input.kind,
            identity_number: identityNumber,
            contact_name: input.kind === 'organization' ? (input.contactName?.trim() ?? null) : null,
            phone: input.phone.trim(),
            email: input.email?.trim() || null,
            password_changed_at: now,
            created_at: now,
            updated_at: now,
          });
          await audit.record(trx, ctx, {
            action: 'open.register',
            subjectType: 'user',
            subjectId: row.id,
            details: { username: row.username, kind: input.kind, identityNumber: maskIdentityNumber(input.kind, identityNumber) },
          });
          return { userId: row.id, username: row.username };
        });
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint) taken(constraint === 'users_identity_key' ? 'identityNumber' : 'username', input.kind);
        throw error;
      }
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
