import type { Channel } from '../../../shared/ipc/contract';
import type { HandlerContext, HandlerGroup } from '../handler-types';

type DevelopmentChannel = Extract<Channel, `development:${string}`>;

/** Runs a write of the development groups (training, plans, mentoring, careers) with the acting user, then tells
 *  open pages that development data changed. */
export async function developmentWrite<T>(context: HandlerContext, work: (actor: string) => Promise<T>): Promise<T> {
  const result = await work(await context.actor());
  context.emit({ type: 'data:changed', scope: 'development' });
  return result;
}

/** Pengaturan → Pengembangan & karier: one settings section for the four groups. */
export const developmentHandlers: HandlerGroup<DevelopmentChannel> = {
  'development:settings': (_request, { services }) => services.developmentSettings.read(),
  'development:updateSettings': (request, context) => developmentWrite(context, (actor) => context.services.developmentSettings.update(request, actor)),
};
