import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { learnerOf } from '../src/interactions/call.js';
import { defineCommand } from '../src/interactions/command-module.js';
import { UserFacingError } from '../src/interactions/errors.js';
import type { AppContext } from '../src/services/app-context.js';
import { REMIND_DAYS } from '../src/services/reminders.js';
import { noticeMessage } from '../src/ui/message.js';
import { renderReminderWelcome } from '../src/ui/views/reminder.js';
import { inServersOnly } from './shared-options.js';

export const remindCommand = {
  name: 'remind',
  name_localizations: { ko: '알림' },
  description: 'A private reminder (DM) when you have not learned for some days',
  description_localizations: { ko: '며칠 동안 학습하지 않으면 개인 메시지(DM)로 알려 줘요' },
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'on',
      name_localizations: { ko: '켜기' },
      description: 'Remind me after this many days without learning',
      description_localizations: { ko: '이만큼 학습하지 않으면 알려 줘요' },
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'days',
          name_localizations: { ko: '일수' },
          description: 'Days without learning (1–30)',
          description_localizations: { ko: '학습하지 않은 날 수 (1~30일)' },
          required: true,
          min_value: REMIND_DAYS.min,
          max_value: REMIND_DAYS.max,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'off',
      name_localizations: { ko: '끄기' },
      description: 'Switch the reminder off',
      description_localizations: { ko: '알림을 꺼요' },
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const remind = defineCommand({
  data: remindCommand,
  access: 'everyone',
  async execute(app: AppContext, call, args) {
    const learner = learnerOf(call);
    if (args.subcommand === 'off') {
      const wasOn = app.reminders.switchOff(learner);
      await call.respond.send(noticeMessage(call.t(wasOn ? 'remind.off' : 'remind.wasOff')));
      return;
    }
    const switched = app.reminders.switchOn(learner, args.days);
    if (switched.kind === 'invalid-days') throw new UserFacingError('remind.invalidDays');
    // A test DM now, so a learner whose DMs are closed learns it at once, here, and only here.
    const delivery = await call.respond.directMessage(renderReminderWelcome(switched.days, call.t));
    if (delivery.kind === 'dm-closed') {
      app.reminders.pause(learner);
      await call.respond.send(noticeMessage(call.t('remind.dmClosed')));
      return;
    }
    if (delivery.kind !== 'sent') {
      app.logger.warn(
        { guild: call.guildId, user: call.user.id, failure: delivery },
        'reminder test DM failed',
      );
    }
    await call.respond.send(
      noticeMessage(
        call.t(delivery.kind === 'sent' ? 'remind.on' : 'remind.dmFailed', { days: switched.days }),
      ),
    );
  },
});
