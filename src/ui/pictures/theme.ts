/**
 * Colours and spacing shared by every picture. Docker blue is the accent; text colours keep at
 * least 4.5:1 contrast on the white and pale backgrounds they are drawn on.
 */
export const colors = {
  background: '#ffffff',
  panel: '#f4f8fc',
  line: '#dfe7ef',
  ink: '#14212e',
  muted: '#566474',
  faint: '#7d8a98',
  accent: '#2496ed',
  /** Accent for text on white (Docker blue itself is too light for small text). */
  accentText: '#0a5fa8',
  accentSoft: '#e7f2fd',
  navy: '#0c2340',
  /** Light blue for small text on the navy band. */
  onNavyAccent: '#8ccaf7',
  track: '#e4ebf2',
  drop: '#e5484d',
  dropSoft: '#fdecec',
  dropText: '#b42318',
  success: '#178a4c',
  successSoft: '#e2f5ea',
  onAccent: '#ffffff',
} as const;

export type Color = string;

/** Pixels around the content of every picture. */
export const PAGE_PADDING = 56;
