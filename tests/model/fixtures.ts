import type { Graph } from '../../src/model/types.js';
import type { LayoutStorage } from '../../src/render/layout-cache.js';

/** A small valid graph to break in one place per test. */
export function smallGraph(): Graph {
  return {
    id: 'small',
    title: { zh: '小图', en: 'Small graph' },
    nodes: [
      { id: 'party', label: { zh: '市委', en: 'Party Committee' }, sector: 'party' },
      { id: 'gov', label: { zh: '市政府', en: 'Government' }, sector: 'government' },
      { id: 'dept', label: { zh: '应急管理部门', en: 'Emergency Management' }, sector: 'department' },
      { id: 'public', label: { zh: '社会公众', en: 'The public' }, sector: 'society' },
    ],
    edges: [
      { id: 'party-leads-gov', source: 'party', target: 'gov', relation: 'leads' },
      { id: 'gov-directs-dept', source: 'gov', target: 'dept', relation: 'directs' },
      { id: 'public-participates', source: 'public', target: 'gov', relation: 'participates' },
    ],
    views: [{ id: 'top', title: { zh: '领导', en: 'Leadership' }, actors: ['party', 'gov'] }],
  };
}

/** A Web Storage stand-in in memory, optionally filled, exposing its entries. */
export function memoryStorage(entries: Record<string, string> = {}): LayoutStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(entries));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}
