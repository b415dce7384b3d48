import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMPOSITION_ROOT, LAYERS, layerOf, layerProblems, readSourceTree } from './layer-rules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the layers of src/ and commands/ (docs/architecture.md)', () => {
  const tree = readSourceTree(root);

  it('reads the whole tree, with files in every layer', () => {
    expect(tree.length).toBeGreaterThan(150);
    const used = new Set(tree.map(({ file }) => layerOf(file)));
    expect([...used].sort()).toEqual(LAYERS.map((layer) => layer.name).sort());
    // The extraction sees imports, re-exports and type-only imports alike.
    const ui = tree.find(({ file }) => file === 'src/ui/index.ts');
    expect(ui?.imports).toContain('./buttons/lesson-buttons.js');
  });

  it('has every file placed and every import going inward', () => {
    expect(layerProblems(tree)).toEqual([]);
  });

  it('is the table docs/architecture.md shows', () => {
    const doc = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    const placed = [...LAYERS.flatMap((layer) => layer.holds), ...COMPOSITION_ROOT];
    expect(placed.filter((entry) => !doc.includes(`\`${entry}\``))).toEqual([]);
  });
});

describe('the layer checker', () => {
  const problemsOf = (file: string, ...imports: string[]) => layerProblems([{ file, imports }]);

  it('refuses an import going outward', () => {
    expect(problemsOf('src/content/parse/lesson.ts', '../../ui/buttons/lesson-buttons.js')).toEqual([
      'src/content/parse/lesson.ts → src/ui/buttons/lesson-buttons.ts: content may not import ui (content may import: shared, registry, content)',
    ]);
    expect(problemsOf('src/services/progress.ts', '../ui/views/progress.js')).toHaveLength(1);
    expect(problemsOf('src/ui/views/quiz.ts', '../../interactions/call.js')).toHaveLength(1);
    expect(problemsOf('src/registry/names.ts', '../store/index.js')).toHaveLength(1);
    expect(problemsOf('src/i18n/index.ts', '../config.js')).toHaveLength(1);
    expect(problemsOf('src/interactions/dispatcher.ts', '../discord/responder.js')).toHaveLength(1);
  });

  it('keeps domain code from reading the configuration and views from the runtime', () => {
    expect(problemsOf('src/store/progress.ts', '../config.js')[0]).toContain('store may not import config');
    expect(problemsOf('src/ui/views/stats.ts', '../../config.js')[0]).toContain('ui may not import config');
  });

  it('keeps commands and the interaction core away from the store and the registry', () => {
    expect(problemsOf('commands/course.ts', '../src/store/index.js')).toEqual([
      'commands/course.ts → src/store/index.ts: commands may not import store (commands may import: shared, config, content, services, ui, interactions, commands)',
    ]);
    expect(problemsOf('src/interactions/call.ts', '../store/index.js')).toHaveLength(1);
    expect(problemsOf('commands/verify.ts', '../src/registry/names.js')).toHaveLength(1);
  });

  it('refuses Discord packages in domain, services, config and shared code', () => {
    for (const file of [
      'src/content/model.ts',
      'src/store/index.ts',
      'src/registry/client.ts',
      'src/services/boards.ts',
      'src/config.ts',
      'src/i18n/index.ts',
    ])
      expect(problemsOf(file, 'discord.js', 'discord-api-types/v10', '@discordjs/rest')).toHaveLength(3);
    expect(problemsOf('src/services/boards.ts', 'discord-api-types/v10')).toEqual([
      'src/services/boards.ts → discord-api-types/v10: services may not import Discord packages (only ui, interactions, commands and adapters may)',
    ]);
    expect(problemsOf('src/ui/message.ts', 'discord-api-types/v10')).toEqual([]);
    expect(problemsOf('src/discord/connect.ts', 'discord.js')).toEqual([]);
    expect(problemsOf('src/services/boards.ts', 'discord-markdown-parser', 'zod', 'node:fs')).toEqual([]);
  });

  it('lets only the composition root and the deploy entry import commands/', () => {
    expect(problemsOf('src/main.ts', '../commands/index.js')).toEqual([]);
    expect(problemsOf('src/app/service.ts', '../../commands/index.js')).toEqual([]);
    expect(problemsOf('src/cli/deploy-commands.ts', '../../commands/index.js')).toEqual([]);
    expect(problemsOf('src/discord/deploy.ts', '../../commands/index.js')).toEqual([
      'src/discord/deploy.ts → commands/index.ts: only the composition root (src/main.ts, src/app/, src/cli/deploy-commands.ts) imports commands/',
    ]);
    expect(problemsOf('src/cli/content-check.ts', '../../commands/lesson.js')).toHaveLength(1);
    expect(problemsOf('src/ui/views/quiz.ts', '../../commands/quiz.js')).toHaveLength(1);
  });

  it('lets command modules share code only through commands/shared-*.ts', () => {
    expect(problemsOf('commands/stats.ts', './shared-lesson.js', './shared-options.js')).toEqual([]);
    expect(problemsOf('commands/index.ts', './stats.js')).toEqual([]);
    expect(problemsOf('commands/stats.ts', './leaderboard.js')).toEqual([
      'commands/stats.ts → commands/leaderboard.ts: a command module shares code with others only through commands/shared-*.ts',
    ]);
  });

  it('places CLI folders beside what they serve with the adapters', () => {
    expect(layerOf('src/store/cli/backup.ts')).toBe('adapters');
    expect(layerOf('src/store/backup.ts')).toBe('store');
    expect(problemsOf('src/store/cli/backup.ts', '../../ops/env-file.js')).toEqual([]);
    expect(problemsOf('src/store/backup.ts', '../ops/env-file.js')).toHaveLength(1);
  });

  it('fails on a file nobody placed, saying where to place it', () => {
    expect(problemsOf('src/widgets/badge.ts', '../ui/index.js')).toEqual([
      'src/widgets/badge.ts: in no layer (add its folder to LAYERS in test/architecture/layer-rules.ts and the table in docs/architecture.md)',
    ]);
    expect(problemsOf('src/ui/views/badge.ts', '../../widgets/badge.js')).toEqual([
      'src/ui/views/badge.ts → src/widgets/badge.ts: imports a file in no layer (add its folder to LAYERS in test/architecture/layer-rules.ts and the table in docs/architecture.md)',
    ]);
    expect(problemsOf('src/ui/views/quiz.ts', '../../../test/support/fake-discord/index.js')[0]).toContain(
      'imports from outside src/ and commands/',
    );
  });
});
