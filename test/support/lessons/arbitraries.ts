/**
 * fast-check arbitraries for lesson files: small lessons in the authoring format (front matter,
 * sections, steps, lists, quotes, code, tables, <details>, a quiz), and mutations that break them
 * the ways authors and editors do, plus the hostile shapes that once crashed or froze the parser.
 */
import fc from 'fast-check';
import { LESSON_LIMITS } from '../../../src/content/parse/bounds.js';
import { adversarialLessons } from './adversarial.js';

const words = [
  '도커',
  '이미지',
  '태그',
  '푸시',
  'image',
  'gallery',
  'v1',
  '레슨',
  '단계',
  '$dockerId',
  'hub',
];
const marks = [
  '**',
  '*',
  '_',
  '`',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '<br/>',
  '<strong>',
  '</strong>',
  '&amp;',
  '\\',
];

const word = fc.constantFrom(...words);
const inline = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom(...marks) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(' '));

const paragraph = inline;
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.boolean(), inline), { minLength: 1, maxLength: 5 })
  .map((items) =>
    items
      .map(
        ([level, ordered, text], index) => `${'   '.repeat(level)}${ordered ? `${index + 1}.` : '-'} ${text}`,
      )
      .join('\n'),
  );
const quote = fc
  .tuple(fc.integer({ min: 1, max: 3 }), inline)
  .map(([depth, text]) => `${'> '.repeat(depth)}${text}`);
const code = fc
  .tuple(fc.constantFrom('', 'bash', 'powershell', 'yaml'), fc.array(inline, { minLength: 0, maxLength: 4 }))
  .map(([lang, lines]) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``);
const table = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.array(word, { minLength: 4, maxLength: 4 }), { maxLength: 4 }),
  )
  .map(([columns, rows]) => {
    const row = (cells: string[]) => `| ${cells.slice(0, columns).join(' | ')} |`;
    return [row(words.slice(0, 4)), row(['---', '---', '---', '---']), ...rows.map(row)].join('\n');
  });
const details = fc
  .tuple(inline, fc.array(paragraph, { minLength: 1, maxLength: 2 }))
  .map(([summary, body]) => `<details>\n<summary>${summary}</summary>\n\n${body.join('\n\n')}\n\n</details>`);
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: quote },
  { weight: 2, arbitrary: code },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: details },
  { weight: 1, arbitrary: fc.constant('<br/>') },
);

const step = fc
  .tuple(fc.integer({ min: 1, max: 9 }), word, fc.array(block, { minLength: 1, maxLength: 1 }))
  .map(([number, title, blocks]) => `### Step ${number}: ${title}\n\n${blocks.join('\n\n')}`);
const section = fc
  .tuple(
    word,
    fc.oneof(fc.array(block, { minLength: 1, maxLength: 2 }), fc.array(step, { minLength: 1, maxLength: 2 })),
  )
  .map(([title, parts]) => `## ${title}\n\n${parts.join('\n\n')}`);
const question = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    inline,
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([number, prompt, options, answer]) => {
    const keys = ['A', 'B', 'C', 'D'].slice(0, options);
    const lines = keys.map((key) => `${key}. ${key} 보기`).join('\n');
    const correct = keys[Math.min(answer, keys.length - 1)];
    return `**문제 ${number}:** ${prompt}\n\n${lines}\n\n<details>\n<summary>정답 보기</summary>\n\n**정답: ${correct}**\n\n해설이에요.\n\n</details>`;
  });
const quiz = fc
  .array(question, { minLength: 1, maxLength: 1 })
  .map((questions) => `## 🎮 연습 문제\n\n${questions.join('\n\n')}`);

/** A small lesson in the authoring format; often valid, sometimes not (duplicate step numbers, …). */
export const lessonText = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    word,
    fc.constantFrom('upsert', 'insert'),
    fc.array(block, { maxLength: 1 }),
    fc.array(section, { minLength: 1, maxLength: 2 }),
    fc.option(quiz, { nil: undefined }),
  )
  .map(([number, title, mode, intro, sections, maybeQuiz]) =>
    [
      `---\ntitle: '7.${number} ${title}'\nauthorNick: '작성자'\ncreatedAt: '2025-08-27'\nupdateMode: '${mode}'\n---`,
      `# 7.${number} ${title}`,
      ...intro,
      ...sections,
      ...(maybeQuiz ? [maybeQuiz] : []),
    ].join('\n\n'),
  );

/** One way to break a lesson, as bytes (random bytes and invalid UTF-8 included). */
export type Mutation = (bytes: Uint8Array) => Uint8Array;

const encode = (text: string) => Buffer.from(text, 'utf8');
const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Works on the lines of the text (as UTF-8 decoding sees them). */
function onLines(change: (lines: string[]) => void): Mutation {
  return (bytes) => {
    if (bytes.length > MAX_MUTATED_BYTES) return bytes;
    const lines = decode(bytes).split('\n');
    change(lines);
    return encode(lines.join('\n'));
  };
}

const at = (lines: readonly string[], position: number) => position % Math.max(1, lines.length);
/** Growing mutations stop here: far past the limits, and still quick to generate. */
const MAX_MUTATED_BYTES = 2 * 1024 * 1024;
/** Around the line-length limit, or far past it (sizes in between cost time and add nothing). */
const hugeCount = fc.oneof(fc.integer({ min: 1, max: 2_500 }), fc.integer({ min: 50_000, max: 60_000 }));
/** Around the depth limits, or the 1,500–3,000 levels that once overflowed the stack. */
const nestingCount = fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1_500, max: 3_000 }));

