import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  ContainerBuilder,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  TextDisplayBuilder,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { measureBareBot } from '../../bench/support/bare-bot.js';
import {
  CHANNEL_IDS,
  type FakeDiscord,
  GUILD_ID,
  INSTRUCTOR_ROLE_ID,
  instructor,
  learner,
  makeLearner,
  option,
  otherLearner,
  startFakeDiscord,
} from '../support/fake-discord/index.js';

/** Everything a bare bot leaks: rejections and client errors must stay empty. */
const leaks: unknown[] = [];
const onRejection = (reason: unknown) => leaks.push(reason);

function pageComponents(step: number) {
  const container = new ContainerBuilder()
    .addTextDisplayComponents(
      new TextDisplayBuilder().setContent(`## 5.2 도커 허브에 푸시하기\nStep ${step}`),
    )
    .addActionRowComponents(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('page:prev').setLabel('◀').setStyle(ButtonStyle.Secondary),
        new ButtonBuilder().setCustomId('page:next').setLabel('▶').setStyle(ButtonStyle.Primary),
      ),
    );
  return [container];
}

interface Seen {
  errors: unknown[];
  callbackMessages: string[];
}

/** A bare bot: one handler per command, as small as discord.js allows. */
async function answer(interaction: Interaction, seen: Seen): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `5.2 도커 허브 (${typed})`, value: '05-02' }]);
      return;
    }
    if (interaction.isButton() && interaction.customId === 'page:prev') {
      await interaction.deferUpdate();
      await interaction.editReply({ components: pageComponents(0), flags: MessageFlags.IsComponentsV2 });
      return;
    }
    if (interaction.isButton()) {
      await interaction.update({ components: pageComponents(2), flags: MessageFlags.IsComponentsV2 });
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    switch (interaction.commandName) {
      case 'ping':
        await interaction.reply('pong');
        return;
      case 'whoami': {
        const target = interaction.options.getUser('user', true);
        const member = interaction.options.getMember('user');
        const channel = interaction.options.getChannel('group');
        const canManage = interaction.memberPermissions?.has('ManageGuild') ?? false;
        await interaction.reply({
          content: `${target.username}|${member ? 'member' : 'none'}|${channel?.id}|${canManage}|${interaction.locale}|${interaction.channelId}`,
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      case 'lesson':
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.editReply({ components: pageComponents(1), flags: MessageFlags.IsComponentsV2 });
        return;
      case 'export':
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        await interaction.followUp({
          content: '리더보드 CSV',
          files: [{ attachment: Buffer.from('rank,user\n1,김학습\n'), name: 'leaderboard.csv' }],
          flags: MessageFlags.Ephemeral,
        });
        await interaction.followUp({
          content: '두 번째',
          files: [{ attachment: Buffer.from([0, 1, 2, 255]), name: 'raw.bin' }],
        });
        return;
      case 'cleanup': {
        await interaction.reply('원본');
        const extra = await interaction.followUp('추가');
        await interaction.webhook.editMessage(extra, { content: '추가 (수정)' });
        await interaction.deleteReply(extra);
        await interaction.deleteReply();
        return;
      }
      case 'broken':
        // Components V2 forbids content: Discord answers 400 50035 and so does the fake.
        await interaction.deferReply();
        await interaction.editReply({
          content: 'text',
          components: pageComponents(1),
          flags: MessageFlags.IsComponentsV2,
        });
        return;
      case 'verify': {
        const callback = await interaction.reply({ content: '확인 중…', withResponse: true });
        seen.callbackMessages.push(callback.resource?.message?.content ?? 'no message');
        return;
      }
      case 'twice':
        await interaction.reply('first');
        // discord.js guards a second reply itself, so go around it the way another process would.
        await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'second' } },
          auth: false,
        });
        return;
    }
  } catch (error) {
    seen.errors.push(error);
  }
}

async function startBot(fake: FakeDiscord) {
  const seen: Seen = { errors: [], callbackMessages: [] };
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => void answer(interaction, seen));
  client.on(Events.Error, (error) => leaks.push(error));
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return { client, seen };
}

