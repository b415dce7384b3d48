/**
 * The course's words, one per idea, in Korean and English, with the Korean words not to use for
 * it (README.md in this folder explains the choice). The catalogue tests read this list; command
 * localizations follow it too.
 */
export interface GlossaryTerm {
  ko: string;
  en: string;
  /** What the word means here. */
  meaning: string;
  /** Korean words a writer might reach for instead; none may appear in Korean text. */
  avoid: readonly string[];
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { ko: '레슨', en: 'lesson', meaning: 'one Markdown file of the course, e.g. 5.2', avoid: ['강의', '강좌'] },
  { ko: '단계', en: 'step', meaning: 'a `### Step N` part of a lesson', avoid: ['스텝'] },
  { ko: '리포지토리', en: 'repository', meaning: 'a Docker Hub repository', avoid: ['저장소', '레포'] },
  { ko: '태그', en: 'tag', meaning: 'an image tag such as v1', avoid: [] },
  {
    ko: '도커 ID',
    en: 'Docker ID',
    meaning: 'a Docker Hub account name',
    avoid: ['도커 아이디', '도커아이디', '도커ID'],
  },
  {
    ko: '스터디 그룹',
    en: 'study group',
    meaning: 'a channel registered for a group',
    avoid: ['스터디그룹', '스터디 모임'],
  },
  {
    ko: '강사',
    en: 'instructor',
    meaning: 'a member with Manage Server or an instructor role',
    avoid: ['선생님', '튜터'],
  },
  { ko: '학습자', en: 'learner', meaning: 'anyone taking the course', avoid: ['수강생', '학생'] },
  {
    ko: '인증',
    en: 'verification (/verify)',
    meaning: 'Docker Hub confirming the pushed image',
    avoid: ['검증'],
  },
  { ko: '점수', en: 'points', meaning: 'what steps, quiz answers and /verify earn', avoid: ['포인트'] },
  { ko: '퀴즈', en: 'quiz', meaning: 'a lesson’s set of questions, answered with /quiz', avoid: ['시험'] },
  {
    ko: '연습 문제',
    en: 'practice questions',
    meaning: 'the questions of a quiz (the lesson’s section)',
    avoid: ['연습문제'],
  },
];
