// Succession planning rules: who may succeed to a structural post (requirements, checks), how the candidates are
// scored and ordered (score, evaluation, ranking), how risky a key position is (risk), what a candidate still
// needs (development-needs), and the chain of vacancies a promotion sets off (chain). Pure functions over plain
// facts (facts); the service gathers the facts. The rules with their regulations: shared/domain/README.md,
// "Suksesi".

export * from './chain';
export * from './checks';
export * from './development-needs';
export * from './evaluation';
export * from './facts';
export * from './ranking';
export * from './requirements';
export * from './risk';
export * from './rumpun';
export * from './score';
export { monthsBetween } from './text';
