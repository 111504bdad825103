// Demo succession plans, so the Suksesi page means something on first start: about 40 % of the key posts get
// a saved plan of one to three successors chosen by the real basic rules (shared/domain/succession.ts) from
// the structural posts one rung below, preferably in the same perangkat daerah, with a readiness and a first
// history revision. One strong administrator is put in three JPT plans (the over-reliance flag), and plans of
// JPT posts name administrators whose own posts have plans (chain vacancies). Deterministic from the seed.
// It also fills succession_employee_facts from the SKP, talent and training rows of the extensions before it,
// so it belongs last in DEMO_EXTENSIONS, and lists the related rumpun Jenjang proposes from the district (each JF
// family with the field where most of its holders work) in Pengaturan › Suksesi, unless the office set them.

import { demoSql } from '../db/sql/demo.sql';
import { fullName } from '../../shared/domain/employee-status';
import { bupFor, retirementDate } from '../../shared/domain/retirement';
import {
  createBasicFilter, DEFAULT_SUCCESSION_RULES, DEFAULT_WEIGHTS, DEFAULT_READINESS_LABELS, normaliseRelations, proposeRelations, targetRequirements,
  type BasicFacts, type Readiness,
} from '../../shared/domain/succession';
import { bulkRun } from '../db/sql/run';
import { refreshSuccessionFacts } from '../db/sql/succession/facts.sql';
import type { DemoExtension } from './extensions';
import type { DemoEmployee, DemoPosition } from './generate';
import { Random } from './random';

const ACTOR = 'Data demo';
const FEEDER: Record<string, string> = { jpt_pratama: 'administrator', administrator: 'pengawas' };