/** Every kind of damage the property test applies, each with its own random parameters. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Deep nesting: quotes, lists, both, <details>.
  fc
    .tuple(nestingCount, fc.nat(), fc.constantFrom('>', '> ', '- ', '1. ', '> - ', '  '))
    .map(([count, position, unit]) =>
      onLines((lines) => {
        lines.splice(at(lines, position), 0, `${unit.repeat(count)}깊은 줄`);
      }),
    ),
  fc.tuple(nestingCount, fc.nat()).map(([count, position]) =>
    onLines((lines) => {
      lines.splice(at(lines, position), 0, '<details>\n\n'.repeat(count), '</details>\n\n'.repeat(count));
    }),
  ),
  // Long emphasis, strong and link runs.
  fc
    .tuple(
      hugeCount,
      fc.nat(),
      fc.constantFrom('*_', '**', '*a ', ' b*', '[', ']', '`a', '<a ', '~', '&amp;'),
    )
    .map(([count, position, unit]) =>
      onLines((lines) => {
        lines.splice(at(lines, position), 0, unit.repeat(Math.ceil(count / unit.length)));
      }),
    ),
  // Deleted and added fences.
  fc.nat().map((position) =>
    onLines((lines) => {
      const fences = lines.flatMap((line, index) => (line.trimStart().startsWith('```') ? [index] : []));
      if (fences.length > 0) lines.splice(fences[position % fences.length]!, 1);
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('```', '```bash', '~~~', '````')).map(([position, fence]) =>
    onLines((lines) => {
      lines.splice(at(lines, position), 0, fence);
    }),
  ),
  // Random bytes, invalid UTF-8, truncation.
  fc
    .tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([position, noise]) => (bytes: Uint8Array) => {
      const cut = position % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, cut), noise, bytes.subarray(cut)]);
    }),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xb0, 0xa1], [0xe0, 0x80], [0xf4, 0x90]),
    )
    .map(([position, bad]) => (bytes: Uint8Array) => {
      const cut = position % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]);
    }),
  fc.nat().map((position) => (bytes: Uint8Array) => bytes.subarray(0, position % (bytes.length + 1))),
  // Duplicated headings, steps, questions, options; deleted and shuffled lines.
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]) =>
    onLines((lines) => {
      const headings = lines.filter((line) => /^(#{1,3} |\*\*문제|[A-D]\. )/.test(line));
      if (headings.length > 0) lines.splice(at(lines, to), 0, '', headings[from % headings.length]!, '');
    }),
  ),
  fc.nat().map((position) =>
    onLines((lines) => {
      lines.splice(at(lines, position), 1);
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) =>
    onLines((lines) => {
      const [i, j] = [at(lines, a), at(lines, b)];
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }),
  ),
  // Huge lines and huge files.
  fc
    .tuple(hugeCount, fc.nat(), fc.constantFrom('가', 'a', ' ', '|', '-', '\t'))
    .map(([count, position, char]) =>
      onLines((lines) => {
        lines.splice(at(lines, position), 0, char.repeat(count));
      }),
    ),
  // A file repeated past the size limit (at most MAX_MUTATED_BYTES).
  fc.constant((bytes: Uint8Array) => {
    const times = Math.ceil((LESSON_LIMITS.fileBytes + 1) / Math.max(1, bytes.length));
    return bytes.length > MAX_MUTATED_BYTES ? bytes : Buffer.concat(Array(times).fill(bytes));
  }),
  // Line ends and BOM.
  fc
    .constantFrom('\r\n', '\r')
    .map((end) => (bytes: Uint8Array) => encode(`\uFEFF${decode(bytes).replace(/\n/g, end)}`)),
  // Broken front matter.
  fc
    .constantFrom(
      (text: string) => text.replace('---\n', ''),
      (text: string) => text.replace(/\n---\n/, '\n'),
      (text: string) => text.replace("authorNick: '작성자'", 'authorNick: [작성자'),
      (text: string) =>
        text.replace('---\n', '---\na: &a [x,x,x,x,x,x,x,x,x]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'),
      (text: string) => text.replace(/createdAt: .*/, 'createdAt: 2025-08-27T00:00:00Z'),
      (text: string) => text.replace(/title: .*/, `title: '${'긴 제목'.repeat(100)}'`),
    )
    .map((change) => (bytes: Uint8Array) => encode(change(decode(bytes)))),
  // Broken quiz markup.
  fc
    .constantFrom(
      (text: string) => text.replace(/\*\*정답: [A-D]\*\*/, '정답 없음'),
      (text: string) => text.replace(/\*\*정답: [A-D]\*\*/, '**정답: Z**'),
      (text: string) => text.replace(/\nB\. /, '\nA. '),
      (text: string) => text.replace('<summary>정답 보기</summary>', '<summary>정답 보기'),
      (text: string) => text.replace('</details>', ''),
      (text: string) => text.replace(/\*\*문제 \d+:\*\*/, '**문제:**'),
    )
    .map((change) => (bytes: Uint8Array) => encode(change(decode(bytes)))),
);

/** Up to `max` mutations applied one after another. */
export function mutations(max: number): fc.Arbitrary<Mutation[]> {
  return fc.array(mutation, { minLength: 1, maxLength: max });
}

/** The start of each lesson at the limits: its costly shape, small enough to parse quickly. */
const adversarialStarts = adversarialLessons.map((lesson) => lesson.text.slice(0, 800));

/** Lessons to start from: generated ones, the sample and the starts of the lessons at the limits. */
export function seedLesson(sample: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 18, arbitrary: lessonText },
    { weight: 1, arbitrary: fc.constant(sample) },
    { weight: 1, arbitrary: fc.constantFrom(...adversarialStarts) },
  );
}
