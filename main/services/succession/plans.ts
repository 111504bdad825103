// Saved succession plans: saving the whole plan as a new revision (refusing a stale one) with its history row and
// audit entries in one transaction, the history of revisions, and marking key positions.

import type { DataSource, EntityManager } from 'typeorm';
import type { Readiness, ReadinessLabels } from '../../../shared/domain/succession';
import type { PositionDetail } from '../../../shared/schemas/succession';
import type { SqlDialect } from '../../db/sql';
import { managerRun, type Run } from '../../db/sql/run';
import type { PositionRow } from '../../db/sql/succession/positions.sql';
import type { AuditChange, AuditService } from '../audit.service';
import type { Clock } from '../clock';
import { claimEditVersion, staleEditError } from '../versions/edit-version';

export interface PlanDraft {
  positionId: number;
  /** The plan's revision the editor started from (0: no plan yet). */
  expectedRevision: number;
  notes: string | null;
  candidates: Array<{ employeeId: number; readiness: Readiness; notes: string | null }>;
}

interface PlanEntry {
  readiness: Readiness;
  rank: number;
  notes: string | null;
}

interface PlanDiff {
  changed: boolean;
  before: Map<number, PlanEntry>;
  after: Map<number, PlanEntry>;
  added: number[];
  removed: number[];
  readinessChanged: number[];
  notesOfCandidateChanged: number[];
  orderChanged: boolean;
  notesChanged: boolean;
  notesBefore: string | null;
  notesAfter: string | null;
  /** Everyone added, removed, or whose readiness, rank or notes changed. */
  touched: number[];
}

