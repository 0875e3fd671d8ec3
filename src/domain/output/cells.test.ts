import { cellString } from './cells';
import type { DocumentColumn } from './model';

const amount = { kind: 'amount' } as DocumentColumn;
const percent = { kind: 'percent' } as DocumentColumn;
const text = { kind: 'text' } as DocumentColumn;

test('a cell as the document shows it (Word and clipboard alike): Swedish, U+2212, no-break spaces', () => {
  // Ale 2023, Totalt: the variance −7 000 tkr, −1,0 % of budget.
  expect(cellString({ value: -7000 }, amount)).toBe('\u22127\u00a0000');
  expect(cellString({ value: -1 }, percent)).toBe('\u22121,0\u00a0%');
  // Mark: mnkr with one decimal, and a percent figure in an amount column.
  expect(cellString({ value: 2.5, decimals: 1 }, amount)).toBe('2,5');
  expect(cellString({ value: 96, percent: true }, amount)).toBe('96\u00a0%');
});

test('texts as they are, an empty cell empty, a figure too large for a number said so', () => {
  expect(cellString({ value: 'Funktionsstöd' }, text)).toBe('Funktionsstöd');
  expect(cellString({ value: null }, amount)).toBe('');
  expect(cellString({ value: Number.POSITIVE_INFINITY }, amount)).toBe('för stort tal');
});
