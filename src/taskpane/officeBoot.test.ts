import { detectHost, detectHostKind } from './officeBoot';

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

test("inside Excel: Office's display language and partition key come along", async () => {
  const Office = {
    onReady: () => Promise.resolve({ host: 'Excel' }),
    context: { displayLanguage: 'en-US', partitionKey: 'tenant-7/' },
  };
  expect(await detectHost({ Office })).toEqual({
    kind: 'excel',
    displayLanguage: 'en-US',
    partitionKey: 'tenant-7/',
  });
  // Office on Windows without partitioning: no key.
  const windows = { onReady: Office.onReady, context: { displayLanguage: 'sv-SE' } };
  expect(await detectHost({ Office: windows })).toMatchObject({ partitionKey: null });
});
