import axe from 'axe-core';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/app/governance-app.js';
import type { GovernanceApp } from '../../src/app/governance-app.js';
import { MyModels } from '../../src/app/my-models.js';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import type { Graph } from '../../src/model/types.js';
import { validateGraph } from '../../src/model/validate.js';
import { cyOf, dataUrl, nextEvent } from './helpers.js';

afterEach(async () => {
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname + location.search);
  const store = new MyModels();
  for (const model of await store.list()) await store.remove(model.id);
});

const template = async (name: string) => (await fetch(`/templates/${name}`)).text();

/** The template's sheets: actors and relations, and the sectors and relation kinds they use. */
const templateSheets = async () => Promise.all(['actors.csv', 'relations.csv', 'sectors.csv', 'relation-kinds.csv'].map(async (name) => new File([await template(name)], name)));

/** The template's sheets as Excel saves them on Windows with a European locale: BOM, CRLF, semicolons. */
async function excelSheets(): Promise<File[]> {
  const excel = async (name: string) => {
    const rows = Papa.parse<string[]>(await template(name), { skipEmptyLines: true }).data;
    return new File([`\uFEFF${Papa.unparse(rows, { delimiter: ';', newline: '\r\n' })}\r\n`], name);
  };
  return [await excel('relations.csv'), await excel('actors.csv'), await excel('relation-kinds.csv'), await excel('sectors.csv')];
}

/** Opens the app with a URL hash and waits for its graph. */
async function openApp(hash = '') {
  history.replaceState(null, '', hash || location.pathname + location.search);
  const app = document.createElement('governance-app') as GovernanceApp;
  const ready = nextEvent(app, 'graph-ready');
  document.body.append(app);
  await ready;
  return app;
}

const graphOf = (app: GovernanceApp) => app.shadowRoot!.querySelector('governance-graph') as GovernanceGraph;
const buttonNamed = (app: GovernanceApp, text: string) => [...app.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(text))!;

/** Chooses an item of the File menu. */
async function fileMenu(app: GovernanceApp, item: string): Promise<void> {
  await userEvent.click(app.shadowRoot!.querySelector<HTMLElement>('.menu summary')!);
  await userEvent.click(buttonNamed(app, item));
  expect(app.shadowRoot!.querySelector('details.menu')!.hasAttribute('open')).toBe(false);
}

