/** One part of the bot the health endpoint reports on. */
export interface HealthProbe {
  name: string;
  /** Never throws: a failure is `ok: false` with a short reason an operator can act on. */
  check(): { ok: boolean; detail: string };
}

export interface HealthReport {
  status: 'ok' | 'failing';
  /** Names of the failing parts, in probe order. */
  failing: string[];
  checks: Record<string, { ok: boolean; detail: string }>;
}

/** Runs every probe; the bot is healthy only when all of them are. */
export function checkHealth(probes: readonly HealthProbe[]): HealthReport {
  const checks: HealthReport['checks'] = {};
  for (const probe of probes) {
    try {
      checks[probe.name] = probe.check();
    } catch (error) {
      checks[probe.name] = { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }
  const failing = Object.entries(checks)
    .filter(([, result]) => !result.ok)
    .map(([name]) => name);
  return { status: failing.length === 0 ? 'ok' : 'failing', failing, checks };
}