export class SuccessionPlans {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sql: SqlDialect,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Saves the plan as a whole (a new revision), with its history row and audit entries, in one transaction.
   *  `people` names everyone in the draft (for the summary and the snapshot). */
  async save(position: PositionRow, draft: PlanDraft, people: ReadonlyMap<number, { fullName: string; nip: string }>, labels: ReadinessLabels, actor: string) {
    const now = this.clock.now();
    const plans = this.sql.succession.plans;
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const current = await plans.planOf(run, position.id);
      const currentRevision = current?.revision ?? 0;
      if (draft.expectedRevision !== currentRevision) {
        throw staleEditError('Rencana suksesi jabatan ini', currentRevision, { by: current?.updated_by ?? null, at: current?.updated_at ?? null });
      }
      const before = current ? await plans.candidatesOf(run, current.id) : [];
      const diff = diffPlan(before.map((b) => ({ ...b, readiness: b.readiness as Readiness })), draft.candidates, current?.notes ?? null, draft.notes);
      if (current && !diff.changed) return { planId: current.id, revision: currentRevision, changed: false };

      const revision = currentRevision + 1;
      let planId: number;
      if (current) {
        planId = current.id;
        await plans.updatePlan(run, planId, { notes: draft.notes, revision, actor, at: now });
      } else {
        planId = await plans.insertPlan(run, { positionId: position.id, notes: draft.notes, revision, actor, at: now });
      }
      const kept = new Map(before.map((b) => [b.employee_id, b]));
      await plans.replaceCandidates(run, planId, draft.candidates.map((c) => {
        const old = kept.get(c.employeeId);
        return { employeeId: c.employeeId, readiness: c.readiness, notes: c.notes, addedBy: old?.added_by ?? actor, addedAt: old?.added_at ?? now };
      }));

      const name = (id: number) => people.get(id)?.fullName ?? `#${id}`;
      const summary = describeDiff(diff, name, labels) || 'Membuat rencana suksesi tanpa kandidat';
      const snapshot = {
        notes: draft.notes,
        candidates: draft.candidates.map((c, i) => ({ employeeId: c.employeeId, fullName: name(c.employeeId), nip: people.get(c.employeeId)?.nip ?? '', readiness: c.readiness, rank: i + 1, notes: c.notes })),
      };
      await plans.insertRevision(run, { planId, revision, actor, at: now, summary, snapshot });
      await this.auditPlan(manager, { actor, planId, revision, positionName: position.name, summary, diff, name, labels, before, after: snapshot });
      return { planId, revision, changed: true };
    });
  }

  /** The latest revisions of a post's plan, newest first, each with the plan as it was saved (none without a
   *  plan). */
  async historyOfPosition(read: Run, positionId: number): Promise<PositionDetail['history']> {
    return historyOf(await this.sql.succession.plans.revisionsOfPosition(read, positionId, HISTORY_LIMIT));
  }

  /** Marks or unmarks a key position (jabatan kritikal), audited, from the position's version the screen read: a
   *  stale mark is refused with who changed the position and when; marking what is marked already changes nothing. */
  async setKey(position: PositionRow, expectedVersion: number, isKey: boolean, actor: string): Promise<{ positionId: number; isKey: boolean; version: number }> {
    return this.dataSource.transaction(async (manager) => {
      const run = managerRun(manager);
      const subject = 'Jabatan ini';
      const current = await this.sql.succession.positions.position(run, position.id);
      if (current && (current.is_key === 1) === isKey && Number(current.version) === expectedVersion) return { positionId: position.id, isKey, version: expectedVersion };
      const version = await claimEditVersion(run, { table: 'position', key: position.id }, expectedVersion, { subject, actor, at: this.clock.now() });
      await this.sql.succession.overview.setKey(run, position.id, isKey);
      await this.audit.record(manager, {
        actor, action: 'update', entity: 'position', entityId: position.id,
        summary: isKey ? `Menandai ${position.name} sebagai jabatan kritikal` : `Melepas tanda jabatan kritikal dari ${position.name}`,
        changes: [{ field: 'isKey', label: 'Jabatan kritikal', before: isKey ? 'Tidak' : 'Ya', after: isKey ? 'Ya' : 'Tidak' }],
        before: { isKey: !isKey }, after: { isKey },
      });
      return { positionId: position.id, isKey, version };
    });
  }

  private async auditPlan(manager: EntityManager, a: {
    actor: string; planId: number; revision: number; positionName: string; summary: string; diff: PlanDiff; name: (id: number) => string;
    labels: ReadinessLabels; before: unknown; after: unknown;
  }) {
    const { diff, name, labels } = a;
    const describe = (c: { readiness: Readiness; rank: number } | undefined) => (c ? `${labels[c.readiness]}, urutan ${c.rank}` : null);
    const changes: AuditChange[] = [
      ...diff.touched.map((id) => ({ field: `kandidat:${id}`, label: `Kandidat ${name(id)}`, before: describe(diff.before.get(id)), after: describe(diff.after.get(id)) })),
      ...(diff.notesChanged ? [{ field: 'notes', label: 'Catatan rencana', before: diff.notesBefore, after: diff.notesAfter }] : []),
    ];
    await this.audit.record(manager, {
      actor: a.actor, action: a.revision === 1 ? 'create' : 'update', entity: 'succession_plan', entityId: a.planId,
      summary: `Rencana suksesi ${a.positionName} (revisi ${a.revision}): ${a.summary}`, changes, before: a.before, after: a.after,
    });
    // One entry per person whose place in the plan changed, so it shows in their profile's log.
    for (const id of diff.touched) {
      const was = diff.before.get(id);
      const now = diff.after.get(id);
      const text = !was ? `Ditambahkan sebagai kandidat suksesi ${a.positionName} (${labels[now!.readiness]})`
        : !now ? `Dikeluarkan dari rencana suksesi ${a.positionName}`
        : `Kandidat suksesi ${a.positionName}: ${describe(was)} → ${describe(now)}`;
      await this.audit.record(manager, {
        actor: a.actor, action: !was ? 'create' : !now ? 'delete' : 'update', entity: 'succession_candidate', entityId: a.planId, employeeId: id,
        summary: text, changes: [{ field: 'kandidat', label: `Rencana suksesi ${a.positionName}`, before: describe(was), after: describe(now) }],
      });
    }
  }
}

