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
  return (wanted) => {
    let id = wanted;
    for (let suffix = 2; seen.has(id); suffix += 1) id = `${wanted}-${suffix}`;
    seen.add(id);
    return id;
  };
}
