/**
 * Colours and spacing shared by every picture. Docker blue is the accent; text colours keep at
 * least 4.5:1 contrast on the backgrounds they are drawn on (large text on Docker blue: 3:1).
 */
export const colors = {
  background: '#ffffff',
  panel: '#f4f8fc',
  line: '#dfe7ef',
  ink: '#14212e',
  muted: '#566474',
  faint: '#66727f',
  accent: '#2496ed',
  /** Accent for text on white (Docker blue itself is too light for small text). */
  accentText: '#0a5fa8',
  accentSoft: '#e7f2fd',
  /** Docker blue deepened just enough for small white text on it (4.6:1). */
  accentStrong: '#1a78c2',
  navy: '#0c2340',
  /** Light blue for small text on the navy band. */
  onNavyAccent: '#8ccaf7',
  track: '#e4ebf2',
  /** Red of the biggest drop; white text on it reads (4.9:1). */
  drop: '#d13438',
  dropSoft: '#fdecec',
  dropText: '#b42318',
  success: '#127a43',
  successSoft: '#e2f5ea',
  onAccent: '#ffffff',
} as const;

export type Color = string;

/** Pixels around the content of every picture. */
export const PAGE_PADDING = 56;
