/** Pictures the bot attaches: the /stats funnel, the /progress card, the completion certificate. */
export {
  type CertificateInput,
  type CertificatePart,
  certificateLayout,
  renderCertificate,
} from './certificate.js';
export type { PictureContext, PictureScope } from './context.js';
export { commandAsTyped, DEFAULT_TIME_ZONE, formatDate, isTimeZone, shortDigest } from './format.js';
export {
  biggestDrop,
  type FunnelDrop,
  type FunnelPart,
  type FunnelPictureInput,
  type FunnelPictureStep,
  funnelLayout,
  renderFunnelPicture,
} from './funnel-picture.js';
export {
  type ProgressCardInput,
  type ProgressCardLesson,
  type ProgressCardPart,
  progressCardLayout,
  renderProgressCard,
} from './progress-card.js';
export type { Box, Picture } from './sketch.js';