/** Picks files in the Open… dialog, as a user would. */
async function pick(app: GovernanceApp, files: File[]): Promise<void> {
  const input = app.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Drops files on the page. */
function drop(app: GovernanceApp, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  app.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  app.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
}

/** Captures downloads the app starts, with their content. */
async function captureDownloads(action: () => Promise<void>): Promise<{ name: string; text: string }[]> {
  const downloads: { name: string; text: string }[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    const name = this.download;
    void fetch(this.href)
      .then((r) => r.text())
      .then((text) => downloads.push({ name, text }));
  };
  try {
    await action();
    await expect.poll(() => downloads.length).toBeGreaterThan(0);
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return downloads;
}

describe('making your own model in the app', () => {
  it('opens the template sheets saved by Excel (BOM, CRLF, semicolons), draws them, traces, and keeps them across a reload', async () => {
    const app = await openApp('#lang=en');
    const drawn = nextEvent<{ id: string; nodes: number }>(app, 'graph-ready');
    await pick(app, await excelSheets());
    expect((await drawn).detail).toMatchObject({ id: 'my-model', nodes: 9 });
    expect(new URLSearchParams(location.hash.slice(1)).get('model')).toBe('my:my-model');
    const group = app.shadowRoot!.querySelector('optgroup')!;
    expect(group.label).toBe('My models');
    expect(group.querySelector('option')!.selected).toBe(true);

    // trace a chain: the townships answer to the headquarters, which the county government set up
    const graph = graphOf(app);
    const cy = cyOf(graph)!;
    const { x, y } = cy.getElementById('township-gov').renderedPosition();
    await userEvent.click(graph.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    expect(cy.getElementById('flood-hq').hasClass('upstream')).toBe(true);
    expect(cy.getElementById('county-party').hasClass('upstream')).toBe(true);

    // reload: a new page on the same link still has the model
    app.remove();
    const again = await openApp(location.hash);
    expect(graphOf(again).graph!.id).toBe('my-model');
    expect(cyOf(graphOf(again))!.getElementById('township-gov').hasClass('traced')).toBe(true);
  });

  it('opens dropped sheets with their views and steps, and a dropped model JSON', async () => {
    const app = await openApp('#lang=en');
    const drawn = nextEvent(app, 'graph-ready');
    drop(app, await Promise.all(['actors.csv', 'relations.csv', 'views.csv', 'steps.csv', 'sectors.csv', 'relation-kinds.csv'].map(async (name) => new File([await template(name)], `county-${name}`))));
    await drawn;
    expect(graphOf(app).graph!.id).toBe('county');
    // the model's first view is shown, and the view menu lists it
    expect(graphOf(app).view).toBe('command');
    const json: Graph = { ...graphOf(app).graph!, id: 'from-json', title: { zh: 'JSON 模型', en: 'JSON model' } };
    const second = nextEvent<{ id: string }>(app, 'graph-ready');
    drop(app, [new File([JSON.stringify(json)], 'model.json')]);
    expect((await second).detail.id).toBe('from-json');
    expect([...app.shadowRoot!.querySelectorAll('optgroup option')].map((o) => o.textContent!.trim())).toEqual(['county', 'JSON model']);
  });

  it('checks the quotes against an attached source text, relation by relation, in their sentences', async () => {
    const app = await openApp('#lang=en');
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, await templateSheets());
    await drawn;
    // the text as the author has it, with one sentence reworded since the sheet was made
    const text = (await template('source.txt')).replace('县人民政府引导保险机构开展巨灾保险', '县人民政府鼓励保险机构开展巨灾保险');
    // attaching the text draws nothing again: a trace stays
    const graphBefore = graphOf(app).graph;
    await pick(app, [new File([text], 'plan.txt')]);
    await expect.poll(() => app.shadowRoot!.querySelector('.citations')).not.toBeNull();
    const report = app.shadowRoot!.querySelector('.citations')!;
    expect(graphOf(app).graph).toBe(graphBefore);
    expect(report.querySelector('summary')!.textContent!.replace(/\s+/g, ' ')).toContain('Source text plan.txt: 7 / 8 relations and 8 / 9 actors with every quote found in the text');
    const missing = report.querySelectorAll('[data-status="missing"]');
    expect([...missing].map((item) => item.getAttribute('data-relation') ?? item.getAttribute('data-actor'))).toEqual(['county-gov-guides-insurers', 'insurers']);
    for (const item of missing) expect(item.textContent).toContain('not found in the text');
    expect(report.querySelectorAll('[data-actor][data-status="found"]')).toHaveLength(8);
    const leads = report.querySelector('[data-relation="county-party-leads-county-gov"] mark')!;
    expect(leads.textContent).toBe('在县委统一领导下,县人民政府负责全县防汛工作');
    expect(leads.parentElement!.textContent).toContain('。');

    // the panel of the county government marks each of its relations, and shows each quote in its sentence
    const graph = graphOf(app);
    history.replaceState(null, '', `${location.hash}&trace=county-gov`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await expect.poll(() => graph.shadowRoot!.querySelector('governance-actor-panel')).not.toBeNull();
    const panel = graph.shadowRoot!.querySelector('governance-actor-panel')!;
    await panel.updateComplete;
    const items = [...panel.shadowRoot!.querySelectorAll('li')].filter((li) => li.querySelector('button.actor'));
    const item = (name: string) => items.find((li) => li.querySelector('button.actor')!.textContent!.includes(name))!;
    expect(item('Insurers').querySelector('.missing')!.textContent).toContain('not found in the text');
    expect(item('County Party Committee').querySelector('.found')!.textContent).toBe('✓');
    expect(item('County Party Committee').querySelector('blockquote mark')!.textContent).toBe('在县委统一领导下,县人民政府负责全县防汛工作');

    // the text stays with the model across a reload
    app.remove();
    const again = await openApp(location.hash);
    expect(again.shadowRoot!.querySelector('.citations summary')!.textContent).toContain('plan.txt');
  });

  it('exports the model as a validated model JSON, and removes it', async () => {
    const app = await openApp('#lang=en');
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, await excelSheets());
    await drawn;
    const [download] = await captureDownloads(() => fileMenu(app, 'Export model JSON'));
    expect(download.name).toBe('my-model.json');
    const exported = JSON.parse(download.text);
    expect(validateGraph(exported).problems).toEqual([]);
    expect(exported.nodes).toHaveLength(9);

    const back = nextEvent<{ id: string }>(app, 'graph-ready');
    await fileMenu(app, 'Remove this model');
    expect((await back).detail.id).toBe('domestic');
    expect(app.shadowRoot!.querySelector('optgroup')).toBeNull();
    expect(await new MyModels().list()).toEqual([]);
  });

  it('shows every problem of a file with mistakes, and keeps the graph that was shown', async () => {
    const app = await openApp('#model=foreign&lang=en');
    const graph = graphOf(app);
    const before = cyOf(graph)!.nodes().length;
    const problems = async (files: File[]) => {
      await pick(app, files);
      await expect.poll(() => app.shadowRoot!.querySelector('.problems')).not.toBeNull();
      const text = app.shadowRoot!.querySelector('.problems')!.textContent!.replace(/\s+/g, ' ');
      await userEvent.click(buttonNamed(app, 'Close'));
      return text;
    };
    const actors = await template('actors.csv');
    const relations = await template('relations.csv');
    const cases: [File[], string[]][] = [
      [
        [new File([actors.replace(',party,', ',partty,')], 'actors.csv'), new File([relations.replace('flood-hq,water-bureau', 'flood-hq,water-bureu')], 'relations.csv')],
        ['actors.csv row 2, column sector: Unknown sector "partty". Did you mean "party"?', 'relations.csv row 4, column target: No actor has the id "water-bureu". Did you mean "water-bureau"?'],
      ],
      [[new File([actors.replace('sector', 'sectr')], 'actors.csv'), new File([relations], 'relations.csv')], ['actors.csv row 1: There is no column "sector". Did you mean "sectr"?']],
      [[new File([actors], 'actors.csv')], ['The relations sheet is missing']],
      [[new File(['{ "id": "x", '], 'model.json')], ['model.json is not valid JSON']],
      [[new File(['%PDF-1.7'], 'article.pdf')], ['article.pdf: This is not a model file']],
      [[new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff, 0xfe])], 'model.xlsx')], ['model.xlsx: This is an Excel workbook, not a CSV sheet: save each sheet as CSV (File → Save as → CSV UTF-8).']],
      [[new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff, 0xfe])], 'actors.csv'), new File([relations], 'relations.csv')], ['actors.csv: This is an Excel workbook']],
      [[new File([`${relations}county-gov,insurers,funds,"unclosed\n`], 'relations.csv'), new File([actors], 'actors.csv')], ['relations.csv row 10', 'not closed']],
    ];
    for (const [files, expected] of cases) {
      const text = await problems(files);
      for (const part of expected) expect(text).toContain(part);
      expect(text).toContain('the graph shown is unchanged');
      expect(graphOf(app)).toBe(graph);
      expect(graph.graph!.id).toBe('foreign');
      expect(cyOf(graph)!.nodes().length).toBe(before);
    }
    expect(new URLSearchParams(location.hash.slice(1)).get('model')).toBe('foreign');
    expect(await new MyModels().list()).toEqual([]);
  });

  it('shows the problems in Chinese when the app is in Chinese', async () => {
    const app = await openApp('#model=foreign');
    await pick(app, [new File([await template('actors.csv')], 'actors.csv')]);
    await expect.poll(() => app.shadowRoot!.querySelector('.problems')?.textContent).toContain('还缺关系表');
    expect(app.shadowRoot!.querySelector('.problems h2')!.textContent).toContain('当前的图保持不变');
    await userEvent.click(buttonNamed(app, '关闭'));
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, await templateSheets());
    await drawn;
    await pick(app, [new File([(await template('source.txt')).replace('县人民政府引导保险机构开展巨灾保险', '县人民政府鼓励保险机构开展巨灾保险')], 'plan.txt')]);
    await expect.poll(() => app.shadowRoot!.querySelector('.citations summary')?.textContent?.replace(/\s+/g, ' ')).toContain('plan.txt: 7 / 8 条关系、8 / 9 个主体的引文在原文中找到');
  });

  it('opens a model from a #src link and says it is from the link', async () => {
    const graph: Graph = { id: 'linked', title: { zh: '链接', en: 'Linked' }, nodes: [{ id: 'a', label: { zh: '甲', en: 'A' }, sector: 'government', level: 'township' }], edges: [] };
    const app = await openApp(`#lang=en&src=${encodeURIComponent(dataUrl(graph))}`);
    expect(graphOf(app).graph!.id).toBe('linked');
    expect(app.shadowRoot!.querySelector('select option')!.textContent).toContain('Model file from the link');
  });

  it('the File menu, the citation report and the problems pass every axe rule', async () => {
    const app = await openApp('#lang=en');
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, await templateSheets());
    await drawn;
    await pick(app, [new File([(await template('source.txt')).slice(0, 80)], 'plan.txt')]);
    await expect.poll(() => app.shadowRoot!.querySelector('.citations')).not.toBeNull();
    await userEvent.click(app.shadowRoot!.querySelector<HTMLElement>('.citations summary')!);
    await userEvent.click(app.shadowRoot!.querySelector<HTMLElement>('.menu summary')!);
    await pick(app, [new File(['x'], 'notes.docx')]);
    await expect.poll(() => app.shadowRoot!.querySelector('.problems')).not.toBeNull();
    const found = (await axe.run(app)).violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(found).toEqual([]);
  });

  it('compares your model with a built-in one, without a comparison table', async () => {
    const app = await openApp('#lang=en');
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, await excelSheets());
    await drawn;
    const compared = new Promise<void>((resolve) => {
      const seen = new Set<string>();
      app.addEventListener('graph-ready', (event) => {
        seen.add((event as CustomEvent<{ id: string }>).detail.id);
        if (seen.has('my-model') && seen.has('domestic')) resolve();
      });
    });
    history.replaceState(null, '', '#model=compare&left=my:my-model&right=domestic&lang=en');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await compared;
    const compare = app.shadowRoot!.querySelector('governance-compare')!;
    expect(compare.left).toMatch(/^blob:/);
    expect(compare.right).toBe('domestic');
    const [, left, right] = app.shadowRoot!.querySelectorAll<HTMLSelectElement>('header select');
    expect([left.value, right.value]).toEqual(['my:my-model', 'domestic']);
    await expect.poll(() => compare.shadowRoot!.textContent).toContain('There is no comparison table for these two models');
  });

  it("says, in the app's language, when the view shown of an opened model will not read on a slide, from the drawn graph", async () => {
    // a view of 3 actors reads; the whole model of 45 in one chain does not
    const nodes = Array.from({ length: 45 }, (_, i) => ({ id: `a${i}`, label: { zh: `第${i}个机构`, en: `Agency number ${i}` }, sector: i === 0 ? 'government' : 'department' }));
    const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: 'a0', target: node.id, relation: 'directs' }));
    const graph = { id: 'many', title: { zh: '很多', en: 'Many' }, nodes, edges, views: [{ id: 'few', title: { zh: '少数', en: 'A few' }, actors: ['a0', 'a1', 'a2'] }] };
    const app = await openApp('#lang=en');
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, [new File([JSON.stringify(graph)], 'many.json')]);
    await drawn;
    const check = () => app.shadowRoot!.querySelector('.slide-check')?.textContent ?? '';
    const redrawn = nextEvent(app, 'graph-ready');
    history.replaceState(null, '', '#model=my:many&lang=en&view=all');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await redrawn;
    await expect.poll(check, { timeout: 20_000 }).toMatch(/^This graph does not read on a 1280×720 slide: labels are \d+\.\d px \(at least 18 px read from the back of a room\); too many actors for one slide: split the view \(views\.csv\)/);
    history.replaceState(null, '', '#model=my:many&lang=zh&view=all');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    // shorter Chinese labels: still too small to read, though the actors would fit at a legible size
    await expect.poll(check, { timeout: 20_000 }).toMatch(/^此图在 1280×720 的幻灯片上看不清:标签只有 [\d.]+ 像素\(至少需要 18 像素\)/);
    // … and, on a click, what holds them back: the 44 agencies side by side under the first, none wider than the others
    const why = app.shadowRoot!.querySelector<HTMLDetailsElement>('details.slide-check')!;
    expect(why.open).toBe(false);
    expect(why.querySelector('summary')!.textContent).toMatch(/^此图在 1280×720 的幻灯片上看不清:标签只有 [\d.]+ 像素\(至少需要 18 像素\)[^,]*。$/);
    expect(why.textContent).toContain('图已和幻灯片一样宽,一行并排 44 个主体:减少并排的主体(拆分视图),字才能放大。');
    history.replaceState(null, '', '#model=my:many&lang=zh&view=few');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await expect.poll(check, { timeout: 20_000 }).toBe('');
  }, 60_000);

  it('renames a model of My models, keeps the name across a reload, and when its sheets are opened again', async () => {
    const app = await openApp('#lang=en');
    const sheets = templateSheets;
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, await sheets());
    await drawn;
    const names = (root: GovernanceApp) => [...root.shadowRoot!.querySelectorAll('optgroup option')].map((o) => o.textContent!.trim());
    // sheets have no title: the model is called by its id until it is given a name
    expect(names(app)).toEqual(['my-model']);
    await fileMenu(app, 'Rename this model…');
    const form = app.shadowRoot!.querySelector<HTMLFormElement>('form.rename')!;
    const [zh, en] = form.querySelectorAll('input');
    await userEvent.fill(zh, '');
    await userEvent.fill(en, '');
    await userEvent.click(buttonNamed(app, 'Save'));
    await expect.poll(() => form.querySelector('[role="alert"]')?.textContent ?? '').toContain('The title has no Chinese text');
    await userEvent.fill(zh, '县防汛指挥');
    await userEvent.fill(en, 'County flood command');
    const redrawn = nextEvent<{ id: string }>(app, 'graph-ready');
    await userEvent.click(buttonNamed(app, 'Save'));
    await redrawn;
    expect(app.shadowRoot!.querySelector('form.rename')).toBeNull();
    expect(names(app)).toEqual(['County flood command']);
    expect(graphOf(app).graph!.title).toEqual({ zh: '县防汛指挥', en: 'County flood command' });

    app.remove();
    const again = await openApp(location.hash);
    expect(names(again)).toEqual(['County flood command']);
    const reopened = nextEvent(again, 'graph-ready');
    await pick(again, await sheets());
    await reopened;
    expect(names(again)).toEqual(['County flood command']);
  });

  it('keeps a saved model when different sheets with the same file names are opened, and says so', async () => {
    const app = await openApp('#lang=en');
    const names = () => [...app.shadowRoot!.querySelectorAll('optgroup option')].map((o) => o.textContent!.trim());
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, await templateSheets());
    await drawn;
    const first = (await new MyModels().list())[0];
    await new MyModels().put({ ...first, graph: { ...first.graph, title: { zh: '县防汛', en: 'County floods' } } });
    // another project, saved under the same file names
    const other = nextEvent<{ id: string }>(app, 'graph-ready');
    await pick(app, [new File(['id,zh,en,sector\na,甲,A,government\nb,乙,B,department\n'], 'actors.csv'), new File(['source,target,relation\na,b,directs\n'], 'relations.csv')]);
    expect((await other).detail.id).toBe('my-model-2');
    const notice = () => app.shadowRoot!.querySelector('.notice')!.textContent!;
    expect(notice()).toBe('My models already has a different model "my-model" ("County floods"): the one opened is kept beside it as "my-model-2".');
    const kept = await new MyModels().list();
    expect(kept.map((model) => [model.id, model.graph.title.en, model.graph.nodes.length])).toEqual([
      ['my-model', 'County floods', 9],
      ['my-model-2', 'my-model-2', 2],
    ]);
    history.replaceState(null, '', '#model=my:my-model-2&lang=zh');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await expect.poll(notice).toBe('“我的模型”中已有另一个编号为 "my-model" 的模型("县防汛"):新打开的模型另存为 "my-model-2",两者都保留。');
    expect(names()).toHaveLength(2);
  });

  it('opens sheets that declare their own sectors and relation kinds, and draws them', async () => {
    const app = await openApp('#lang=en');
    const drawn = nextEvent(app, 'graph-ready');
    await pick(app, [
      new File(['编号,中文名,英文名,类型\ncounty-gov,县政府,County Government,government\nboard,灌区水务协会,Irrigation Water Board,水务协会\n'], 'actors.csv'),
      new File(['起点,终点,关系\ncounty-gov,board,督查\n'], 'relations.csv'),
      new File(['编号,中文名,英文名,颜色,形状,层次\nwater-board,水务协会,Water boards,orange,hexagon,4\n'], 'sectors.csv'),
      new File(['编号,中文动词,英文动词,类别,线型,箭头\ninspects,督查,inspects,问责,long-dashed,vee\n'], 'relation-kinds.csv'),
    ]);
    await drawn;
    const cy = cyOf(graphOf(app))!;
    expect(cy.getElementById('board').style('shape')).toBe('hexagon');
    expect(cy.getElementById('county-gov-inspects-board').style('target-arrow-shape')).toBe('vee');
    const legend = graphOf(app).shadowRoot!.querySelector('governance-legend')!.shadowRoot!;
    expect(legend.querySelector('button[data-key="water-board"]')!.textContent!.trim()).toBe('Water boards');
  });

  it('shows markup in file names and cells as text, and never runs it', async () => {
    const app = await openApp('#lang=en');
    const payload = '<img src=x onerror="window.__hacked=1">';
    await pick(app, [new File(['id,zh,en,sector\n'], `${payload}.csv`)]);
    await expect.poll(() => app.shadowRoot!.querySelector('.problems')).not.toBeNull();
    expect(app.shadowRoot!.querySelector('.problems')!.textContent).toContain(payload);
    await userEvent.click(buttonNamed(app, 'Close'));
    const drawn = nextEvent(app, 'graph-ready');
    const actors = `id,zh,en,sector\nx,"${payload.replaceAll('"', '""')}",<script>window.__hacked=2</script>,party\ny,乙,Y,government\n`;
    await pick(app, [new File([actors], 'actors.csv'), new File(['source,target,relation,quote\nx,y,leads,<b>bold</b>\n'], 'relations.csv')]);
    await drawn;
    await pick(app, [new File(['<b>bold</b> and more'], 'source.txt')]);
    await expect.poll(() => app.shadowRoot!.querySelector('.citations')).not.toBeNull();
    expect(app.shadowRoot!.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(app.shadowRoot!.querySelector('.citations mark')!.textContent).toBe('<b>bold</b>');
    expect((window as unknown as { __hacked?: number }).__hacked).toBeUndefined();
  });
});
