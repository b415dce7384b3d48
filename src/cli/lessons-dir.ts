import { configSchema } from '../config.js';

/** LESSONS_DIR as the bot reads it (same default), without requiring the rest of the config. */
export function lessonsDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.LESSONS_DIR;
  return configSchema.shape.LESSONS_DIR.parse(raw === '' ? undefined : raw);
}
