/**
 * "My models": models the reader opened, kept in the browser (IndexedDB) so that they survive a
 * reload, each with the source text attached to it, if any. Nothing leaves the machine.
 */
import type { SourceFile } from '../model/open.js';
import type { Graph } from '../model/types.js';
import { validateGraph } from '../model/validate.js';

/** A model kept in the browser. */
export interface StoredModel {
  /** The model's id: opening a model with the same id again replaces it (an edited sheet, reopened). */
  id: string;
  graph: Graph;
  /** The source text attached to it, to check its quotes. */
  source?: SourceFile;
  /** When the model was opened (again), in ms since 1970: its version. */
  saved: number;
}

const DATABASE = 'governance-graph';
const STORE = 'models';

/** A request's outcome as a promise. */
const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * The kept models, by id: in IndexedDB, or for this page only where the browser refuses storage
 * (a private window, a sandboxed frame).
 */
export class MyModels {
  private database?: Promise<IDBDatabase | undefined>;
  private readonly memory = new Map<string, StoredModel>();

  private open(): Promise<IDBDatabase | undefined> {
    this.database ??= new Promise<IDBDatabase | undefined>((resolve) => {
      try {
        const request = indexedDB.open(DATABASE, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(undefined);
        request.onblocked = () => resolve(undefined);
      } catch {
        resolve(undefined);
      }
    });
    return this.database;
  }

  private async store(mode: IDBTransactionMode): Promise<IDBObjectStore | undefined> {
    return (await this.open())?.transaction(STORE, mode).objectStore(STORE);
  }

  /** Every kept model, by title; one that no longer validates (stored by an older version) is left out. */
  async list(): Promise<StoredModel[]> {
    let stored: StoredModel[];
    try {
      const store = await this.store('readonly');
      stored = store ? await done(store.getAll() as IDBRequest<StoredModel[]>) : [...this.memory.values()];
    } catch {
      stored = [...this.memory.values()];
    }
    return stored.filter((item) => validateGraph(item.graph).graph).sort((a, b) => a.graph.title.en.localeCompare(b.graph.title.en));
  }

  /** Keeps a model (replacing one with its id). */
  async put(model: StoredModel): Promise<void> {
    this.memory.set(model.id, model);
    try {
      const store = await this.store('readwrite');
      if (store) await done(store.put(model));
    } catch {
      // kept for this page only
    }
  }

  /** Forgets a model. */
  async remove(id: string): Promise<void> {
    this.memory.delete(id);
    try {
      const store = await this.store('readwrite');
      if (store) await done(store.delete(id));
    } catch {
      // nothing kept to remove
    }
  }
}
