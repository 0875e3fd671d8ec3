/**
 * Gives the analysis worker the global `Buffer` the xlsx reader is written against (Node's, in the
 * CLI), from the `buffer` package. Imported first by the worker's entry, so it is in place before
 * the reader's modules run (two of them make a Buffer as they load). Never loaded by the page.
 */
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
