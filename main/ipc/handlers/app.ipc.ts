import fs from 'node:fs';
import { z } from 'zod';
import { managerRun } from '../../db/sql/run';
import { scopeUnitOf } from '../../services/accounts/unit-scope';
import type { HandlerGroup } from '../handler-types';

const DEMO_DECLINED = 'onboarding.demoDeclined';

export const appHandlers: HandlerGroup<'app:today' | 'app:status' | 'app:dismissDemoOffer' | 'demo:load' | 'jobs:cancel'> = {
  async 'app:today'(_request, { services }) {
    return { today: services.clock.today() };
  },

  async 'app:status'(_request, { services, runtime, session }) {
    const [{ employees, units }] = await services.dataSource.query('SELECT (SELECT COUNT(*) FROM employee) AS employees, (SELECT COUNT(*) FROM unit) AS units');
    // An Operator OPD counts only the people of its own unit subtree.
    const scope = scopeUnitOf(session);
    const employeeCount = scope === null ? employees : await services.sql.employees.countEmployees(managerRun(services.dataSource), { scopeUnitId: scope });
    const declined = await services.settings.getValue(DEMO_DECLINED, z.boolean(), false);
    let dbSizeBytes = 0;
    try {
      dbSizeBytes = runtime.dbPath === ':memory:' ? 0 : fs.statSync(runtime.dbPath).size;
    } catch {
      // a missing file has size 0
    }
    return {
      appVersion: runtime.appVersion,
      transport: runtime.transport === 'electron' ? 'electron' : 'web',
      dbPath: runtime.dbPath,
      dbSizeBytes,
      schemaVersion: runtime.schemaVersion,
      employeeCount,
      offerDemo: employees === 0 && units === 0 && !declined,
    };
  },

  async 'app:dismissDemoOffer'(_request, { services }) {
    await services.settings.setValue(DEMO_DECLINED, true);
    return {};
  },

  async 'demo:load'(request, context) {
    const actor = await context.actor();
    const { accounts: _demoAccounts, ...result } = await context.jobs.run(request.jobId, (job) =>
      context.services.demo.load({ employees: request.employees, seed: request.seed, actor, job }));
    context.emit({ type: 'data:changed', scope: 'all' });
    return result;
  },

  async 'jobs:cancel'(request, { jobs }) {
    return { cancelled: jobs.cancel(request.jobId) };
  },
};
