import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
let loaded: typeof Canvas | undefined;

/**
 * `@napi-rs/canvas`, loaded when the first picture is drawn: its native module costs about
 * 14 MiB of resident memory, which a bot that is only asked for lesson pages need not carry.
 */
export function canvasModule(): typeof Canvas {
  loaded ??= require('@napi-rs/canvas') as typeof Canvas;
  return loaded;
}
