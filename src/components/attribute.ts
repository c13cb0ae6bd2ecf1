import type { ComplexAttributeConverter } from 'lit';

/** A text attribute that goes back to `fallback` when it is removed, instead of becoming `null`. */
export const textOr = (fallback: string): ComplexAttributeConverter<string> => ({ fromAttribute: (value) => value ?? fallback });
