import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AppContext } from '../app/context.js';
import { CommandDirectory } from '../i18n/command-mentions.js';
import { type Translate, translator } from '../i18n/index.js';
import type { Call } from '../interactions/call.js';
import type { Dispatcher } from '../interactions/dispatcher.js';
import { payloadToText } from '../ui/index.js';
import type { Message } from '../ui/message.js';
import { ConsoleResponder, type ConsoleScreen, type ShownButton } from './console-responder.js';
import { parseConsoleLine } from './parse-line.js';
import { type ConsoleNames, readableMentions } from './readable-mentions.js';

export type ConsoleRole = 'learner' | 'instructor';

/** The console's stand-ins for Discord ids: one local server, channel and user per role. */
export const consoleIds = {
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  learnerId: '100000000000000010',
  instructorId: '100000000000000020',
} as const;

export interface ConsoleOptions {
  role: ConsoleRole;
  input: Readable;
  output: Writable;
  /** Script mode: echo each line before its answer, no prompt. */
  echo: boolean;
}

/** Where the console puts attachments (CSV exports, charts) so the user can open them. */
const attachmentsDir = path.join(tmpdir(), 'docker-study-bot');

function saveAttachments(message: Message, t: Translate): string[] {
  if (!message.files?.length) return [];
  mkdirSync(attachmentsDir, { recursive: true });
  return message.files.map((file) => {
    const saved = path.join(attachmentsDir, path.basename(file.name));
    writeFileSync(saved, file.data);
    return t('console.attachment', { name: file.name, bytes: file.data.length, path: saved });
  });
}

function formatterFor(t: Translate, names: ConsoleNames) {
  return (message: Message): { text: string; buttons: ShownButton[] } => {
    const plain = payloadToText(message);
    const text = [message.content ?? '', plain.text, ...saveAttachments(message, t)]
      .filter(Boolean)
      .join('\n');
    return { text: readableMentions(text, names), buttons: plain.buttons };
  };
}

/** Stand-in ids for the served commands, so that messages mention them as they would on Discord. */
function consoleCommandIds(commandData: readonly { name: string }[]): CommandDirectory {
  const directory = new CommandDirectory();
  directory.learn(
    commandData.map((command, index) => ({
      name: command.name,
      id: String(300000000000000001n + BigInt(index)),
    })),
  );
  return directory;
}

/**
 * The local console: the same handlers and database as on Discord, driven by typed lines
 * (`/lesson open lesson:5.2`, a button's number). How a newcomer tries the bot without a token
 * and how an author reads a lesson as a learner would.
 */
export async function runConsole(
  app: AppContext,
  dispatcher: Dispatcher<AppContext>,
  options: ConsoleOptions,
): Promise<void> {
  const t = translator('ko', consoleCommandIds(dispatcher.commandData));
  const names: ConsoleNames = {
    commands: dispatcher.commandData,
    locale: 'ko',
    users: new Map([
      [consoleIds.learnerId, t('console.learner')],
      [consoleIds.instructorId, t('console.instructor')],
    ]),
    channels: new Map([[consoleIds.channelId, 'console']]),
  };
  let buttons: ShownButton[] = [];
  let counter = 0;
  const write = (text: string) => options.output.write(`${text}\n`);
  const screen: ConsoleScreen = {
    print: (text) => write(text),
    setButtons: (shown) => {
      buttons = shown;
    },
  };
  const userId = options.role === 'instructor' ? consoleIds.instructorId : consoleIds.learnerId;

  const newCall = (): Call => {
    counter += 1;
    return {
      interactionId: `console-${counter}`,
      guildId: consoleIds.guildId,
      channelId: consoleIds.channelId,
      user: {
        id: userId,
        displayName: t(options.role === 'instructor' ? 'console.instructor' : 'console.learner'),
      },
      locale: 'ko',
      t,
      isInstructor: options.role === 'instructor',
      // The console runs on the operator's machine against the course files: its server is home.
      inHomeServer: true,
      isOwner: false,
      respond: new ConsoleResponder(screen, formatterFor(t, names), {
        deferred: t('console.deferred'),
        announcement: (channelId) => t('console.announcement', { channelId }),
        directMessage: t('console.directMessage'),
      }),
    };
  };

  write(
    t('console.welcome', {
      role: t(options.role === 'instructor' ? 'console.instructor' : 'console.learner'),
      database: app.config.DATABASE_PATH,
    }),
  );

  const lines = createInterface({ input: options.input, terminal: false });
  const prompt = () => {
    if (!options.echo) options.output.write('> ');
  };
  prompt();
  for await (const line of lines) {
    if (options.echo && line.trim() !== '') write(`\n> ${line.trim()}`);
    const input = parseConsoleLine(line, dispatcher.commandData);
    switch (input.kind) {
      case 'quit':
        return;
      case 'empty':
        break;
      case 'help':
        write(t('console.help'));
        break;
      case 'error':
        write(
          input.reason === 'unknown-subcommand'
            ? t('console.pickSubcommand', {
                command: input.command,
                subcommands: input.subcommands.join(', '),
              })
            : input.reason === 'too-long'
              ? t('console.lineTooLong', { max: input.max })
              : t('console.unknownInput', { detail: input.detail }),
        );
        break;
      case 'press': {
        const button = buttons[input.button - 1];
        if (!button) write(t('console.noSuchButton', { button: input.button }));
        else await dispatcher.button(newCall(), button.customId);
        break;
      }
      case 'command':
        await dispatcher.command(newCall(), input.name, input.invocation);
        break;
    }
    prompt();
  }
}
