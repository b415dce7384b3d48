/**
 * `node dist/src/ops/healthcheck.js`: the container's HEALTHCHECK (node:20-slim has no curl).
 * Asks the bot's own /healthz and exits 0 when it answers 200, else 1, printing the answer.
 */
import { loadConfig } from '../config.js';
import { loadEnvFile } from './env-file.js';

/** Docker kills a check that runs past its --timeout; give up a little earlier, with a reason. */
const requestTimeoutMs = 4_000;

async function main(): Promise<number> {
  loadEnvFile();
  const { HEALTH_HOST, HEALTH_PORT } = loadConfig();
  if (HEALTH_PORT === undefined) {
    console.error('HEALTH_PORT is not set: the bot serves no /healthz to check.');
    return 1;
  }
  // A bot listening on every interface is reachable on loopback.
  const host = HEALTH_HOST === '0.0.0.0' || HEALTH_HOST === '::' ? '127.0.0.1' : HEALTH_HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${HEALTH_PORT}/healthz`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(requestTimeoutMs) });
    console.log(`${response.status} ${(await response.text()).trim()}`);
    return response.status === 200 ? 0 : 1;
  } catch (error) {
    console.error(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
