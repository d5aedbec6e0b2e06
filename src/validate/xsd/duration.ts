import { collapseWhitespace } from './temporal.js';

/**
 * XML Schema `duration` as jing accepts it (TEI's `@dur`). salve's pattern
 * wants a digit before and after a decimal point; jing, like the XML Schema
 * grammar, also takes `PT1.S` and `PT.5S`. A duration needs at least one
 * component after `P`, and after `T` when there is one.
 */
const DURATION = /^-?P([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?(([0-9]+(\.[0-9]*)?|\.[0-9]+)S)?)?$/;

export function isValidDuration(value: string): boolean {
  const v = collapseWhitespace(value);
  return DURATION.test(v) && !v.endsWith('P') && !v.endsWith('T');
}
