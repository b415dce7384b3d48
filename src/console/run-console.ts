import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AppContext } from '../app/context.js';
import { CommandDirectory } from '../i18n/command-mentions.js';
import { type Translate, translator } from '../i18n/index.js';
import type { Call, Caller } from '../interactions/call.js';
import type { Dispatcher } from '../interactions/dispatcher.js';
import { type PlainButton, payloadToText } from '../ui/index.js';
import type { Message } from '../ui/message.js';
import { consoleButtonNumbers } from './button-numbers.js';
import { commandHelp } from './command-help.js';
import { ConsoleResponder, type ConsoleScreen } from './console-responder.js';
import {
  type ConsoleIdentity,
  consoleIds,
  identityOfId,
  instructor,
  MAX_CONSOLE_LEARNER,
  parseIdentity,
} from './identities.js';
import { type ConsoleInput, type GroupByName, parseConsoleLine } from './parse-line.js';
import { type ConsoleNames, readableMentions } from './readable-mentions.js';

export { consoleIds };

export interface ConsoleOptions {
  /** Who types first; `/as …` lines change it. */
  as: ConsoleIdentity;
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
  return (message: Message): { text: string; buttons: PlainButton[] } => {
    const plain = payloadToText(message, consoleButtonNumbers);
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
  const nameOf = (who: ConsoleIdentity) =>
    who.number === null ? t('console.instructor') : t('console.learner', { number: who.number });
  const groups = () => app.studyGroups.list(consoleIds.guildId);
  const groupByName: GroupByName = (name) => {
    const group = groups().find((candidate) => candidate.name === name);
    return group ? { id: group.channelId, name: group.name } : undefined;
  };
  const names: ConsoleNames = {
    commands: dispatcher.commandData,
    locale: 'ko',
    users: {
      get: (id) => {
        const who = identityOfId(id);
        return who ? nameOf(who) : undefined;
      },
    },
    // A study group's channel reads as its name; the console's own channel as `console`.
    channels: {
      get: (id) =>
        id === consoleIds.channelId ? 'console' : groups().find((group) => group.channelId === id)?.name,
    },
  };
  let buttons: PlainButton[] = [];
  let counter = 0;
  let who = options.as;
  const write = (text: string) => options.output.write(`${text}\n`);
  const screen: ConsoleScreen = {
    print: (text) => write(text),
    setButtons: (shown) => {
      buttons = shown;
    },
  };

  const caller = (): Caller => ({
    guildId: consoleIds.guildId,
    channelId: consoleIds.channelId,
    user: { id: who.id, displayName: nameOf(who) },
    locale: 'ko',
    t,
    isInstructor: who.role === 'instructor',
    // The console runs on the operator's machine against the course files: its server is home.
    inHomeServer: true,
    isOwner: false,
  });
  const newCall = (fromButton: boolean): Call => {
    counter += 1;
    return {
      ...caller(),
      interactionId: `console-${counter}`,
      respond: new ConsoleResponder(
        screen,
        formatterFor(t, names),
        {
          deferred: t('console.deferred'),
          announcement: (channelId) => t('console.announcement', { channelId }),
          directMessage: t('console.directMessage'),
        },
        fromButton,
      ),
    };
  };

  write(
    t('console.welcome', {
      role: nameOf(who),
      userId: who.id,
      instructorId: instructor.id,
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
    const input = parseConsoleLine(line, dispatcher.commandData, groupByName);
    switch (input.kind) {
      case 'quit':
        return;
      case 'empty':
        break;
      case 'help':
        write(
          commandHelp(dispatcher.commandData, (name, sub) => dispatcher.accessOf(name, sub), caller(), t),
        );
        break;
      case 'switch': {
        const next = parseIdentity(input.handle);
        if (!next) {
          write(t('console.badRole', { role: input.handle, max: MAX_CONSOLE_LEARNER }));
          break;
        }
        who = next;
        // The buttons on screen were the other user's.
        buttons = [];
        write(t('console.switched', { name: nameOf(who), userId: who.id }));
        break;
      }
      case 'error':
        write(errorText(input, t, () => groups().map((group) => group.name)));
        break;
      case 'press': {
        const button = buttons.find((shown) => shown.number === input.button);
        if (!button) write(t('console.noSuchButton', { button: input.button }));
        else await dispatcher.button(newCall(true), button.customId);
        break;
      }
      case 'command':
        await dispatcher.command(newCall(false), input.name, input.invocation);
        break;
    }
    prompt();
  }
}

function errorText(
  input: Extract<ConsoleInput, { kind: 'error' }>,
  t: Translate,
  groupNames: () => string[],
): string {
  switch (input.reason) {
    case 'unknown-subcommand':
      return t('console.pickSubcommand', {
        command: input.command,
        subcommands: input.subcommands.join(', '),
      });
    case 'too-long':
      return t('console.lineTooLong', { max: input.max });
    case 'unknown-group': {
      const names = groupNames();
      return names.length > 0
        ? t('console.unknownGroup', { name: input.detail, groups: names.join(', ') })
        : t('console.noGroups', { name: input.detail });
    }
    default:
      return t('console.unknownInput', { detail: input.detail });
  }
}
