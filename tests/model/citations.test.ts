import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCitations, findQuote, prepareSource, quoteInSentence } from '../../src/model/citations.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { smallGraph } from './fixtures.js';

const article = prepareSource(readFileSync('../shared/source/resilient-city-governance.zh.txt', 'utf8'));

describe('citations checked against the source', () => {
  it('finds every quote of the built-in models in the article', () => {
    for (const graph of Object.values(BUILTIN_MODELS)) expect(checkCitations(graph, article)).toEqual([]);
  });

  it('ignores white space and full- or half-width punctuation, but not other words', () => {
    const source = prepareSource('坚持党委领导、政府主导,部门联动。“海绵城市”建设(试点)!');
    expect(findQuote(source, '党委领导、 政府主导,部门联动.')).toBeDefined();
    expect(findQuote(source, '"海绵城市"建设(试点)!')).toBeDefined();
    expect(findQuote(source, '党委领导,政府主导')).toBeDefined();
    expect(findQuote(source, '党委领导、政府指导')).toBeUndefined();
    expect(findQuote(source, '   ')).toBeUndefined();
  });

  it('gives the sentence a quote stands in, split around the quote as the text writes it', () => {
    const source = prepareSource('第一句。在县委统一领导下,县人民政府负责全县防汛工作。第三句');
    expect(quoteInSentence(source, '县人民政府负责 全县防汛工作')).toEqual({ before: '在县委统一领导下,', quote: '县人民政府负责全县防汛工作', after: '。' });
    expect(quoteInSentence(source, '第三句')).toEqual({ before: '', quote: '第三句', after: '' });
    expect(quoteInSentence(source, '没有')).toBeUndefined();
  });

  it('lists every quote not found with its path, in the language asked for', () => {
    const graph = smallGraph();
    graph.edges[0].evidence = [{ quote: '市委领导市政府' }, { quote: '不在原文中的话' }];
    const source = prepareSource('市委领导市政府。');
    expect(checkCitations(graph, source)).toEqual([{ path: '$.edges[0].evidence[1].quote', message: expect.stringContaining('"不在原文中的话"') }]);
    expect(checkCitations(graph, source, 'zh')[0].message).toMatch(/^原文中找不到这段引文/);
  });
});
