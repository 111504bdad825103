// The loader of a report whose capability has not landed: the letterhead, the title, the parameters as
// given, and the sentence from the catalogue saying the data is not there yet (no chart, no zeros).

import { reportDefinition, type ReportId } from '../../../shared/reports/catalogue';
import { unitPathName, unitScope } from './describe';
import type { ReportLoader } from './types';

const PENDING = Symbol('pending report loader');

export function pendingReportLoader<R extends ReportId>(id: R): ReportLoader<R> {
  const definition = reportDefinition(id);
  const loader: ReportLoader<R> = async (params, { services }) => {
    const values = params as Record<string, unknown>;
    const parameters: Array<{ label: string; value: string }> = [];
    for (const field of definition.fields) {
      const value = values[field.key];
      if (field.kind === 'unit') {
        parameters.push({ label: field.label, value: typeof value === 'number' ? await unitPathName(services, await unitScope(services, value)) : field.allLabel });
      } else if (value !== undefined) {
        parameters.push({ label: field.label, value: String(value) });
      }
    }
    return {
      title: definition.title,
      parameters,
      content: { status: 'unavailable', message: definition.pending ?? `Data laporan ${definition.title} belum tersedia.` },
    };
  };
  return Object.assign(loader, { [PENDING]: true });
}

export function isPendingLoader(loader: unknown): boolean {
  return typeof loader === 'function' && PENDING in loader;
}
