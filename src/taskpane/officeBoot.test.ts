import { detectHostKind } from './officeBoot';

test('no Office global (office.js did not load): standalone', async () => {
  expect(await detectHostKind({})).toBe('standalone');
});

test('Office.onReady without a host (a plain browser): standalone', async () => {
  const Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
  expect(await detectHostKind({ Office })).toBe('standalone');
});

test('inside Excel: excel; inside another host or failing: standalone', async () => {
  expect(
    await detectHostKind({ Office: { onReady: () => Promise.resolve({ host: 'Excel' }) } }),
  ).toBe('excel');
  expect(
    await detectHostKind({ Office: { onReady: () => Promise.resolve({ host: 'Word' }) } }),
  ).toBe('standalone');
  expect(await detectHostKind({ Office: { onReady: () => Promise.reject(new Error('x')) } })).toBe(
    'standalone',
  );
});
