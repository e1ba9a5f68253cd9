import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Clock, travelTo } from '../../../common/clock';
import { AppError } from '../../../common/errors/app-error';
import type { AuthContext } from '../../../common/auth/auth-context';
import { Role } from '../../../common/auth/roles';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/config';
import type { DemoSeeder } from '../../demo/demo-seeders';
import { User } from '../../auth/user.entity';
import { SlaScheduler } from '../../sla/sla.scheduler';
import { StatsRollup } from '../../analytics/stats-rollup.service';
import { Complaint } from '../complaint.entity';
import { ComplaintIntakeService } from '../complaint-intake.service';
import { ComplaintService } from '../complaint.service';
import { planDemoComplaints, type DemoActor, type DemoStep } from './demo-complaints';

const DAY = 86_400_000;

/**
 * Fills the demo tenant with `config.demoComplaints` complaints (default 300) over the last 90 days, so the
 * dashboard, queues, statistics and simulation have something to show at first sign-in.
 *
 * Everything goes through the real services (intake decisions, SLA clocks, escalations, timeline, outbox): the
 * seeder sets the injected clock to each planned instant, and fires the SLA clocks due at every simulated day, so
 * the history is what the platform would have recorded — overdue complaints are overdue by their own deadlines.
 */
@Injectable()
export class ComplaintDemoSeeder implements DemoSeeder {
  private readonly logger = new Logger('DemoComplaints');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly intake: ComplaintIntakeService,
    private readonly complaints: ComplaintService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedDemo(tenantId: string): Promise<void> {
    const count = this.config.demoComplaints ?? 0;
    if (count <= 0) return;
    const started = Date.now();
    const now = this.clock.now();
    const users = await this.dataSource.getRepository(User).find({ where: { tenantId } });
    const auth = (actor: DemoActor): AuthContext => {
      const user = users.find((u) => u.role === (actor as Role));
      if (!user) throw new Error(`demo user with role ${actor} missing`);
      return { tenantId, role: user.role, userId: user.id, email: user.email };
    };
    const scheduler = this.moduleRef.get(SlaScheduler, { strict: false });
    const plan = planDemoComplaints(count, now);
    const ids = new Map<number, string>();
    /** A complaint whose step was refused (e.g. routed differently than planned) stops there, as in real life. */
    const stopped = new Set<number>();
    let skipped = 0;
    let lastSweep = plan.length ? plan[0].at.getTime() : now.getTime();
    const restore = travelTo(this.clock, plan.length ? plan[0].at : now);
    const spent: Record<string, number> = {};
    const sqlite = this.dataSource.options.type === 'better-sqlite3';
    // An fsync per commit would make the ~1,500 seeding transactions take most of a minute; a half-seeded demo
    // tenant on a fresh database is worth nothing after a power cut, so the demo history is written with NORMAL.
    if (sqlite) await this.dataSource.query('PRAGMA synchronous = NORMAL');
    try {
      for (const { at, complaint: index, step } of plan) {
        // Fire the SLA clocks due before this step, once per simulated day: warnings and breaches land in history.
        if (at.getTime() - lastSweep >= DAY) {
          restore.set(new Date((lastSweep = at.getTime())));
          const t0 = Date.now();
          await scheduler.tick();
          spent.sweep = (spent.sweep ?? 0) + Date.now() - t0;
        }
        restore.set(at);
        if (stopped.has(index)) continue;
        const t0 = Date.now();
        try {
          const id = await this.run(step, ids.get(index), auth);
          if (id) ids.set(index, id);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          stopped.add(index);
          skipped += 1;
        }
        spent[step.kind] = (spent[step.kind] ?? 0) + Date.now() - t0;
      }
      restore.set(now);
      await scheduler.tick();
    } finally {
      restore.done();
      if (sqlite) await this.dataSource.query('PRAGMA synchronous = FULL');
    }
    // The statistics rollup may have run while the clock was moved: built again from the complaints as they are.
    await this.rollup()?.rebuild(tenantId);
    this.logger.log(
      `Demo history: ${ids.size} complaints, ${plan.length - skipped} steps over 90 days in ${Date.now() - started} ms (${skipped} refused; ms by kind ${JSON.stringify(spent)})`,
    );
  }

  /** The analytics module's rollup, when that module is part of the app. */
  private rollup(): StatsRollup | null {
    try {
      return this.moduleRef.get(StatsRollup, { strict: false });
    } catch {
      return null;
    }
  }

  /** One planned step through the service a person would have used; returns the complaint id after a submit. */
  private async run(step: DemoStep, id: string | undefined, auth: (actor: DemoActor) => AuthContext): Promise<string | void> {
    const who = auth(step.actor);
    if (step.kind === 'submit') return (await this.intake.submit(who, { ...step.input })).id;
    if (!id) return;
    const current = await this.dataSource.getRepository(Complaint).findOneByOrFail({ id });
    switch (step.kind) {
      case 'assign':
        if (current.assigneeId) return;
        await this.complaints.assign(who, {
          complaintId: id,
          assigneeId: auth(step.assignee ?? 'handler').userId,
          reason: step.reason ?? '指派给处理专员',
        });
        return;
      case 'transition':
        // Manually routed (e.g. major complaints to compliance): the manager gives it to the handler first.
        if (step.to === 'in_progress' && !current.assigneeId && current.valid) {
          await this.complaints.assign(auth('manager'), { complaintId: id, assigneeId: auth('handler').userId, reason: '指派给处理专员' });
        }
        await this.complaints.transition(who, id, step.to, step.comment);
        return;
      case 'note':
        await this.complaints.addNote(who, id, step.text, step.note);
        return;
      case 'reply':
        await this.complaints.reply(who, { complaintId: id, body: step.body });
        return;
      case 'approve':
        if (current.approvalStatus !== 'pending') return; // only replies of major complaints wait for approval
        await this.complaints.decideApproval(who, id, true, step.comment);
        return;
      case 'followUp':
        await this.complaints.recordFollowUp(who, {
          complaintId: id,
          satisfied: step.satisfied,
          score: step.score,
          comment: step.comment,
          method: 'phone',
        });
        return;
    }
  }
}
