import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { defineCommand } from '../src/interactions/command-module.js';
import type { AppContext } from '../src/services/app-context.js';
import { ADJUST_MAX, REASON_MAX } from '../src/services/corrections.js';
import { askToConfirm, correctionButtons, viewerOf } from './shared-corrections.js';
import { lessonChoices, lessonOption, requireLesson } from './shared-lesson.js';
import { inServersOnly } from './shared-options.js';

const learnerOption = {
  type: ApplicationCommandOptionType.User,
  name: 'user',
  name_localizations: { ko: '학습자' },
  description: 'The learner to correct',
  description_localizations: { ko: '정정할 학습자' },
  required: true,
} as const;

export const correctCommand = {
  name: 'correct',
  name_localizations: { ko: '정정' },
  description: 'Correct a learner’s record, after a confirmation; every correction is logged (instructors)',
  description_localizations: {
    ko: '학습자 기록 정정: 확인 버튼을 누른 뒤 적용되고 모두 기록돼요 (강사 전용)',
  },
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  ...inServersOnly,
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'reset-lesson',
      name_localizations: { ko: '레슨초기화' },
      description: 'Remove a learner’s steps, quiz answers, verified mark and points of one lesson',
      description_localizations: { ko: '한 레슨의 단계·퀴즈 답·인증 표시와 그 점수를 지워요' },
      options: [learnerOption, lessonOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'adjust-points',
      name_localizations: { ko: '점수조정' },
      description: 'Add or take away points, with a reason',
      description_localizations: { ko: '점수를 더하거나 빼요 (사유 필수)' },
      options: [
        learnerOption,
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'points',
          name_localizations: { ko: '점수' },
          description: `Points to add (negative: take away), up to ${ADJUST_MAX}`,
          description_localizations: { ko: `더할 점수 (음수면 빼요, 최대 ${ADJUST_MAX})` },
          required: true,
          min_value: -ADJUST_MAX,
          max_value: ADJUST_MAX,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'reason',
          name_localizations: { ko: '사유' },
          description: `Why (shown to the learner in /progress; up to ${REASON_MAX} characters)`,
          description_localizations: { ko: `사유 (학습자의 /progress에도 보여요, 최대 ${REASON_MAX}자)` },
          required: true,
          min_length: 1,
          max_length: REASON_MAX,
        },
        {
          ...lessonOption,
          required: false,
          description: 'The lesson the points belong to (default: none)',
          description_localizations: { ko: '점수가 속한 레슨 (기본: 없음)' },
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'release-docker-id',
      name_localizations: { ko: '도커id해제' },
      description: 'Free the learner’s Docker ID in this server',
      description_localizations: { ko: '이 서버에서 학습자의 도커 ID 연결을 해제해요' },
      options: [learnerOption],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const correct = defineCommand({
  data: correctCommand,
  access: 'instructor',
  buttons: correctionButtons,
  async execute(app: AppContext, call, args) {
    const by = viewerOf(call);
    switch (args.subcommand) {
      case 'reset-lesson': {
        const { lesson } = requireLesson(app, args.lesson);
        await askToConfirm(
          call,
          app.corrections.requestReset(by, args.user.id, lesson.id),
          args.user.id,
          lesson.id,
        );
        return;
      }
      case 'adjust-points': {
        const lessonId = args.lesson === undefined ? null : requireLesson(app, args.lesson).lesson.id;
        const ask = app.corrections.requestAdjust(by, args.user.id, args.points, args.reason, lessonId);
        await askToConfirm(call, ask, args.user.id);
        return;
      }
      case 'release-docker-id':
        await askToConfirm(call, app.corrections.requestRelease(by, args.user.id), args.user.id);
        return;
    }
  },
  async autocomplete(app: AppContext, _call, focused) {
    return focused.name === 'lesson' ? lessonChoices(app, focused.value) : [];
  },
});
