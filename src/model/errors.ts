import type { Problem } from './types.js';

/** A graph could not be loaded, validated or traced: `problems` says where and what. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'GraphError';
  }
}
