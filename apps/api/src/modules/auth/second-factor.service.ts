import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { User } from './user.entity';
import { AuthErrors } from './auth.exception';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/roles';
import { Clock } from '../../common/clock';
import { PersonalDataCipher } from '../../common/crypto/personal-data';
import { AuditService } from '../audit/audit.service';
import { verifyPassword } from './passwords';

/** Roles that may turn on the second factor: the ones that change configuration and people. */
export const SECOND_FACTOR_ROLES = [Role.admin, Role.manager];
const RECOVERY_CODES = 10;
/** One step either side of now: phones whose clock is a little off still work. */
const TOLERANCE_SECONDS = 30;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const normalizeRecovery = (code: string) =>
  code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Optional TOTP second factor (otplib, RFC 6238) with single-use recovery codes. The secret is encrypted at rest,
 * recovery codes are stored as SHA-256 (they are random, not passwords), and an accepted time step is recorded with
 * a conditional update so the same code cannot sign in twice, even on two instances at once.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private async self(auth: AuthContext): Promise<User> {
    if (!auth.userId) throw AuthErrors.create('TOKEN_NEEDS_USER');
    return this.users.findOneOrFail({ where: { id: auth.userId, tenantId: auth.tenantId } });
  }

  /** Starts enrolment: a new secret (pending until confirmed) and the otpauth:// URI for the authenticator app. */
  async begin(auth: AuthContext): Promise<{ secret: string; uri: string }> {
    const user = await this.self(auth);
    if (!SECOND_FACTOR_ROLES.includes(user.role)) throw AuthErrors.create('SECOND_FACTOR_NOT_ALLOWED');
    if (user.totpEnabled) throw AuthErrors.create('SECOND_FACTOR_ALREADY_ON');
    const secret = generateSecret();
    await this.users.update({ id: user.id }, { totpSecret: this.cipher.encrypt(secret) });
    return { secret, uri: generateURI({ issuer: 'Redress', label: user.email, secret }) };
  }

  /** Confirms enrolment with a first code; returns the recovery codes (shown once). */
  async confirm(auth: AuthContext, code: string): Promise<string[]> {
    const user = await this.self(auth);
    if (user.totpEnabled) throw AuthErrors.create('SECOND_FACTOR_ALREADY_ON');
    if (!user.totpSecret) throw AuthErrors.create('SECOND_FACTOR_NOT_STARTED');
    const step = await this.verifyTotp(user, code);
    if (step === null) throw AuthErrors.create('SECOND_FACTOR_INVALID', { field: 'code' });
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const raw = randomBytes(6).toString('hex');
      return `${raw.slice(0, 6)}-${raw.slice(6)}`;
    });
    await this.users.manager.transaction(async (manager) => {
      await manager.getRepository(User).update(
        { id: user.id },
        {
          totpEnabled: true,
          totpLastStep: step,
          recoveryCodes: codes.map((c) => sha256(normalizeRecovery(c))),
        },
      );
      await this.audit.record(auth, 'enable_second_factor', 'user', user.id, { totpEnabled: false }, { totpEnabled: true }, manager);
    });
    return codes;
  }

  /** Turns the second factor off for oneself (with the password) or, as an admin, for someone who lost the device. */
  async disable(auth: AuthContext, target: { password: string } | { userId: string }): Promise<boolean> {
    const user =
      'userId' in target ? await this.users.findOne({ where: { id: target.userId, tenantId: auth.tenantId } }) : await this.self(auth);
    if (!user) throw AuthErrors.create('USER_NOT_FOUND', { field: 'id' });
    if ('password' in target && !(await verifyPassword(user.passwordHash, target.password))) {
      throw AuthErrors.create('CURRENT_PASSWORD_WRONG', { field: 'password' });
    }
    await this.users.manager.transaction(async (manager) => {
      await manager
        .getRepository(User)
        .update({ id: user.id }, { totpEnabled: false, totpSecret: null, totpLastStep: null, recoveryCodes: null });
      await this.audit.record(
        auth,
        'disable_second_factor',
        'user',
        user.id,
        { totpEnabled: user.totpEnabled },
        { totpEnabled: false },
        manager,
      );
    });
    return true;
  }

  /** The time step of a valid, not yet used code, or null. */
  private async verifyTotp(user: User, code: string): Promise<number | null> {
    const secret = this.cipher.decrypt(user.totpSecret);
    if (!secret || !/^\d{6}$/.test(code.trim())) return null;
    const result = await verify({
      secret,
      token: code.trim(),
      epoch: Math.floor(this.clock.now().getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(user.totpLastStep !== null && user.totpLastStep !== undefined ? { afterTimeStep: Number(user.totpLastStep) } : {}),
    }).catch(() => ({ valid: false as const }));
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /** Checks a sign-in code (TOTP or recovery) for a user with the second factor on, spending it. */
  async accept(user: User, code: string): Promise<boolean> {
    const step = await this.verifyTotp(user, code);
    if (step !== null) {
      // Conditional on the previous step: of two sign-ins racing with one code, one wins.
      const result = await this.users.update(
        user.totpLastStep === null ? { id: user.id, totpLastStep: IsNull() } : { id: user.id, totpLastStep: LessThan(step) },
        { totpLastStep: step },
      );
      return Boolean(result.affected);
    }
    const hashed = sha256(normalizeRecovery(code));
    const codes = user.recoveryCodes ?? [];
    if (!codes.includes(hashed)) return false;
    const remaining = codes.filter((c) => c !== hashed);
    const result = await this.users
      .createQueryBuilder()
      .update(User)
      .set({ recoveryCodes: remaining })
      .where('id = :id AND recovery_codes = :codes', { id: user.id, codes: JSON.stringify(codes) })
      .execute();
    return Boolean(result.affected);
  }
}
