/** Validates manifest text against the XML manifest schemas in ../shared, with xmllint. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const MANIFEST_SCHEMA = resolve(
  __dirname,
  '../../../shared/office-manifest-schemas/OfficeAppManifestV1_1.xsd',
);

/** `ok` when xmllint accepts `xml`; `errors` holds what it said otherwise. */
export function validateManifest(xml: string): { ok: boolean; errors: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', MANIFEST_SCHEMA, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (run.error)
    throw new Error(`xmllint missing (apt-get install libxml2-utils): ${run.error.message}`);
  const ok = run.status === 0;
  return { ok, errors: ok ? '' : run.stderr };
}
