import type { Channel } from '../../../shared/ipc/contract';
import { formatPrintedBy, formatRupiah } from '../../../shared/format/id-format';
import { buildBudgetWorkbook } from '../../services/planning/budget-workbook';
import { XLSX_MIME } from '../../services/xlsx-export.service';
import type { HandlerGroup } from '../handler-types';
import { developmentWrite as write } from './development.ipc';

type PlanningChannel = Extract<Channel, `planning:${string}`>;

export const planningHandlers: HandlerGroup<PlanningChannel> = {
  'planning:offerings': (_request, { services }) => services.planning.offeringRows(),
  'planning:saveOffering': (request, context) => write(context, (actor) => context.services.planning.saveOffering(actor, request.catalogId, request.input)),
  'planning:needs': (request, { services }) => services.planning.needs(request),
  'planning:weights': (_request, { services }) => services.planning.weights.read(),
  'planning:saveWeights': (request, context) => write(context, (actor) => context.services.planning.weights.update(request, actor)),
  'planning:propose': (request, context) => (request.jobId
    ? context.jobs.run(request.jobId, (job) => context.services.planning.propose(request, job))
    : context.services.planning.propose(request)),
  'planning:accept': (request, context) => write(context, (actor) => context.services.planning.accept(actor, request)),
  'planning:realisation': (request, { services }) => services.planning.realisation(request.year),
  async 'planning:exportXlsx'(request, context) {
    const actor = await context.actor();
    const buffer = await buildBudgetWorkbook({ ...request, printedBy: formatPrintedBy(actor, context.services.clock.now()) });
    const fileName = `usulan-anggaran-pengembangan-${request.year}.xlsx`;
    await context.services.privacy.recordExport({
      actor, kind: 'usulan-anggaran-pengembangan', title: `Usulan Anggaran Pengembangan Kompetensi ${request.year}`,
      parameters: [{ label: 'Cakupan', value: request.scopeName ?? 'Seluruh perangkat daerah' }, { label: 'Skenario', value: request.scenarioName }, { label: 'Anggaran', value: formatRupiah(request.budget) }],
      format: 'xlsx', rowCount: request.items.length, fileName, via: context.runtime.transport,
    });
    return { fileName, mimeType: XLSX_MIME, base64: buffer.toString('base64') };
  },
};
