import type { Translate } from '../../i18n/index.js';
import type { CatalogEntry } from '../../services/catalog.js';
import type { CertificateCheck } from '../../services/certificates.js';
import type { CourseCompletion, LearnerRank, LessonSummary, StoredCertificate } from '../../store/index.js';
import { ACCENT, container, gallery, text } from '../components.js';
import { escapeUserText } from '../escape.js';
import { fileNamePart } from '../file-names.js';
import { componentsMessage, type Message, noticeMessage } from '../message.js';
import { formatDate } from '../pictures/format.js';
import {
  type Picture,
  type PictureContext,
  renderCertificate,
  renderProgressCard,
} from '../pictures/index.js';

/** One picture in a container, with the text around it; the picture's description is its alt text. */
function pictureMessage(
  accent: number,
  fileName: string,
  picture: Picture,
  before: string[],
  after: string[],
) {
  return componentsMessage(
    [container(accent, [...before.map(text), gallery(fileName, picture.description), ...after.map(text)])],
    [{ name: fileName, data: picture.png, contentType: 'image/png' }],
  );
}

export interface ProgressCardView {
  userId: string;
  displayName: string;
  serverName?: string | undefined;
  entries: readonly CatalogEntry[];
  summaries: readonly LessonSummary[];
  rank: LearnerRank | null;
}

/** `/progress card:true`: the learner's progress as a card, every lesson of the course on it. */
export function renderProgressCardMessage(view: ProgressCardView, context: PictureContext): Message {
  const byLesson = new Map(view.summaries.map((summary) => [summary.lessonId, summary]));
  const lessons = view.entries.map(({ lesson }) => {
    const summary = byLesson.get(lesson.id);
    return {
      lessonId: lesson.id,
      title: lesson.title,
      stepsDone: summary?.stepsDone ?? 0,
      stepsTotal: summary?.stepsTotal ?? lesson.steps.length,
      quizCorrect: summary?.quizCorrect ?? 0,
      quizTotal: summary?.quizTotal ?? lesson.quiz.length,
      verified: summary?.verified ?? false,
      completed: summary?.completed ?? false,
      points: summary?.points ?? 0,
    };
  });
  const picture = renderProgressCard(
    {
      displayName: view.displayName,
      ...(view.serverName ? { serverName: view.serverName } : {}),
      lessons,
      points: view.rank?.points ?? 0,
      rank: view.rank ? { rank: view.rank.rank, outOf: view.rank.outOf } : null,
    },
    context,
  );
  return pictureMessage(
    ACCENT.lesson,
    `progress-${fileNamePart(view.userId, 'learner')}.png`,
    picture,
    [],
    [context.t('card.footer')],
  );
}

export interface CertificateView {
  certificate: StoredCertificate;
  learnerName: string;
  serverName: string;
  /** How an instructor checks it, as the reader's client shows the command (`/course certificate`). */
  checkCommand: string;
}

/** The learner's certificate: the picture, its code in text, and how instructors check it. */
export function renderCertificateMessage(view: CertificateView, context: PictureContext): Message {
  const { t } = context;
  const { certificate } = view;
  const picture = renderCertificate(
    {
      learnerName: view.learnerName,
      courseTitle: t('certificate.courseTitle'),
      completedAt: new Date(certificate.completedAt),
      image: certificate.image,
      serverName: view.serverName,
      code: certificate.code,
      checkCommand: `${view.checkCommand}${certificate.code}`,
    },
    context,
  );
  return pictureMessage(
    ACCENT.correct,
    `certificate-${fileNamePart(certificate.code, 'code')}.png`,
    picture,
    [t('certificate.header'), t('certificate.body', { code: certificate.code })],
    [t('certificate.howToCheck', { command: `\`${view.checkCommand}${certificate.code}\`` })],
  );
}

/** Why there is no certificate yet. */
export function renderCertificateRefusal(
  refusal: { kind: 'not-complete'; completion: CourseCompletion } | { kind: 'no-image' },
  t: Translate,
): Message {
  if (refusal.kind === 'no-image') return noticeMessage(t('certificate.noImage'));
  return noticeMessage(
    t('certificate.notComplete', {
      done: refusal.completion.lessonsDone,
      total: refusal.completion.lessonsInCourse,
    }),
  );
}

/** `/course certificate code:`: whose certificate it is, or that the code is not valid here. */
export function renderCertificateCheck(
  check: CertificateCheck,
  typed: string,
  context: PictureContext,
): Message {
  const { t } = context;
  if (check.kind === 'malformed') return noticeMessage(t('certificate.check.malformed'));
  if (check.kind === 'unknown') {
    return noticeMessage(
      `${t('certificate.check.unknown', { code: escapeUserText(typed, { max: 40, inCode: true }) })}\n${t('certificate.check.sameServerOnly')}`,
    );
  }
  const { certificate } = check;
  return componentsMessage([
    container(ACCENT.correct, [
      text(
        t('certificate.check.valid', {
          user: `<@${certificate.userId}>`,
          date: formatDate(new Date(certificate.completedAt), context.locale, context.timeZone),
          image: escapeUserText(certificate.image.reference, { max: 200, inCode: true }),
          digest: escapeUserText(certificate.image.digest, { max: 100, inCode: true }),
          code: certificate.code,
        }),
      ),
    ]),
  ]);
}
