import type { LessonCheck } from '../../content/model.js';
import type { Translate } from '../../i18n/index.js';
import { MAX_INDEX_ENTRIES } from '../../registry/base-image.js';
import { DOCKER_ID_PATTERN, type NameProblem } from '../../registry/names.js';
import type { LookupReport } from '../../services/verification/image-lookup.js';
import { PROOF_TAG_PREFIX } from '../../services/verification/ownership-proof.js';

export interface LookupGuide {
  /** From the lesson's check in data/course.yaml: which step fixes which failure. */
  fixSteps: LessonCheck['fixSteps'];
  /** Lesson-specific words from course.yaml: where the build is taught, and its command. */
  buildHint?: string | null;
  buildCommand?: string | null;
  /** How a step id is shown ("Step 3: 이미지에 올바른 참조 부여하기"); defaults to the id. */
  stepTitle?: (stepId: string) => string;
}

/** Text parts of a /verify answer; the renderer decides layout (code block for commands, buttons for steps). */
export interface LookupDescription {
  title: string;
  /** What was found, one line each. */
  found: string[];
  /** What to do next, one paragraph each. */
  fix: string[];
  /** Exact commands with the learner's Docker ID filled in. */
  commands: string[];
  /** Lesson steps that fix the problem, most likely first. */
  fixStepIds: string[];
}

/**
 * Turns a lookup report into words. Pure: the same report and locale always give the same
 * text. Raw learner input is never echoed; only checked names and suggestions are.
 */
export function describeLookup(
  report: LookupReport,
  t: Translate,
  dockerId: string,
  guide: LookupGuide,
): LookupDescription {
  const id =
    report.image?.namespace ??
    (DOCKER_ID_PATTERN.test(dockerId) ? dockerId : t('verify.dockerIdPlaceholder'));
  const repository = report.image?.repository ?? '';
  const tag = report.image?.tag ?? '';
  const target = `${id}/${repository}:${tag}`;
  const base = report.details.baseImage ?? '';
  const step = (stepId: string) => t('verify.step', { step: guide.stepTitle?.(stepId) ?? stepId });
  const { fixSteps } = guide;
  const tagCommand = `docker image tag ${repository} ${target}`;
  const pushCommand = `docker image push ${target}`;
  const buildCommands = guide.buildCommand ? [guide.buildCommand] : [];
  const buildHint = guide.buildHint ? [t('verify.fix.buildHint', { hint: guide.buildHint })] : [];
  const buildSteps = fixSteps.build ? [fixSteps.build] : [];
  const title = t.loose({ key: `verify.title.${report.outcome}`, params: { tag, base } });
  const found = foundLines(report, t);
  const parts = (fix: string[], commands: string[], fixStepIds: string[]): LookupDescription => ({
    title,
    found,
    fix,
    commands,
    fixStepIds,
  });
  // Both rebuild failures ask for the same fix: build (when the course says how), tag, push.
  const rebuild = (explanation: string) =>
    parts(
      [explanation, ...buildHint],
      [...buildCommands, tagCommand, pushCommand],
      [...buildSteps, fixSteps.tag, fixSteps.push],
    );

  switch (report.outcome) {
    case 'found':
      return parts([t('verify.fix.found')], [], []);
    case 'tag-missing':
      return parts(
        [
          t('verify.fix.tag-missing', {
            image: `${id}/${repository}`,
            tag,
            tagStep: step(fixSteps.tag),
            pushStep: step(fixSteps.push),
          }),
        ],
        [tagCommand, pushCommand],
        [fixSteps.tag, fixSteps.push],
      );
    case 'repository-missing-or-private':
      return parts(
        [
          t('verify.fix.missing-or-private.intro'),
          t('verify.fix.missing-or-private.push', { pushStep: step(fixSteps.push) }),
          t('verify.fix.missing-or-private.public', { publishStep: step(fixSteps.publish), repository }),
          t('verify.fix.missing-or-private.spelling', { dockerId: id }),
        ],
        [pushCommand],
        [fixSteps.push, fixSteps.publish],
      );
    case 'not-built-from-base':
      return rebuild(
        t('verify.fix.not-built-from-base', {
          base,
          tagStep: step(fixSteps.tag),
          pushStep: step(fixSteps.push),
        }),
      );
    case 'no-own-layer':
      return rebuild(
        t('verify.fix.no-own-layer', {
          repository,
          base,
          tagStep: step(fixSteps.tag),
          pushStep: step(fixSteps.push),
        }),
      );
    case 'base-image-refused':
      return parts(
        [t('verify.fix.base-image-refused', { namespace: id, base })],
        [],
        [fixSteps.tag, fixSteps.push],
      );
    case 'proof-tag-missing':
    case 'proof-tag-mismatch': {
      const proofTag = report.details.proofTag ?? '';
      const proofTarget = `${id}/${repository}:${proofTag}`;
      const first =
        report.outcome === 'proof-tag-missing'
          ? [
              t('verify.fix.proof.why', { dockerId: id, code: proofTag.slice(PROOF_TAG_PREFIX.length) }),
              t('verify.fix.proof.how'),
            ]
          : [t('verify.fix.proof.mismatch', { tag })];
      return parts(
        [...first, t('verify.fix.proof.idea', { tag }), t('verify.fix.proof.next')],
        [`docker image tag ${target} ${proofTarget}`, `docker image push ${proofTarget}`],
        [fixSteps.tag, fixSteps.push],
      );
    }
    case 'in-progress':
      return parts([t('verify.fix.in-progress')], [], []);
    case 'platform-not-found': {
      const platform = report.details.basePlatforms?.[0] ?? 'linux/amd64';
      return parts(
        [
          t('verify.fix.platform-not-found', {
            base,
            platform,
            tagStep: step(fixSteps.tag),
            pushStep: step(fixSteps.push),
          }),
          ...buildHint,
        ],
        [...buildCommands.map((command) => withPlatform(command, platform)), tagCommand, pushCommand],
        [...buildSteps, fixSteps.tag, fixSteps.push],
      );
    }
    case 'rate-limited':
      return parts(
        [t('verify.fix.rate-limited', { seconds: report.details.retryAfterSeconds ?? 60 })],
        [],
        [],
      );
    case 'hub-down':
    case 'busy':
      return parts(
        [t(`verify.fix.${report.outcome}`, { seconds: report.details.retryAfterSeconds ?? 30 })],
        [],
        [],
      );
    case 'interrupted':
      return parts([t('error.shuttingDown')], [], []);
    case 'cooldown':
      return parts([t('verify.fix.cooldown', { seconds: report.details.cooldownSeconds ?? 1 })], [], []);
    case 'unavailable':
      return parts(
        [
          t('verify.fix.unavailable', {
            reason: t(`verify.reason.${report.details.unavailableReason ?? 'bad-response'}`),
          }),
        ],
        [],
        [],
      );
    case 'auth-realm-refused':
      return parts(
        [t('verify.fix.auth-realm-refused', { realmHost: report.details.realmHost ?? '?' })],
        [],
        [],
      );
    case 'configuration-error':
      return parts([t('verify.fix.configuration-error', { base })], [], []);
    case 'invalid-input':
      return parts(
        [t('verify.fix.invalid-input'), ...(report.details.problems ?? []).map((p) => problemText(p, t))],
        [],
        [],
      );
  }
}

