// The layers of Jenjang, lowest first. A module may import its own layer and the layers below it, never one above:
//
//   shared/domain + shared/format → shared/schemas → shared/reports → shared/ipc         (pure, both sides)
//   (the rules and their Indonesian wording are one layer: a rule's message formats a date, a date format parses one)
//   main/security (keys, policies)                                                           (machinery below storage)
//   main/db, main/jobs, main/printing                                                        (storage and machinery)
//   main/import, main/demo                                                                   (bulk paths over db)
//   main/services                                                                           (domain logic)
//   main/reports                                                                            (report data loaders)
//   main/ipc                                                                                (contract → handlers)
//   main/host.ts                                                                            (the core, any transport)
//   main/web, main/app + main/index.ts + main/preload, main/cli, main/launch, main/bench     (transports and tools)
//   renderer/ → shared only
//
// `npm test` runs this (npm run lint:deps); a wrong-way import fails the build.

const layer = (name, path, mayNotImport) => ({
  name: `${name}-imports-upward`,
  comment: `${name} sits below ${mayNotImport}: it must not import it.`,
  severity: 'error',
  from: { path },
  to: { path: mayNotImport },
});

const MAIN_ABOVE_DB = '^main/(import|demo|services|reports|ipc|host\\.ts|web|app|index\\.ts|preload|cli|launch|bench)(/|$)';
const MAIN_TRANSPORTS = '^main/(web|app|index\\.ts|preload|cli|launch|bench)(/|$)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make the layers meaningless.', from: {}, to: { circular: true } },
    layer('shared', '^shared/', '^(main|renderer)/'),
    layer('shared-domain', '^shared/domain/', '^shared/(schemas|reports|ipc)/'),
    layer('shared-format', '^shared/format/', '^shared/(schemas|reports|ipc)/'),
    layer('shared-schemas', '^shared/schemas/', '^shared/(reports|ipc)/'),
    layer('shared-reports', '^shared/reports/', '^shared/ipc/'),
    layer('renderer', '^renderer/', '^main/'),
    layer('main', '^main/', '^renderer/'),
    // db opens every file with the database key, so it reads the key store of security/ (never the reverse).
    layer('db', '^main/db/', `${MAIN_ABOVE_DB}|^main/(jobs|printing)/`),
    layer('jobs', '^main/jobs/', MAIN_ABOVE_DB),
    layer('security', '^main/security/', `${MAIN_ABOVE_DB}|^main/(db|jobs|printing)/`),
    layer('printing', '^main/printing/', `${MAIN_ABOVE_DB}|^main/security/`),
    layer('import', '^main/import/', '^main/(demo|services|reports|ipc|host\\.ts|web|app|index\\.ts|preload|cli|launch|bench)(/|$)'),
    layer('demo', '^main/demo/', '^main/(import|services|reports|ipc|host\\.ts|web|app|index\\.ts|preload|cli|launch|bench)(/|$)'),
    layer('services', '^main/services/', '^main/(reports|ipc|host\\.ts|web|app|index\\.ts|preload|cli|launch|bench)(/|$)'),
    layer('reports', '^main/reports/', '^main/(ipc|host\\.ts|web|app|index\\.ts|preload|cli|launch|bench)(/|$)'),
    layer('ipc', '^main/ipc/', `^main/host\\.ts$|${MAIN_TRANSPORTS}`),
    layer('host', '^main/host\\.ts$', MAIN_TRANSPORTS),
    layer('web', '^main/web/', '^main/(app|index\\.ts|preload|cli|launch|bench)(/|$)'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|out|dist|test-results|artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
