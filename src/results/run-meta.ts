/** Which tool and which data produced a report: stamped on every machine-readable one. */
import { toolVersion } from '../version.js';

export interface RunMeta {
  readonly tool: { readonly name: string; readonly version: string };
  readonly data: { readonly version: string; readonly generated: string; readonly schemaVersion: number };
}

export function runMeta(data: { manifest: { datasetVersion: string; generated: string; schemaVersion: number } }): RunMeta {
  return {
    tool: { name: 'recall-check', version: toolVersion() },
    data: { version: data.manifest.datasetVersion, generated: data.manifest.generated, schemaVersion: data.manifest.schemaVersion },
  };
}
