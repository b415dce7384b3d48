import { boundedString, snowflakeSchema } from '../../input-rules.js';
import { buttonIds } from './button-ids.js';

/** A pending correction's row id, written canonically (one id per button). */
const pendingId = boundedString(15)
  .regex(/^[1-9]\d*$/)
  .transform(Number);

/**
 * The confirmation of an instructor's correction, `corr:ok:<pending>:<instructor>` and
 * `corr:no:<pending>:<instructor>`: only the instructor who asked may press them.
 * commands/correct.ts declares what a press does.
 */
export const correctionButtonIds = {
  confirm: buttonIds('corr', 'ok', { pendingId, ownerId: snowflakeSchema }),
  cancel: buttonIds('corr', 'no', { pendingId, ownerId: snowflakeSchema }),
};