function diffPlan(
  before: Array<{ employee_id: number; readiness: Readiness; rank: number; notes: string | null }>,
  after: Array<{ employeeId: number; readiness: Readiness; notes: string | null }>,
  notesBefore: string | null,
  notesAfter: string | null,
): PlanDiff {
  const b = new Map(before.map((x, i) => [x.employee_id, { readiness: x.readiness, rank: i + 1, notes: x.notes }]));
  const a = new Map(after.map((x, i) => [x.employeeId, { readiness: x.readiness, rank: i + 1, notes: x.notes }]));
  const added = after.filter((x) => !b.has(x.employeeId)).map((x) => x.employeeId);
  const removed = before.filter((x) => !a.has(x.employee_id)).map((x) => x.employee_id);
  const common = after.filter((x) => b.has(x.employeeId)).map((x) => x.employeeId);
  const readinessChanged = common.filter((id) => a.get(id)!.readiness !== b.get(id)!.readiness);
  const notesOfCandidateChanged = common.filter((id) => (a.get(id)!.notes ?? null) !== (b.get(id)!.notes ?? null));
  const commonBefore = before.filter((x) => a.has(x.employee_id)).map((x) => x.employee_id);
  const orderChanged = commonBefore.some((id, i) => common[i] !== id);
  const rankMoved = common.filter((id) => a.get(id)!.rank !== b.get(id)!.rank);
  const notesChanged = (notesBefore ?? null) !== (notesAfter ?? null);
  const touched = [...new Set([...added, ...removed, ...readinessChanged, ...notesOfCandidateChanged, ...rankMoved])];
  return {
    changed: added.length + removed.length + readinessChanged.length + notesOfCandidateChanged.length > 0 || orderChanged || notesChanged || rankMoved.length > 0,
    before: b, after: a, added, removed, readinessChanged, notesOfCandidateChanged, orderChanged, notesChanged, notesBefore, notesAfter, touched,
  };
}

function describeDiff(d: PlanDiff, name: (id: number) => string, labels: ReadinessLabels): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`menambah ${d.added.map((id) => `${name(id)} (${labels[d.after.get(id)!.readiness]})`).join(', ')}`);
  if (d.removed.length) parts.push(`mengeluarkan ${d.removed.map(name).join(', ')}`);
  if (d.readinessChanged.length) {
    parts.push(`mengubah kesiapan ${d.readinessChanged.map((id) => `${name(id)} (${labels[d.before.get(id)!.readiness]} → ${labels[d.after.get(id)!.readiness]})`).join(', ')}`);
  }
  if (d.orderChanged) parts.push('mengubah urutan kandidat');
  if (d.notesOfCandidateChanged.length) parts.push(`mengubah catatan ${d.notesOfCandidateChanged.map(name).join(', ')}`);
  if (d.notesChanged) parts.push('mengubah catatan rencana');
  const text = parts.join('; ');
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}

/** How many revisions a position page lists, newest first. */
const HISTORY_LIMIT = 50;

/** The revisions as the page lists them, each with the plan as it was saved. */
function historyOf(rows: ReadonlyArray<{ revision: number; saved_by: string; saved_at: string; summary: string; snapshot: string }>): PositionDetail['history'] {
  return rows.map((r) => {
    let candidates: PositionDetail['history'][number]['candidates'] = [];
    let notes: string | null = null;
    try {
      const parsed = JSON.parse(r.snapshot) as { notes?: string | null; candidates?: Array<{ employeeId: number; fullName: string; readiness: Readiness; rank: number; notes?: string | null }> };
      notes = parsed.notes ?? null;
      candidates = (parsed.candidates ?? []).map((c) => ({ employeeId: c.employeeId, fullName: c.fullName, readiness: c.readiness, rank: c.rank, notes: c.notes ?? null }));
    } catch {
      candidates = [];
    }
    return { revision: r.revision, savedBy: r.saved_by, savedAt: r.saved_at, summary: r.summary, notes, candidates };
  });
}
