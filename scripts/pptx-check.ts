/**
 * `npm run pptx:check -- FILE.pptx... [--out DIR]`: opens each PowerPoint file in LibreOffice
 * Impress (headless), converts it to PDF and each page to a PNG to look at, and checks that the
 * PDF has a page per slide and every actor's label as text. Exit 1 on any problem.
 *
 * Needs `soffice` (Debian: `apt-get install libreoffice-impress`) and `pdftoppm` / `pdftotext`
 * (`apt-get install poppler-utils`); not part of `npm test`, which checks the files structurally.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { INFERRED_MARK } from '../src/model/vocabulary.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', default: 'pptx-check' } } });
if (positionals.length === 0) {
  console.error('Usage: npm run pptx:check -- FILE.pptx... [--out DIR]');
  process.exit(1);
}
for (const [tool, install] of [['soffice', 'libreoffice-impress'], ['pdftoppm', 'poppler-utils'], ['pdftotext', 'poppler-utils']]) {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
  } catch {
    console.error(`${tool} is not installed: sudo apt-get install ${install} (Debian/Ubuntu).`);
    process.exit(1);
  }
}

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const noSpace = (text: string) => text.replace(/\s+/g, '');

/** The label lines of every actor on each slide, from the shapes the writer names `actor …`. */
async function labels(file: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const slides = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return Promise.all(
    slides.map(async (name) => {
      const xml = await zip.file(name)!.async('string');
      return [...xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)]
        .filter(([shape]) => /<p:cNvPr id="\d+" name="actor /.test(shape))
        .flatMap(([shape]) => [...shape.matchAll(/<a:p>.*?<\/a:p>/gs)].map(([paragraph]) => [...paragraph.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1])).join('')));
    }),
  );
}

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
// a profile of its own, so that a LibreOffice already open elsewhere does not take the job
const profile = mkdtempSync(join(tmpdir(), 'pptx-check-'));
let problems = 0;
try {
  for (const file of positionals) {
    const name = basename(file).replace(/\.pptx$/i, '');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore' });
    const pdf = join(out, `${name}.pdf`);
    execFileSync('pdftoppm', ['-r', '96', '-png', pdf, join(out, name)]);
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    const expected = await labels(file);
    const missing: string[] = [];
    if (pages.length !== expected.length) missing.push(`${pages.length} pages for ${expected.length} slides`);
    expected.forEach((slide, i) => {
      // every label line's characters in the page's text, in order; the mark of an inferred relation under a label may join its line
      const page = noSpace(pages[i] ?? '').replaceAll(INFERRED_MARK, '');
      for (const label of slide) if (!page.includes(noSpace(label))) missing.push(`slide ${i + 1}: "${label}" not found in the page's text`);
    });
    problems += missing.length;
    console.log(`${file}: ${expected.length} slides, ${expected.flat().length} label lines; PDF and PNGs in ${out}/${name}*`);
    for (const line of missing) console.log(`  ${line}`);
  }
} finally {
  rmSync(profile, { recursive: true, force: true });
}
if (problems) {
  console.error(`${problems} problems`);
  process.exit(1);
}
console.log('LibreOffice rendered every slide with every label. Now look at the PNGs: labels legible, Chinese drawn, arrows pointing the right way.');