/** One refused field: which field, why, the rule with an example, and a suggestion when we have one. */
export function problemText(problem: NameProblem, t: Translate): string {
  const line = t('verify.problem', {
    field: t(`verify.field.${problem.field}`),
    hint: t(`verify.hint.${problem.hint}`),
    rule: t(`verify.rule.${problem.code}`),
  });
  return problem.suggestion ? `${line} ${t('verify.suggestion', { suggestion: problem.suggestion })}` : line;
}

function foundLines(report: LookupReport, t: Translate): string[] {
  const lines: string[] = [];
  if (!report.image || !report.digest) return lines;
  lines.push(t('verify.found.image', { image: `${report.image.name}:${report.image.tag}` }));
  lines.push(t('verify.found.digest', { digest: report.digest }));
  if (report.platform) lines.push(t('verify.found.platform', { platform: report.platform }));
  const { details, enrichment } = report;
  const passedBaseCheck = ['found', 'proof-tag-missing', 'proof-tag-mismatch'].includes(report.outcome);
  if (passedBaseCheck && details.baseImage) lines.push(t('verify.found.base', { base: details.baseImage }));
  lines.push(...proofLines(report, t));
  const list = (items: string[]) => items.map((item) => `\`${item}\``).join(', ');
  const base = details.baseImage ?? '';
  const comparedLayers = report.outcome === 'not-built-from-base' || report.outcome === 'no-own-layer';
  if (comparedLayers && details.checkedPlatforms) {
    // A single image (no index) names no platform: it was compared as it is.
    lines.push(
      details.checkedPlatforms.length > 0
        ? t('verify.found.checkedPlatforms', { platforms: list(details.checkedPlatforms) })
        : t('verify.found.comparedSingle', { base }),
    );
  }
  if (report.outcome === 'platform-not-found') {
    const learner = details.learnerPlatforms ?? [];
    const ofBase = details.basePlatforms ?? [];
    lines.push(
      learner.length > 0
        ? t('verify.found.learnerPlatforms', { platforms: list(learner) })
        : t('verify.found.learnerNoPlatforms'),
    );
    lines.push(
      ofBase.length > 0
        ? t('verify.found.basePlatforms', { base, platforms: list(ofBase) })
        : t('verify.found.baseNoPlatforms', { base }),
    );
  }
  if (details.skippedEntries) {
    lines.push(t('verify.found.skippedEntries', { count: details.skippedEntries, max: MAX_INDEX_ENTRIES }));
  }
  if (enrichment?.lastPushed)
    lines.push(t('verify.found.pushedAt', { pushedAt: formatUtc(enrichment.lastPushed) }));
  if (enrichment?.fullSizeBytes !== undefined) {
    lines.push(t('verify.found.size', { size: `${(enrichment.fullSizeBytes / 1_000_000).toFixed(1)} MB` }));
  }
  if (enrichment?.platforms.length)
    lines.push(t('verify.found.platforms', { platforms: enrichment.platforms.join(', ') }));
  return lines;
}

/** What the ownership proof tag showed, when one was asked for. */
function proofLines(report: LookupReport, t: Translate): string[] {
  const { proofTag, proofDigest } = report.details;
  if (!proofTag) return [];
  switch (report.outcome) {
    case 'found':
      return [t('verify.found.proven', { proofTag })];
    case 'proof-tag-missing':
      return [t('verify.found.proofMissing', { proofTag })];
    case 'proof-tag-mismatch':
      return [t('verify.found.proofDigest', { proofTag, digest: proofDigest ?? '' })];
    default:
      return [];
  }
}

/** `2025-08-27 09:15 UTC`; an unparsable date is left out rather than shown wrong. */
function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '-';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The course's build command for one platform: `docker image build --platform linux/amd64 …`. */
function withPlatform(command: string, platform: string): string {
  const build = /^(docker(?: image)? build)(?= )/.exec(command);
  return build ? `${build[1]} --platform ${platform}${command.slice(build[1]!.length)}` : command;
}
