import { randomInt } from 'node:crypto';
import { invalidInput, type Localized } from './errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, so a login stays quick on a 2-core server.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

// ASVS 4.0 2.1.1: at least 12 characters.
export const MIN_PASSWORD_LENGTH = 12;

// The native argon2 library is loaded by the first sign-in or new password: a process serving only public
// pages never maps it.
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
const loadArgon2 = () => {
  argon2 ??= import('@node-rs/argon2');
  return argon2;
};

export async function hashPassword(password: string): Promise<string> {
  return (await loadArgon2()).hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await loadArgon2()).verify(passwordHash, password);
  } catch {
    return false;
  }
}

// The hash verified when no account matches, so a wrong address costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password');
  return dummyHash;
}

// No 0/O/1/l/I, so a password read aloud or copied from a printout is not mistyped.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 16 characters (≈93 bits), for new accounts and resets. */
export function generatePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Why a new password is refused (too short to resist guessing, or too long), or undefined when it is fine. */
export function newPasswordProblem(password: string): Localized | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return {
      ja: `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください`,
      en: `Use a password of at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  }
  if (password.length > 200)
    return { ja: 'パスワードは200文字以内にしてください', en: 'Use a password of at most 200 characters' };
  return undefined;
}

/** Refuses passwords too short to resist guessing; the message is shown beside the field. */
export function checkNewPassword(password: string): void {
  const problem = newPasswordProblem(password);
  if (problem) throw invalidInput({ password: problem });
}
