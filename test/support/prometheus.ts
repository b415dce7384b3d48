/**
 * A strict parser for Prometheus' text exposition format (version 0.0.4), so tests read
 * /metrics as a scraper does instead of grepping it: every sample must belong to the family
 * whose `# TYPE` line precedes it, label values are unescaped, values are numbers (NaN, ±Inf
 * included), and a series may appear only once.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

const suffixesByType: Record<string, readonly string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

function isNameStart(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_' || char === ':';
}

function isNameChar(char: string): boolean {
  return isNameStart(char) || (char >= '0' && char <= '9');
}

/** As Prometheus reads values (Go's ParseFloat): NaN and ±Inf in any case — prom-client writes `Nan`. */
function parseValue(text: string, line: number): number {
  const special = text.toLowerCase();
  if (special === 'nan') return Number.NaN;
  if (special === '+inf' || special === 'inf') return Number.POSITIVE_INFINITY;
  if (special === '-inf') return Number.NEGATIVE_INFINITY;
  const value = Number(text);
  if (text === '' || Number.isNaN(value)) throw new Error(`line ${line}: "${text}" is not a number`);
  return value;
}

/** Reads one sample line, character by character (linear, no backtracking). */
function parseSampleLine(text: string, line: number): Sample {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`line ${line}: ${why}: ${text}`);
  };
  const readName = () => {
    const start = at;
    if (!isNameStart(text[at] ?? '')) fail('expected a name');
    while (at < text.length && isNameChar(text[at]!)) at += 1;
    return text.slice(start, at);
  };
  const name = readName();
  const labels: Record<string, string> = {};
  if (text[at] === '{') {
    at += 1;
    while (text[at] !== '}') {
      const label = readName();
      if (text[at] !== '=' || text[at + 1] !== '"') fail('expected ="');
      at += 2;
      let value = '';
      while (text[at] !== '"') {
        if (at >= text.length) fail('unterminated label value');
        if (text[at] === '\\') {
          const escaped = text[at + 1];
          if (escaped === 'n') value += '\n';
          else if (escaped === '\\' || escaped === '"') value += escaped;
          else fail('bad escape');
          at += 2;
        } else {
          value += text[at];
          at += 1;
        }
      }
      at += 1;
      if (label in labels) fail(`label ${label} twice`);
      labels[label] = value;
      if (text[at] === ',') at += 1;
      else if (text[at] !== '}') fail('expected , or }');
    }
    at += 1;
  }
  if (text[at] !== ' ') fail('expected a space before the value');
  const [value, timestamp, extra] = text
    .slice(at + 1)
    .split(' ')
    .filter((part) => part !== '');
  if (extra !== undefined || (timestamp !== undefined && !/^-?\d+$/.test(timestamp))) fail('trailing text');
  return { name, labels, value: parseValue(value ?? '', line) };
}

function seriesKey(sample: Sample): string {
  const labels = Object.entries(sample.labels).sort(([a], [b]) => a.localeCompare(b));
  return `${sample.name}${JSON.stringify(labels)}`;
}

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const helps = new Map<string, string>();
  const seen = new Set<string>();
  let current: MetricFamily | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('# HELP ')) {
      const [name = '', ...help] = raw.slice('# HELP '.length).split(' ');
      helps.set(name, help.join(' '));
      return;
    }
    if (raw.startsWith('# TYPE ')) {
      const [name = '', type = ''] = raw.slice('# TYPE '.length).split(' ');
      if (!(type in suffixesByType)) throw new Error(`line ${line}: unknown type ${type}`);
      if (families.has(name)) throw new Error(`line ${line}: family ${name} declared twice`);
      current = { name, type, help: helps.get(name) ?? '', samples: [] };
      families.set(name, current);
      return;
    }
    if (raw.startsWith('#')) return;
    const sample = parseSampleLine(raw, line);
    const family = current;
    if (!family || !suffixesByType[family.type]!.some((suffix) => sample.name === family.name + suffix))
      throw new Error(`line ${line}: ${sample.name} does not belong to the family above it`);
    const key = seriesKey(sample);
    if (seen.has(key)) throw new Error(`line ${line}: series ${key} appears twice`);
    seen.add(key);
    family.samples.push(sample);
  });
  return families;
}

/** The value of the one sample named `name` whose labels are exactly `labels`. */
export function sampleValue(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = seriesKey({ name, labels, value: 0 });
  for (const family of families.values())
    for (const sample of family.samples) if (seriesKey(sample) === wanted) return sample.value;
  return undefined;
}

/** Every sample of a family whose labels include `labels`. */
export function samplesOf(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Record<string, string> = {},
): Sample[] {
  return [...families.values()]
    .flatMap((family) => family.samples)
    .filter(
      (sample) =>
        sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
}
