import { snowflakeSchema } from '../../input-rules.js';
import { buttonIds } from './button-ids.js';

/**
 * The instructor's "release this learner's Docker ID" button on /progress,
 * `claim:release:<learner>:<instructor>`: the instructor who opened the page owns the button.
 * commands/progress.ts declares what a press does.
 */
export const releaseClaimIds = buttonIds('claim', 'release', {
  learnerId: snowflakeSchema,
  ownerId: snowflakeSchema,
});