describe('fake Discord with a real discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;
  let seen: Seen;

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    fake = await startFakeDiscord();
    ({ client, seen } = await startBot(fake));
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.stop();
    process.off('unhandledRejection', onRejection);
  });

  it('logs in: READY and GUILD_CREATE make discord.js cache the guild and fire clientReady', () => {
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(fake.botUser.id);
    const guild = client.guilds.cache.get(GUILD_ID);
    expect(guild?.name).toBe('도커 스터디');
    expect(guild?.channels.cache.get(CHANNEL_IDS.studyGroupA)?.name).toBe('스터디-1조');
    expect(guild?.roles.everyone.id).toBe(GUILD_ID);
    expect(fake.gatewayLog.some((event) => event.direction === 'in' && event.op === 2)).toBe(true);
    const gatewayCall = fake.requests.find((request) => request.path === '/gateway/bot');
    expect(gatewayCall?.headers.authorization).toBe(`Bot ${fake.token}`);
  });

  it('records reply("pong") as a type 4 callback answered 204', async () => {
    const ping = fake.sendChatCommand({ name: 'ping' });
    const response = await fake.waitForResponse(ping.id);
    expect(response).toMatchObject({ kind: 'callback', type: 4, status: 204, body: { content: 'pong' } });
    expect(fake.originalMessage(ping.id)?.content).toBe('pong');
    const call = fake.requests.find(
      (request) => request.path === `/interactions/${ping.id}/${ping.token}/callback`,
    );
    expect(call?.query.with_response).toBe('false');
  });

  it('answers with_response=true with the callback response discord.js reads', async () => {
    const asked = fake.sendChatCommand({ name: 'verify' });
    const response = await fake.waitForResponse(asked.id);
    expect(response).toMatchObject({ kind: 'callback', type: 4, status: 200 });
    await waitUntil(() => seen.callbackMessages.length > 0);
    expect(seen.callbackMessages).toEqual(['확인 중…']);
  });

  it('fills member, permissions, locale, channel and resolved user/channel options', async () => {
    const asked = fake.sendChatCommand({
      name: 'whoami',
      user: instructor,
      locale: 'en-US',
      channelId: CHANNEL_IDS.studyGroupB,
      options: [option.user('user', otherLearner), option.channel('group', CHANNEL_IDS.studyGroupA)],
    });
    const response = await fake.waitForResponse(asked.id);
    expect(response.body).toMatchObject({
      content: `learner_lee|member|${CHANNEL_IDS.studyGroupA}|true|en-US|${CHANNEL_IDS.studyGroupB}`,
      flags: MessageFlags.Ephemeral,
    });
    const learnerAsks = fake.sendChatCommand({ name: 'whoami', options: [option.user('user', learner)] });
    const second = await fake.waitForResponse(learnerAsks.id);
    expect(second.body).toMatchObject({
      content: `learner_kim|member|undefined|false|ko|${CHANNEL_IDS.general}`,
    });
    const newcomers = fake.sendChatCommand({
      name: 'whoami',
      user: makeLearner(8),
      options: [option.user('user', makeLearner(7))],
    });
    const third = await fake.waitForResponse(newcomers.id);
    expect(third.body).toMatchObject({
      content: `learner_7|member|undefined|false|ko|${CHANNEL_IDS.general}`,
    });
    expect(newcomers.payload.member?.user.id).toBe(makeLearner(8).user.id);
  });

  it('records deferReply + editReply (Components V2) as type 5 then edit-original', async () => {
    const opened = fake.sendChatCommand({
      name: 'lesson',
      subcommand: 'open',
      options: [option.string('lesson', '05-02')],
    });
    await fake.waitForResponse(opened.id, (response) => response.kind === 'edit-original');
    const [deferred, edited] = fake.responsesFor(opened.id);
    expect(deferred).toMatchObject({
      kind: 'callback',
      type: 5,
      status: 204,
      body: { flags: MessageFlags.Ephemeral },
    });
    expect(edited).toMatchObject({
      kind: 'edit-original',
      status: 200,
      body: { flags: MessageFlags.IsComponentsV2 },
    });
    const page = fake.originalMessage(opened.id);
    expect(page?.flags).toBe(MessageFlags.Ephemeral | MessageFlags.IsComponentsV2);
    expect(JSON.stringify(page?.components)).toContain('Step 1');
  });

  it('records a button press answered with update() as type 7 and edits the page in place', async () => {
    const opened = fake.sendChatCommand({ name: 'lesson', subcommand: 'open' });
    await fake.waitForResponse(opened.id, (response) => response.kind === 'edit-original');
    const page = fake.lastMessageFor(opened.id)!;
    const pressed = fake.pressButton({ customId: 'page:next', message: page });
    const response = await fake.waitForResponse(pressed.id);
    expect(response).toMatchObject({ kind: 'callback', type: 7, status: 204, messageId: page.id });
    const updated = fake.message(page.id);
    expect(JSON.stringify(updated?.components)).toContain('Step 2');
    expect(updated?.flags).toBe(MessageFlags.Ephemeral | MessageFlags.IsComponentsV2);
    expect(() => fake.pressButton({ customId: 'missing', message: page })).toThrow(/no component/);
  });

  it('records deferUpdate + editReply on a button as type 6 then an edit of the page', async () => {
    const opened = fake.sendChatCommand({ name: 'lesson', subcommand: 'open' });
    await fake.waitForResponse(opened.id, (response) => response.kind === 'edit-original');
    const page = fake.lastMessageFor(opened.id)!;
    const pressed = fake.pressButton({ customId: 'page:prev', message: page, user: learner });
    await fake.waitForResponse(pressed.id, (response) => response.kind === 'edit-original');
    expect(
      fake.responsesFor(pressed.id).map((response) => [response.kind, response.type, response.status]),
    ).toEqual([
      ['callback', 6, 204],
      ['edit-original', undefined, 200],
    ]);
    expect(fake.originalMessage(pressed.id)?.id).toBe(page.id);
    expect(JSON.stringify(fake.message(page.id)?.components)).toContain('Step 0');
  });

  it('records follow-up edits and deletes of follow-ups and of the original', async () => {
    const cleanup = fake.sendChatCommand({ name: 'cleanup' });
    await fake.waitForResponse(cleanup.id, (response) => response.kind === 'delete-original');
    const responses = fake.responsesFor(cleanup.id);
    expect(responses.map((response) => [response.kind, response.status])).toEqual([
      ['callback', 204],
      ['followup', 200],
      ['edit-followup', 200],
      ['delete-followup', 204],
      ['delete-original', 204],
    ]);
    expect(responses[2]?.messageId).toBe(responses[1]?.messageId);
    expect(fake.message(responses[1]!.messageId!)).toBeUndefined();
    expect(fake.originalMessage(cleanup.id)).toBeUndefined();
  });

  it('records an autocomplete answer as type 8 with choices', async () => {
    const typing = fake.sendAutocomplete({
      name: 'lesson',
      subcommand: 'open',
      options: [option.focused('lesson', '도커')],
    });
    const response = await fake.waitForResponse(typing.id);
    expect(response).toMatchObject({
      kind: 'callback',
      type: 8,
      status: 204,
      body: { choices: [{ name: '5.2 도커 허브 (도커)', value: '05-02' }] },
    });
  });

  it('parses multipart follow-ups: the first fills the deferred message, the next is new', async () => {
    const exported = fake.sendChatCommand({ name: 'export' });
    await fake.waitForResponse(
      exported.id,
      (response) => response.kind === 'followup' && response.body !== undefined,
    );
    const second = await fake.waitForResponse(
      exported.id,
      (response) => response.kind === 'followup' && response.files[0]?.name === 'raw.bin',
    );
    const [callback, first] = fake.responsesFor(exported.id);
    expect(callback).toMatchObject({ kind: 'callback', type: 5 });
    expect(first?.files).toHaveLength(1);
    expect(first?.files[0]?.name).toBe('leaderboard.csv');
    expect(first?.files[0]?.bytes.toString('utf8')).toBe('rank,user\n1,김학습\n');
    expect(first?.messageId).toBe(fake.originalMessage(exported.id)?.id);
    expect(second.files[0]?.bytes).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(second.messageId).not.toBe(first?.messageId);
    const stored = fake.message(first!.messageId!);
    expect(stored?.attachments.map((attachment) => attachment.filename)).toEqual(['leaderboard.csv']);
    const download = await fetch(stored!.attachments[0]!.url);
    expect(await download.text()).toBe('rank,user\n1,김학습\n');
  });

  it('refuses a second callback with 40060, which discord.js surfaces as an API error', async () => {
    const twice = fake.sendChatCommand({ name: 'twice' });
    await fake.waitForResponse(twice.id, (response) => response.status === 400);
    expect(fake.responsesFor(twice.id).map((response) => [response.status, response.errorCode])).toEqual([
      [204, undefined],
      [400, 40060],
    ]);
  });

  it('refuses a message Discord would refuse (Components V2 with content) with 50035', async () => {
    const broken = fake.sendChatCommand({ name: 'broken' });
    const refused = await fake.waitForResponse(broken.id, (response) => response.kind === 'edit-original');
    expect(refused).toMatchObject({ status: 400, errorCode: 50035 });
    expect(fake.originalMessage(broken.id)?.flags).toBe(MessageFlags.Loading);
  });

  it('checks the limits discord.js builders do not: buttons per row, duplicate ids, 40 components', async () => {
    const ping = fake.sendChatCommand({ name: 'ping' });
    await fake.waitForResponse(ping.id);
    const edit = async (body: unknown) => {
      const url = `${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${ping.token}/messages/@original`;
      const answer = await fetch(url, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: answer.status, code: ((await answer.json()) as { code: number }).code };
    };
    const button = (id: string) => ({ type: 2, style: 1, label: id, custom_id: id });
    const row = (...ids: string[]) => ({ type: 1, components: ids.map(button) });
    const text = (content: string) => ({ type: 10, content });
    expect(await edit({ components: [row('a', 'b', 'c', 'd', 'e', 'f')] })).toEqual({
      status: 400,
      code: 50035,
    });
    expect(await edit({ components: [row('a', 'b'), row('b')] })).toEqual({ status: 400, code: 50035 });
    expect(await edit({ components: [row('x'.repeat(101))] })).toEqual({ status: 400, code: 50035 });
    const many = Array.from({ length: 41 }, (_, i) => text(`line ${i}`));
    expect(await edit({ flags: 1 << 15, components: many })).toEqual({ status: 400, code: 50035 });
    expect(await edit({ flags: 1 << 15, components: [text('x'.repeat(4001))] })).toEqual({
      status: 400,
      code: 50035,
    });
    expect(await edit({ content: '', components: [] })).toEqual({ status: 400, code: 50006 });
    // Turning a text reply into Components V2 needs its content cleared, as on Discord.
    expect(await edit({ flags: 1 << 15, components: many.slice(0, 40) })).toEqual({
      status: 400,
      code: 50035,
    });
    expect(await edit({ content: '', flags: 1 << 15, components: many.slice(0, 40) })).toMatchObject({
      status: 200,
    });
    expect(fake.originalMessage(ping.id)?.components).toHaveLength(40);
  });

  it('plays planned outages: discord.js retries a 500 and waits out a 429', async () => {
    fake.failNext({ route: 'interaction-callback', status: 500 });
    const ping = fake.sendChatCommand({ name: 'ping' });
    expect(await fake.waitForResponse(ping.id)).toMatchObject({ type: 4, status: 204 });
    const callbackPath = `/interactions/${ping.id}/${ping.token}/callback`;
    await fake.waitForRequest((request) => request.path === callbackPath && request.status === 204);
    expect(
      fake.requests.filter((request) => request.path === callbackPath).map((request) => request.status),
    ).toEqual([500, 204]);

    fake.failNext({ route: 'webhook-message-edit', status: 429, retryAfterSeconds: 0.2 });
    const opened = fake.sendChatCommand({ name: 'lesson', subcommand: 'open' });
    await fake.waitForResponse(opened.id, (response) => response.kind === 'edit-original');
    const editPath = `/webhooks/${fake.applicationId}/${opened.token}/messages/@original`;
    await fake.waitForRequest((request) => request.path === editPath && request.status === 200);
    const edits = fake.requests.filter((request) => request.path === editPath && request.method === 'PATCH');
    expect(edits.map((request) => request.status)).toEqual([429, 200]);
  });

  it('stores application commands from PUT and returns them with ids on GET, guild and global', async () => {
    const ping = new SlashCommandBuilder().setName('ping').setDescription('pong').toJSON();
    const lesson = new SlashCommandBuilder()
      .setName('lesson')
      .setDescription('lessons')
      .setNameLocalizations({ ko: '레슨' })
      .toJSON();
    const guildSet = await client.guilds.cache.get(GUILD_ID)!.commands.set([ping, lesson]);
    const globalSet = await client.application!.commands.set([ping]);
    expect([...guildSet.values()].map((command) => command.name).sort()).toEqual(['lesson', 'ping']);
    expect(fake.commands(GUILD_ID).map((command) => command.name)).toEqual(['ping', 'lesson']);
    expect(fake.commands().map((command) => command.name)).toEqual(['ping']);
    const fetched = await client.guilds.cache.get(GUILD_ID)!.commands.fetch();
    expect(fetched.get(fake.commands(GUILD_ID)[1]!.id)?.nameLocalizations).toEqual({ ko: '레슨' });
    expect(globalSet.first()?.id).toBe(fake.commands()[0]?.id);
    // A registered command's id appears in the interactions the fake sends.
    const ping2 = fake.sendChatCommand({ name: 'ping' });
    expect(ping2.payload.data).toMatchObject({ id: fake.commands(GUILD_ID)[0]?.id });
    await fake.waitForResponse(ping2.id);
  });

  it('records channel messages the bot posts', async () => {
    const channel = client.channels.cache.get(CHANNEL_IDS.announcements);
    if (!channel?.isSendable()) throw new Error('announcements channel is not cached as sendable');
    const sent = await channel.send({
      content: '🎉 김학습 님이 5.2를 끝냈습니다',
      allowedMentions: { parse: [] },
    });
    expect(fake.channelMessages(CHANNEL_IDS.announcements).map((message) => message.id)).toEqual([sent.id]);
    const call = fake.requests.find(
      (request) => request.path === `/channels/${CHANNEL_IDS.announcements}/messages`,
    );
    expect(call?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('answers member and channel lookups discord.js makes on a cache miss', async () => {
    const guild = client.guilds.cache.get(GUILD_ID)!;
    const member = await guild.members.fetch({ user: instructor.user.id, force: true });
    expect(member.roles.cache.has(INSTRUCTOR_ROLE_ID)).toBe(true);
    expect(member.permissions.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    const plain = await guild.members.fetch({ user: learner.user.id, force: true });
    expect(plain.permissions.has(PermissionFlagsBits.ManageGuild)).toBe(false);
    const channel = await client.channels.fetch(CHANNEL_IDS.studyGroupB, { force: true });
    expect(channel && 'name' in channel ? channel.name : undefined).toBe('스터디-2조');
    await expect(guild.members.fetch({ user: '1300000000000009999', force: true })).rejects.toMatchObject({
      code: 10007,
    });
  });

  it('resumes after a forced reconnect and replays a dispatch sent while disconnected', async () => {
    const back = fake.forceReconnect({ resumable: true });
    // Sent while the socket is closing: only the RESUME replay can deliver it.
    const during = fake.sendChatCommand({ name: 'ping' });
    await back;
    expect(fake.gatewayLog.some((event) => event.direction === 'in' && event.op === 6)).toBe(true);
    expect((await fake.waitForResponse(during.id)).body).toMatchObject({ content: 'pong' });
    const after = fake.sendChatCommand({ name: 'ping' });
    expect((await fake.waitForResponse(after.id)).body).toMatchObject({ content: 'pong' });
  });

  it('resumes after op 7 RECONNECT too', async () => {
    const resumesBefore = fake.gatewayLog.filter(
      (event) => event.direction === 'in' && event.op === 6,
    ).length;
    await fake.forceReconnect({ resumable: true, via: 'reconnect-op' });
    const resumes = fake.gatewayLog.filter((event) => event.direction === 'in' && event.op === 6).length;
    expect(resumes).toBe(resumesBefore + 1);
    const after = fake.sendChatCommand({ name: 'ping' });
    expect((await fake.waitForResponse(after.id)).status).toBe(204);
  });

  it('made no unexpected calls, missed no deadline and leaked no rejection', () => {
    expect(fake.unexpectedRequests()).toEqual([]);
    expect(fake.deadlineMisses).toEqual([]);
    const surfaced = seen.errors.map((error) =>
      error instanceof DiscordAPIError ? error.code : String(error),
    );
    expect(surfaced).toEqual([40060, 50035]);
    expect(leaks).toEqual([]);
  });
});

describe('interaction deadline', () => {
  it('refuses a callback after the deadline with 10062 and records the miss', async () => {
    const fake = await startFakeDiscord({ interactionDeadlineMs: 300 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      // Answer only once the fake has given up on this interaction: late by construction.
      await waitUntil(() => fake.deadlineMisses.some((miss) => miss.interactionId === interaction.id));
      await interaction.reply('too late').catch((error: unknown) => errors.push(error));
    });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(fake.token);
      await ready;
      const slow = fake.sendChatCommand({ name: 'ping' });
      const response = await fake.waitForResponse(slow.id);
      expect(response).toMatchObject({ kind: 'callback', status: 404, errorCode: 10062 });
      expect(fake.deadlineMisses).toEqual([
        expect.objectContaining({ interactionId: slow.id, lateCallbackAt: response.at }),
      ]);
      await waitUntil(() => errors.length > 0);
      expect(errors[0]).toBeInstanceOf(DiscordAPIError);
      expect((errors[0] as DiscordAPIError).code).toBe(10062);
      // Nothing was acknowledged, so the webhook does not exist either.
      const edit = await fetch(
        `${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${slow.token}/messages/@original`,
        {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ content: 'x' }),
        },
      );
      expect(edit.status).toBe(404);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});

describe('interaction token lifetime', () => {
  it('refuses webhook edits once the 15-minute token (here 400 ms) has expired', async () => {
    const fake = await startFakeDiscord({ tokenLifetimeMs: 400 });
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    const errors: unknown[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('곧 만료');
      await new Promise((resolve) => setTimeout(resolve, 600));
      await interaction.editReply('너무 늦은 수정').catch((error: unknown) => errors.push(error));
    });
    try {
      const ready = once(client, Events.ClientReady);
      await client.login(fake.token);
      await ready;
      const asked = fake.sendChatCommand({ name: 'ping' });
      await waitUntil(() => errors.length > 0);
      expect((errors[0] as DiscordAPIError).code).toBe(50027);
      expect(fake.originalMessage(asked.id)?.content).toBe('곧 만료');
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });
});

describe('gateway details', () => {
  it('acks heartbeats and re-identifies after a non-resumable invalid session', async () => {
    const fake = await startFakeDiscord({ heartbeatIntervalMs: 100 });
    const { client } = await startBot(fake);
    try {
      const sent = (op: number, direction: 'in' | 'out') =>
        fake.gatewayLog.filter((event) => event.op === op && event.direction === direction).length;
      await waitUntil(() => sent(1, 'in') >= 2);
      // Each heartbeat is acknowledged at once, in the same turn.
      expect(sent(11, 'out')).toBe(sent(1, 'in'));
      await fake.forceReconnect({ resumable: false });
      expect(sent(2, 'in')).toBe(2);
      expect(sent(6, 'in')).toBe(0);
      const after = fake.sendChatCommand({ name: 'ping' });
      expect((await fake.waitForResponse(after.id)).body).toMatchObject({ content: 'pong' });
      expect(client.guilds.cache.has(GUILD_ID)).toBe(true);
    } finally {
      await client.destroy();
      await fake.stop();
    }
  });

  it('closes the socket with 4004 when IDENTIFY carries a wrong token', async () => {
    const fake = await startFakeDiscord();
    try {
      const socket = new WebSocket(`${fake.gatewayUrl}/?v=10&encoding=json`);
      const closed = once(socket, 'close');
      const [hello] = await once(socket, 'message');
      expect(JSON.parse(String(hello))).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
      socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
      const [code] = await closed;
      expect(code).toBe(4004);
    } finally {
      await fake.stop();
    }
  });
});

describe('REST edges without a client', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.stop();
  });

  it('answers 401 without the bot token and 404 JSON for unknown routes, recorded as unexpected', async () => {
    const noToken = await fetch(`${fake.apiUrl}/v10/users/@me`);
    expect(noToken.status).toBe(401);
    const withToken = await fetch(`${fake.apiUrl}/v10/users/@me`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(await withToken.json()).toMatchObject({ id: fake.botUser.id, bot: true });
    const unknown = await fetch(`${fake.apiUrl}/v10/guilds/${GUILD_ID}/bans`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(fake.unexpectedRequests().map((request) => request.path)).toEqual([`/guilds/${GUILD_ID}/bans`]);
  });

  it('refuses to inject an interaction while no bot is connected', () => {
    expect(() => fake.sendChatCommand({ name: 'ping' })).toThrow(/No bot/);
  });
});

describe('benchmark support', () => {
  it('measures a bare bot: one latency per sample, ordered statistics', async () => {
    const summary = await measureBareBot({ samples: 5, warmup: 1 });
    expect(summary.samples).toBe(5);
    expect(summary.minMs).toBeGreaterThan(0);
    expect(summary.minMs).toBeLessThanOrEqual(summary.medianMs);
    expect(summary.medianMs).toBeLessThanOrEqual(summary.p99Ms);
    expect(summary.p99Ms).toBeLessThanOrEqual(summary.maxMs);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