export const successionDemoExtension: DemoExtension = {
  name: 'succession',
  async write({ tx, district, seed, now }) {
    const rng = new Random(seed * 7919 + 6);
    const today = district.asOf;
    const positions = new Map(district.positions.map((p) => [p.id, p]));
    const rootOf = new Map(district.units.map((u) => [u.id, u.rootId]));
    const active = district.employees.filter((e) => e.status === 'active');

    const facts = new Map<number, BasicFacts & { opd: number; person: DemoEmployee }>();
    const holderOf = new Map<number, DemoEmployee>();
    const byLevel = new Map<string, number[]>();
    for (const e of active) {
      const p = positions.get(e.positionId)!;
      if (p.quota === 1) holderOf.set(p.id, e);
      facts.set(e.id, {
        employeeId: e.id, employmentType: e.employmentType, golongan: e.golongan, golonganTmt: e.golonganTmt, positionId: e.positionId,
        level: p.level, positionTmt: e.positionTmt, education: e.educationLevel, birthDate: e.birthDate,
        retirementDate: retirementDate(e.birthDate, bupFor(p.level, p.bupOverride)), opd: rootOf.get(e.unitId) ?? 0, person: e,
      });
      if (p.quota === 1) byLevel.set(p.level, [...(byLevel.get(p.level) ?? []), e.id]);
    }

    const keyPosts = district.positions.filter((p) => p.isKey && FEEDER[p.level]);
    const chosen = rng.shuffle([...keyPosts]).slice(0, Math.round(keyPosts.length * 0.4));
    // JPT plans first, so the star administrator is placed before the administrator plans are drawn.
    chosen.sort((a, b) => (a.level === b.level ? a.id - b.id : a.level === 'jpt_pratama' ? -1 : 1));

    const eligibleFor = (post: DemoPosition) => {
      const holder = holderOf.get(post.id);
      const holderRetires = holder ? facts.get(holder.id)!.retirementDate! : today;
      const vacancyDate = holderRetires > today ? holderRetires : today;
      const req = targetRequirements({ id: post.id, name: post.name, level: post.level, eselon: post.eselon, minGolongan: post.minGolongan });
      const filter = createBasicFilter(req, { today, vacancyDate, rules: DEFAULT_SUCCESSION_RULES, weights: DEFAULT_WEIGHTS, rumpun: { target: null, related: new Map() } });
      const opd = rootOf.get(post.unitId ?? 0) ?? 0;
      return (byLevel.get(FEEDER[post.level]) ?? [])
        .map((id) => facts.get(id)!)
        .filter((f) => f.employeeId !== holder?.id && filter(f).length === 0)
        .map((f) => ({ ...f, sameOpd: f.opd === opd }))
        .sort((a, b) => Number(b.sameOpd) - Number(a.sameOpd) || (uses.get(a.employeeId) ?? 0) - (uses.get(b.employeeId) ?? 0) || (b.golongan ?? 0) - (a.golongan ?? 0) || a.employeeId - b.employeeId);
    };
    // Real offices name each person in one or two plans; only the "star" is over-relied on.
    const uses = new Map<number, number>();

    const plans: Array<{ post: DemoPosition; candidates: Array<{ employeeId: number; readiness: Readiness }> }> = [];
    let star: number | null = null;
    let starPlans = 0;
    for (const post of chosen) {
      const pool = eligibleFor(post);
      if (pool.length === 0) continue;
      const picks: number[] = [];
      if (post.level === 'jpt_pratama' && starPlans < 3) {
        star ??= pool[0].employeeId;
        if (pool.some((f) => f.employeeId === star)) {
          picks.push(star);
          starPlans += 1;
        }
      }
      const wanted = rng.int(1, 3);
      // The same perangkat daerah first (the pool is sorted that way); a JPT post may look district-wide.
      const open = pool.filter((f) => (uses.get(f.employeeId) ?? 0) < 2 && (f.sameOpd || post.level === 'jpt_pratama'));
      for (const f of open.slice(0, 6)) if (picks.length < wanted && !picks.includes(f.employeeId) && rng.chance(0.75)) picks.push(f.employeeId);
      if (picks.length === 0 && open.length > 0) picks.push(open[0].employeeId);
      if (picks.length === 0) continue;
      for (const id of picks) uses.set(id, (uses.get(id) ?? 0) + 1);
      plans.push({
        post,
        candidates: picks.map((employeeId) => ({
          employeeId, readiness: rng.weighted<Readiness>([['siap_sekarang', 30], ['siap_1_2_tahun', 45], ['siap_lebih_2_tahun', 25]]),
        })),
      });
    }

    const insertPlan = demoSql.successionPlans(tx);
    const insertCandidate = demoSql.successionCandidates(tx);
    const insertRevision = demoSql.successionRevisions(tx);
    let rows = 0;
    for (const [i, plan] of plans.entries()) {
      const planId = i + 1;
      insertPlan([planId, plan.post.id, 'Rencana awal dari data demo.', ACTOR, now, now]);
      const snapshot = plan.candidates.map((c, rank) => {
        const e = facts.get(c.employeeId)!.person;
        insertCandidate([planId, c.employeeId, c.readiness, rank + 1, ACTOR, now]);
        return { employeeId: c.employeeId, fullName: fullName(e.name, e.frontTitle, e.backTitle), nip: e.nip, readiness: c.readiness, rank: rank + 1, notes: null };
      });
      const summary = `Menambah ${snapshot.map((c) => `${c.fullName} (${DEFAULT_READINESS_LABELS[c.readiness]})`).join(', ')}`;
      insertRevision([planId, ACTOR, now, summary, JSON.stringify({ notes: 'Rencana awal dari data demo.', candidates: snapshot })]);
      rows += 2 + snapshot.length;
    }
    // Related rumpun: JF families and the fields where their holders work.
    const unitName = new Map(district.units.map((u) => [u.id, u.name]));
    const holders = new Map<string, { family: string; opdName: string; holders: number }>();
    for (const e of active) {
      const p = positions.get(e.positionId)!;
      const opdName = unitName.get(rootOf.get(e.unitId) ?? 0);
      if (p.kind !== 'fungsional' || !p.family || !opdName) continue;
      const key = `${p.family}|${opdName}`;
      holders.set(key, { family: p.family, opdName, holders: (holders.get(key)?.holders ?? 0) + 1 });
    }
    const related = normaliseRelations(proposeRelations([...holders.values()]));
    demoSql.settingIfAbsent(tx)('succession.relatedRumpun', JSON.stringify(related), now);
    rows += 1;

    // The ranking's per-person facts from whatever SKP, talent and training rows the extensions before this one
    // wrote (keep this extension last in DEMO_EXTENSIONS).
    await refreshSuccessionFacts(bulkRun(tx), 'all');
    return rows;
  },
};
