import type { Yaml } from 'mdast';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { ProblemList } from '../errors.js';
import type { LessonMeta } from '../model.js';
import { issueText, yamlErrorText } from './issue-text.js';
import { lineOf } from './markdown.js';

const frontMatterSchema = z.object({
  title: z.string().trim().min(1).max(200),
  authorNick: z.string().trim().min(1).max(100),
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'content.issue.date'),
  updateMode: z.enum(['upsert', 'insert']).default('upsert'),
});

/**
 * Reads the YAML front matter. The `yaml` package follows YAML 1.2, so `createdAt: 2025-08-27`
 * stays the string the author wrote. Each bad field is reported on its own line.
 */
export function readFrontMatter(
  node: Yaml | undefined,
  file: string,
  problems: ProblemList,
): LessonMeta | null {
  if (!node) {
    problems.add(file, 1, 'content.error.frontMatterMissing');
    return null;
  }
  // The YAML text starts on the line after the opening `---`.
  const firstLine = lineOf(node) + 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(node.value, { lineCounter, prettyErrors: false });
  const yamlError = document.errors[0];
  if (yamlError) {
    const position = lineCounter.linePos(yamlError.pos[0]);
    problems.add(file, firstLine + position.line - 1, 'content.error.frontMatterYaml', {
      detail: yamlErrorText(yamlError.code, position.col),
    });
    return null;
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // yaml refuses alias bombs and similar while building values: that is a YAML problem too.
    problems.add(file, firstLine, 'content.error.frontMatterYaml', {
      detail: yamlErrorText((error as { code?: string }).code ?? 'RESOURCE_EXHAUSTION', 1),
    });
    return null;
  }
  const parsed = frontMatterSchema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') || 'title';
    const valueNode = document.getIn(issue.path, true);
    const offset = isNode(valueNode) && valueNode.range ? valueNode.range[0] : null;
    const line = offset === null ? lineOf(node) : firstLine + lineCounter.linePos(offset).line - 1;
    problems.add(file, line, 'content.error.frontMatterField', { field, detail: issueText(issue, value) });
  }
  return null;
}
