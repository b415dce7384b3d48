import type { Migration } from '../migrate.js';
import { initialSchema } from './001-initial.js';
import { lessonCounters } from './002-lesson-counters.js';
import { ownershipProof } from './003-ownership-proof.js';
import { manifestCacheBounds } from './004-manifest-cache-bounds.js';
import { lessonChecks } from './005-lesson-checks.js';
import { pointsLedger } from './006-points-ledger.js';
import { communityWeek } from './007-community-week.js';
import { recognition } from './008-recognition.js';
import { statsCounters } from './009-stats-counters.js';

/** Every schema change in order. Append new ones; never edit or remove a released one. */
export const migrations: readonly Migration[] = [
  initialSchema,
  lessonCounters,
  ownershipProof,
  manifestCacheBounds,
  lessonChecks,
  pointsLedger,
  communityWeek,
  recognition,
  statsCounters,
];
