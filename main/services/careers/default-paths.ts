// Jenjang's default pola karier lives beside the derived readiness that judges it (main/db/career-default-paths.ts).
export * from '../../db/career-default-paths';
