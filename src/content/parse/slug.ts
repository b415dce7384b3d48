/**
 * A stable id from a section title: emoji and punctuation dropped, words joined by "-",
 * letters of any script kept ("🏷️ 핵심 개념과 주요 명령어 정리" → "핵심-개념과-주요-명령어-정리").
 */
export function slugify(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Makes ids unique within a lesson by numbering repeats: "notes", "notes-2", … */
export function uniqueIds(): (wanted: string) => string {
  const seen = new Set<string>();
  // Where numbering resumes for each wanted id, so n repeats cost n lookups, not n².
  const nextSuffix = new Map<string, number>();
  return (wanted) => {
    let id = wanted;
    let suffix = nextSuffix.get(wanted) ?? 2;
    while (seen.has(id)) {
      id = `${wanted}-${suffix}`;
      suffix += 1;
    }
    if (id !== wanted) nextSuffix.set(wanted, suffix);
    seen.add(id);
    return id;
  };
}
