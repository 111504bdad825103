import type { Channel } from '../../../shared/ipc/contract';
import { formatDateId, formatPrintedBy } from '../../../shared/format/id-format';
import type { HandlerGroup } from '../handler-types';

type CareersChannel = Extract<Channel, `careers:${string}`>;

export const careersHandlers: HandlerGroup<CareersChannel> = {
  'careers:rotation': (request, { services }) => services.careers.rotation(request),
  'careers:promotionPeriods': (_request, { services }) => services.careers.periods(),
  'careers:promotionList': (request, { services }) => services.careers.promotionList(request),
  // 'exclusive' (not 'read') so the workbook and its export-log line come from one call; a reader cannot write.
  async 'careers:promotionExport'(request, context) {
    const actor = await context.actor();
    const { logged, ...file } = await context.services.careers.promotionExport(request, formatPrintedBy(actor, context.services.clock.now()));
    await context.services.privacy.recordExport({
      actor, kind: 'usulan-kp', title: 'Usulan Kenaikan Pangkat Reguler',
      parameters: [{ label: 'Periode', value: formatDateId(logged.period) }, { label: 'Unit kerja', value: logged.unitName ?? 'Seluruh perangkat daerah' }],
      format: 'xlsx', rowCount: logged.rowCount, fileName: file.fileName, via: context.runtime.transport,
    });
    return file;
  },
};
