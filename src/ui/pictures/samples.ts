import type { Locale } from '../../i18n/index.js';
import type { CertificateInput } from './certificate.js';
import type { FunnelPictureInput } from './funnel-picture.js';
import type { ProgressCardInput, ProgressCardLesson } from './progress-card.js';

/**
 * Sample inputs for every picture — typical, empty, huge and hostile — used by
 * `npm run render:samples` (to look at) and by the tests (to check each one decodes and stays
 * inside its bounds).
 */

export interface Sample<Input> {
  /** File-name friendly: `funnel-typical`. */
  name: string;
  locale: Locale;
  input: Input;
}

/** Everything a hostile member can put into a name at once. */
export const HOSTILE_NAME =
  '\u202Eevil\u202C 관리자\u200B\u200D🐳🇰🇷👨‍👩‍👧 Z\u0335\u0321\u0322\u0327\u0328a\u0337\u0334l\u0336\u0338go \u3164\u115F' +
  '가'.repeat(40) +
  'W'.repeat(1000);

const AS_OF = new Date('2025-09-01T03:00:00Z');

/** The steps of lesson 5.2 as the lesson parser titles them. */
const LESSON_5_2_STEPS = [
  '📋 사전 준비',
  'Step 1: 환경 변수 설정',
  'Step 2: 도커 허브에 로그인',
  'Step 3: 이미지에 올바른 참조 부여하기',
  'Step 4: 도커 허브에 푸시',
  'Step 5: 도커 허브에서 확인',
  '🏷️ 핵심 개념과 주요 명령어 정리',
];

const lesson52 = { id: '5.2', title: '도커 허브에 직접 빌드한 이미지 푸시하기' };

const withCounts = (counts: readonly number[]) =>
  LESSON_5_2_STEPS.map((title, index) => ({ title, learners: counts[index] ?? 0 }));

const typicalFunnel: FunnelPictureInput = {
  lesson: lesson52,
  scope: { kind: 'group', groupName: '화요일 저녁반' },
  opened: 58,
  steps: withCounts([56, 54, 51, 47, 29, 27, 24]),
  asOf: AS_OF,
};

export const funnelSamples: Sample<FunnelPictureInput>[] = [
  { name: 'funnel-typical', locale: 'ko', input: typicalFunnel },
  {
    name: 'funnel-typical',
    locale: 'en',
    input: {
      ...typicalFunnel,
      lesson: { id: '5.2', title: 'Push an image you built to Docker Hub' },
      scope: { kind: 'server', serverName: 'Docker Study KR' },
    },
  },
  {
    name: 'funnel-empty',
    locale: 'ko',
    input: {
      lesson: lesson52,
      scope: { kind: 'server', serverName: '도커 스터디' },
      opened: 0,
      steps: withCounts([]),
      asOf: AS_OF,
    },
  },
  {
    name: 'funnel-one-step',
    locale: 'ko',
    input: {
      lesson: { id: '0.1', title: '시작하기 전에' },
      scope: { kind: 'server' },
      opened: 3,
      steps: [{ title: '디스코드 봇 사용법', learners: 2 }],
    },
  },
  {
    name: 'funnel-no-steps',
    locale: 'ko',
    input: {
      lesson: { id: '9.9', title: '준비 중인 레슨' },
      scope: { kind: 'server' },
      opened: 4,
      steps: [],
    },
  },
  {
    name: 'funnel-huge',
    locale: 'ko',
    input: {
      lesson: { id: '12.10', title: '쿠버네티스로 옮기기 전에 알아 둘 모든 것' },
      scope: { kind: 'server', serverName: '도커 스터디' },
      opened: 12_345,
      steps: Array.from({ length: 46 }, (_, index) => ({
        title: `Step ${index + 1}: 실습 ${index + 1} — 컨테이너 설정 확인하기`,
        learners: Math.max(0, 12_000 - index * 150 - (index >= 37 ? 2_500 : 0)),
      })),
      asOf: AS_OF,
    },
  },
  {
    name: 'funnel-hostile',
    locale: 'ko',
    input: {
      lesson: { id: '5.2', title: `🚀 ${'아주 긴 레슨 제목이 계속 이어져요 '.repeat(20)}` },
      scope: { kind: 'group', groupName: HOSTILE_NAME },
      opened: 7,
      steps: [
        { title: '🐳🐳🐳 고래 세 마리', learners: 7 },
        { title: `Step 2: ${'이름이 정말 정말 긴 단계 '.repeat(30)}`, learners: 6 },
        { title: '\u202Ereversed\u202C 뒤집힌 글자', learners: 1 },
        { title: '🇰🇷👨‍👩‍👧', learners: 1 },
        { title: '王小明 ع ก 한자와 다른 문자', learners: 0 },
      ],
      asOf: AS_OF,
    },
  },
];

const lessonProgress = (
  lessonId: string,
  title: string,
  done: number,
  total: number,
  extra: Partial<ProgressCardLesson> = {},
): ProgressCardLesson => ({
  lessonId,
  title,
  stepsDone: done,
  stepsTotal: total,
  quizCorrect: Math.min(done, 5),
  quizTotal: 5,
  verified: false,
  points: done * 10,
  ...extra,
});

