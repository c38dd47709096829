import type { EndedSession, StaffSession } from '../../app/index.ts';
import type { StaffText } from './staff-text.ts';

/** Per-request values the staff middleware sets for routes and pages. */
export type StaffEnv = {
  Variables: {
    session: StaffSession | null;
    /** Whose session the cookie named, when it has just run out (see requireSession). */
    endedSession: EndedSession | undefined;
    /** The signed-in session; set on every route behind `requireSession`. */
    staff: StaffSession;
    text: StaffText;
    /** Whether cookies must carry Secure (HTTPS, directly or behind a trusted proxy). */
    secure: boolean;
    /** The client address used for login throttling. */
    clientIp: string;
    /** The parsed urlencoded body of a POST (already checked for CSRF). */
    form: FormFields;
  };
};

/** A urlencoded form: each name with all its values, in order. */
export type FormFields = Map<string, string[]>;

export function field(form: FormFields, name: string): string {
  return form.get(name)?.[0] ?? '';
}

// biome-ignore lint/suspicious/noExplicitAny: helpers serve routes of any path.
export type StaffContext = import('hono').Context<StaffEnv, any>;
