import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePictureFonts, PICTURE_FONT_FAMILY, pictureFont } from '../../../src/ui/pictures/fonts.js';
import { Sketch } from '../../../src/ui/pictures/sketch.js';
import { glyphProblems } from './support/png.js';

const LABEL = '단계별 완료 현황';
const STYLE = { size: 40, weight: 'bold' } as const;

/** The label drawn the way every picture draws text, and the box where its glyphs should be. */
function drawnLabel(text = LABEL) {
  const sketch = new Sketch(520, 90);
  const box = sketch.text(text, 20, 62, STYLE);
  return { png: PNG.sync.read(sketch.finish('', {}).png), box };
}

/** A label drawn straight on a canvas with another font string (what a missing font looks like). */
function labelInFont(font: string, text: string) {
  const canvas = createCanvas(520, 90);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 520, 90);
  ctx.fillStyle = '#14212e';
  ctx.font = font;
  ctx.fillText(text, 20, 62);
  const metrics = ctx.measureText(text);
  const box = {
    x: 20 - metrics.actualBoundingBoxLeft,
    y: 62 - metrics.actualBoundingBoxAscent,
    width: metrics.actualBoundingBoxLeft + metrics.actualBoundingBoxRight,
    height: metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent,
  };
  return { png: PNG.sync.read(canvas.encodeSync('png')), box };
}

/** True when this machine has a system font that could draw Hangul in place of ours. */
const systemHasHangul = GlobalFonts.families.some(({ family }) =>
  /cjk|korean|\bkr\b|nanum|malgun|apple sd|unifont|baekmuk|un ?dotum/i.test(family),
);

describe('picture fonts', () => {
  it('registers every Pretendard weight under our own family name', () => {
    ensurePictureFonts();
    const family = GlobalFonts.families.find((entry) => entry.family === PICTURE_FONT_FAMILY);
    expect(family?.styles.map((style) => style.weight).sort()).toEqual([400, 500, 600, 700, 800]);
  });

  it('draws Korean with real glyphs where the font says they are', () => {
    const { png, box } = drawnLabel();
    expect(box.width).toBeGreaterThan(200);
    expect(glyphProblems(png, box, LABEL, STYLE)).toEqual([]);
  });

  it('the check fails for "no glyph" boxes (characters no font has)', () => {
    const missing = '\u0378\u0379\u0380 \u0381\u0382 \u0383\u0384';
    const { png, box } = labelInFont(pictureFont('bold', 40), missing);
    expect(glyphProblems(png, box, missing, STYLE).join()).toMatch(/look alike/);
  });

  it.skipIf(systemHasHangul)('the check fails for Korean drawn without our font (system fallback)', () => {
    const expected = drawnLabel().box;
    const fallback = labelInFont('700 40px "No Such Font"', LABEL);
    // Where our glyphs should be, the fallback leaves the last cells empty…
    expect(glyphProblems(fallback.png, expected, LABEL, STYLE).join()).toMatch(/no ink/);
    // …and where the fallback did draw, its boxes all look alike.
    expect(glyphProblems(fallback.png, fallback.box, LABEL, STYLE).join()).toMatch(/look alike/);
  });
});

describe('from a compiled build run by plain node', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const work = mkdtempSync(join(tmpdir(), 'pictures-dist-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Transpiles src/ to JavaScript the way a build would, keeping the folder layout. */
  function build(dir: string, out: string): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const from = join(dir, entry.name);
      if (entry.isDirectory()) build(from, out);
      else if (entry.name.endsWith('.ts')) {
        const target = join(out, relative(join(root, 'src'), from)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(target), { recursive: true });
        const { outputText } = ts.transpileModule(readFileSync(from, 'utf8'), {
          compilerOptions: {
            module: ts.ModuleKind.ESNext,
            target: ts.ScriptTarget.ES2022,
            verbatimModuleSyntax: true,
          },
        });
        writeFileSync(target, outputText);
      }
    }
  }

  it('finds the font files from the module location, whatever the working directory', () => {
    const dist = join(work, 'app', 'dist');
    build(join(root, 'src'), dist);
    writeFileSync(join(work, 'app', 'package.json'), '{ "type": "module" }');
    symlinkSync(join(root, 'node_modules'), join(work, 'app', 'node_modules'), 'dir');
    const script = `
      import { writeFileSync } from 'node:fs';
      import { translator } from ${JSON.stringify(join(dist, 'i18n/index.js'))};
      import { renderFunnelPicture } from ${JSON.stringify(join(dist, 'ui/pictures/index.js'))};
      const picture = renderFunnelPicture(
        { lesson: { id: '5.2', title: '도커 허브에 푸시하기' }, scope: { kind: 'server' }, opened: 3, steps: [{ title: '로그인', learners: 2 }] },
        { t: translator('ko'), locale: 'ko' },
      );
      writeFileSync('funnel.png', picture.png);
      console.log(JSON.stringify(picture.boxes.eyebrow));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: work,
      encoding: 'utf8',
    });
    const eyebrow = JSON.parse(output);
    const png = PNG.sync.read(readFileSync(join(work, 'funnel.png')));
    expect(glyphProblems(png, eyebrow, LABEL, { size: 22, weight: 'semibold' })).toEqual([]);
  });
});
