/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. File URIs are relative to the working directory
 * (`%SRCROOT%`); image regions ride in `properties.region` since SARIF regions count text, not pixels.
 */
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types.js';

const toUri = (cwd: string, filePath: string): { uri: string; uriBaseId?: string } => {
  const rel = relative(cwd, filePath);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return { uri: encodeURI(rel.split('\\').join('/')), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(filePath).href };
};

const sarif: Formatter = (results, { cwd, rulesMeta, version }) => {
  const ruleIds = [...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId).filter((id): id is string => !!id)))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const artifacts = results.map((r) => ({ location: toUri(cwd, r.filePath) }));
  const notifications: object[] = [];
  const sarifResults: object[] = [];

  results.forEach((result, artifactIndex) => {
    const location = { physicalLocation: { artifactLocation: { ...toUri(cwd, result.filePath), index: artifactIndex } } };
    for (const m of result.messages) {
      const region = {
        startLine: Math.max(1, m.line),
        startColumn: Math.max(1, m.column),
        ...(m.endLine ? { endLine: m.endLine } : {}),
        ...(m.endColumn ? { endColumn: m.endColumn } : {}),
      };
      const locations = [{ physicalLocation: { ...location.physicalLocation, region } }];
      if (!m.ruleId) {
        notifications.push({ level: 'error', message: { text: m.message }, locations });
        continue;
      }
      sarifResults.push({
        level: m.severity === 2 ? 'error' : 'warning',
        message: { text: m.message },
        locations,
        ruleId: m.ruleId,
        ruleIndex: ruleIndex.get(m.ruleId),
        ...(m.region ? { properties: { region: m.region } } : {}),
      });
    }
  });

  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'cftlint',
            version,
            informationUri: 'https://www.npmjs.com/package/cftlint',
            rules: ruleIds.map((id) => {
              const meta = rulesMeta[id];
              return {
                id,
                shortDescription: { text: meta?.description ?? id },
                ...(meta ? { fullDescription: { text: `${meta.description} Policy: "${meta.policy}"` }, properties: { docs: meta.docs } } : {}),
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        artifacts,
        results: sarifResults,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
export default sarif;