export const progressCardSamples: Sample<ProgressCardInput>[] = [
  {
    name: 'card-typical',
    locale: 'ko',
    input: {
      displayName: '김도커',
      serverName: '도커 스터디',
      points: 430,
      rank: { rank: 3, outOf: 58 },
      streakWeeks: 4,
      lessons: [
        lessonProgress('5.1', '도커 허브와 레지스트리 이해하기', 6, 6, {
          verified: true,
          completed: true,
          quizCorrect: 5,
          points: 210,
        }),
        lessonProgress('5.2', '도커 허브에 직접 빌드한 이미지 푸시하기', 5, 7, {
          verified: true,
          quizCorrect: 3,
          points: 180,
        }),
        lessonProgress('5.3', '로컬 레지스트리 운영하기', 1, 8, { quizCorrect: 0, points: 10 }),
      ],
    },
  },
  {
    name: 'card-typical',
    locale: 'en',
    input: {
      displayName: 'Jamie Park',
      serverName: 'Docker Study KR',
      points: 430,
      rank: { rank: 3, outOf: 58 },
      lessons: [
        lessonProgress('5.1', 'Understanding Docker Hub and registries', 6, 6, {
          verified: true,
          completed: true,
          points: 210,
        }),
        lessonProgress('5.2', 'Push an image you built to Docker Hub', 5, 7, {
          verified: true,
          quizCorrect: 3,
          points: 180,
        }),
      ],
    },
  },
  {
    name: 'card-empty',
    locale: 'ko',
    input: { displayName: '새 학습자', points: 0, rank: null, lessons: [] },
  },
  {
    name: 'card-huge',
    locale: 'ko',
    input: {
      displayName: '열심히 공부하는 학습자',
      serverName: '아주 큰 도커 스터디 커뮤니티',
      points: 1_234_567,
      rank: { rank: 12_345, outOf: 100_000 },
      streakWeeks: 152,
      lessons: Array.from({ length: 24 }, (_, index) =>
        lessonProgress(
          `${Math.floor(index / 4) + 1}.${(index % 4) + 1}`,
          `레슨 ${index + 1}: 컨테이너와 이미지 다루기 심화 과정`,
          index % 9,
          8,
          {
            verified: index % 3 === 0,
            points: 1_000 + index,
          },
        ),
      ),
    },
  },
  {
    name: 'card-hostile',
    locale: 'ko',
    input: {
      displayName: HOSTILE_NAME,
      serverName: `🐳 ${'서버 이름 '.repeat(50)}`,
      points: 20,
      rank: { rank: 1, outOf: 1 },
      streakWeeks: 0,
      lessons: [
        lessonProgress(
          '5.2-very-long-lesson-identifier',
          `🚀 ${'끝없이 길어지는 레슨 제목 '.repeat(20)}`,
          2,
          0,
          { verified: true },
        ),
        lessonProgress('0', '\u202E뒤집힌\u202C 제목 王', 0, 3),
      ],
    },
  },
  {
    name: 'card-emoji-name',
    locale: 'en',
    input: {
      displayName: '🐳🐳🐳',
      points: 70,
      rank: { rank: 9, outOf: 12 },
      streakWeeks: 1,
      lessons: [lessonProgress('5.2', 'Push an image', 7, 7)],
    },
  },
];

const certificate: CertificateInput = {
  learnerName: '김도커',
  courseTitle: '도커 입문: 이미지부터 도커 허브까지',
  completedAt: new Date('2025-09-01T16:30:00Z'), // already 2 September in Seoul
  image: {
    reference: 'dockerkim/image-gallery:v1',
    digest: 'sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e79f0e',
  },
  serverName: '도커 스터디',
  code: 'DSB-7K3M-Q9XP',
  checkCommand: '</course certificate:1234567890123456789> code:DSB-7K3M-Q9XP',
};

export const certificateSamples: Sample<CertificateInput>[] = [
  { name: 'certificate-typical', locale: 'ko', input: certificate },
  {
    name: 'certificate-typical',
    locale: 'en',
    input: {
      ...certificate,
      learnerName: 'Jamie Park',
      courseTitle: 'Docker basics: from images to Docker Hub',
      serverName: 'Docker Study KR',
    },
  },
  {
    name: 'certificate-hostile',
    locale: 'ko',
    input: {
      learnerName: HOSTILE_NAME,
      courseTitle: `🐳 ${'아주 긴 과정 이름 '.repeat(40)}`,
      completedAt: new Date('2025-12-31T15:00:00Z'),
      image: {
        reference: `registry.example.com:5000/${'a'.repeat(30)}/${'image-gallery-'.repeat(12)}x:${'v'.repeat(120)}`,
        digest: `sha512:${'ab'.repeat(64)}`,
      },
      serverName: `\u202E${'서버 '.repeat(200)}`,
      code: `CODE-${'X'.repeat(200)}`,
      checkCommand: `/course certificate code:${'X'.repeat(300)}`,
    },
  },
];
