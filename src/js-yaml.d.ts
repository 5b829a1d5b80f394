// What js-yaml 4.3 has and @types/js-yaml 4.0 does not declare.
import 'js-yaml';

declare module 'js-yaml' {
  interface LoadOptions {
    /** Nesting bound (default 100). */
    maxDepth?: number;
    /** Bound on the keys merge keys (<<) copy in one document (default 10000; -1: none). */
    maxTotalMergeKeys?: number;
  }
  /** The built-in types, for building a schema. */
  const types: Record<
    | 'binary'
    | 'float'
    | 'map'
    | 'null'
    | 'pairs'
    | 'set'
    | 'timestamp'
    | 'bool'
    | 'int'
    | 'merge'
    | 'omap'
    | 'seq'
    | 'str',
    Type
  >;
}
