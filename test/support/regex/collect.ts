import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One regular expression written in the project's source, with where it is. */
export interface SourceRegex {
  /** `file:line`, relative to the project root. */
  where: string;
  /** The pattern's source (what sits between the slashes); null when it is not a literal. */
  source: string | null;
  flags: string;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(full);
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function literalText(node: ts.Expression | undefined): string | null {
  if (node === undefined) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

/** `RegExp(…)` or `new RegExp(…)`, by the callee's name. */
function isRegExpConstructor(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return false;
  return ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
}

/** Every regex literal and every `RegExp(…)` construction in one file's syntax tree. */
export function regexesInSource(fileName: string, text: string): SourceRegex[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: SourceRegex[] = [];
  const where = (node: ts.Node) =>
    `${fileName}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = (node as ts.RegularExpressionLiteral).text;
      const lastSlash = literal.lastIndexOf('/');
      found.push({
        where: where(node),
        source: literal.slice(1, lastSlash),
        flags: literal.slice(lastSlash + 1),
      });
    } else if (isRegExpConstructor(node)) {
      const [sourceArg, flagsArg] = node.arguments ?? [];
      found.push({ where: where(node), source: literalText(sourceArg), flags: literalText(flagsArg) ?? '' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Every regular expression under the given folders (relative to `root`). */
export function collectRegexes(root: string, folders: readonly string[]): SourceRegex[] {
  return folders.flatMap((folder) =>
    typeScriptFiles(path.join(root, folder)).flatMap((file) =>
      regexesInSource(path.relative(root, file), readFileSync(file, 'utf8')),
    ),
  );
}
