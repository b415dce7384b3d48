/**
 * Why the store refused something. The code is stable for callers (services map it to a
 * Korean-first message); the English text is for operators' logs.
 */
export type StoreErrorCode =
  | 'database-newer-than-code'
  | 'unknown-lesson'
  | 'unknown-step'
  | 'unknown-question'
  | 'unknown-option'
  | 'stored-lesson-invalid'
  | 'backup-source-missing'
  | 'backup-target-exists'
  | 'backup-directory-missing'
  | 'restore-source-missing'
  | 'restore-not-a-database'
  | 'restore-onto-itself';

export class StoreError extends Error {
  override name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
