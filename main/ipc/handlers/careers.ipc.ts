import type { Channel } from '../../../shared/ipc/contract';
import { formatDateId, formatPrintedBy } from '../../../shared/format/id-format';
import type { HandlerGroup } from '../handler-types';
import { developmentWrite } from './development.ipc';
import { XLSX_MIME } from '../../services/development/career.service';
import { kgbPeriodText } from '../../services/development/entitlement-workbooks';

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
  'careers:rules': (_request, { services }) => services.careerRules.read(),
  // Which lists follow these rules: the development ones (promotion, KGB, Satyalancana) and succession's ranking.
  async 'careers:updateRules'(request, context) {
    const result = await developmentWrite(context, (actor) => context.services.careerRules.update(request, actor));
    context.emit({ type: 'data:changed', scope: 'succession' });
    return result;
  },
  'careers:dueSoon': (_request, { services }) => services.careers.dueSoon(),
  'careers:kgbList': (request, { services }) => services.careers.entitlements.kgbList(request),
  async 'careers:kgbExport'(request, context) {
    const actor = await context.actor();
    const { logged, ...file } = await context.services.careers.entitlements.kgbExport(request, formatPrintedBy(actor, context.services.clock.now()));
    await context.services.privacy.recordExport({
      actor, kind: 'usulan-kgb', title: 'Usulan Kenaikan Gaji Berkala',
      parameters: [{ label: 'Bulan', value: kgbPeriodText(logged.fromMonth, logged.toMonth) }, { label: 'Unit kerja', value: logged.unitName ?? 'Seluruh perangkat daerah' }],
      format: 'xlsx', rowCount: logged.rowCount, fileName: file.fileName, via: context.runtime.transport,
    });
    return { ...file, mimeType: XLSX_MIME };
  },
  'careers:satyalancanaList': (request, { services }) => services.careers.entitlements.satyalancanaList(request),
  async 'careers:satyalancanaExport'(request, context) {
    const actor = await context.actor();
    const { logged, ...file } = await context.services.careers.entitlements.satyalancanaExport(request, formatPrintedBy(actor, context.services.clock.now()));
    await context.services.privacy.recordExport({
      actor, kind: 'usulan-satyalancana', title: 'Usulan Satyalancana Karya Satya',
      parameters: [{ label: 'Tahun', value: String(logged.year) }, { label: 'Unit kerja', value: logged.unitName ?? 'Seluruh perangkat daerah' }],
      format: 'xlsx', rowCount: logged.rowCount, fileName: file.fileName, via: context.runtime.transport,
    });
    return { ...file, mimeType: XLSX_MIME };
  },
};
