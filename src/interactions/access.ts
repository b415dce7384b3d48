import type { MessageKey } from '../i18n/index.js';
import type { Caller } from './call.js';
import { UserFacingError } from './errors.js';

/**
 * Who may run a command or press a button. `course-wide`: the action changes what every server
 * sees (the shared course), so only the home server's instructors and the owners may; such a
 * command is registered in the home server only.
 */
export type Access = 'everyone' | 'instructor' | 'course-wide';

/** Why the caller may not use something of this access level, or null when they may. */
export function accessRefusal(access: Access, caller: Caller): MessageKey | null {
  switch (access) {
    case 'everyone':
      return null;
    case 'instructor':
      return caller.isInstructor ? null : 'error.instructorOnly';
    case 'course-wide':
      if (caller.isOwner) return null;
      if (!caller.inHomeServer) return 'error.homeServerOnly';
      return caller.isInstructor ? null : 'error.instructorOnly';
  }
}

/** Checked on the server for every command and button, whatever Discord showed the user. */
export function checkAccess(access: Access, caller: Caller): void {
  const refusal = accessRefusal(access, caller);
  if (refusal) throw new UserFacingError(refusal);
}
