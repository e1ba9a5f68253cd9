import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { withCurrentDatabase } from './current-database';
import { SystemClock, type Clock } from '../common/clock';
import { AuditService } from '../modules/audit/audit.service';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { Tenant } from '../modules/tenant/tenant.entity';
import { PolicyVersion } from '../modules/policy/policy-version.entity';
import { CompiledPolicy } from '../modules/policy/engine/compiled-policy';
import { RetentionPurger, type RetentionReport } from '../modules/ops/retention/retention';
import { storageFromEnvironment } from '../modules/attachment/attachment-storage';

const USAGE = `Usage: npm run retention [-- --tenant <slug>] [--purge]

Lists, per tenant and complaint type, the closed complaints past their type's retention period (policy:
retentionMonths). Without --purge nothing is removed (dry run). With --purge they are removed with their personal
data from every table and every export file, and an audit entry records the counts.`;

function print(out: (line: string) => void, slug: string, report: RetentionReport): void {
  const verb = report.dryRun ? 'would purge' : 'purged';
  out(
    `${slug}: ${verb} ${report.complaints} complaint(s), ${report.customers} complainant record(s)${report.dryRun ? '' : `, ${report.exportFiles} export file(s), ${report.attachmentFiles} attachment file(s)`} (policy v${report.policyVersion ?? '-'}, as of ${report.asOf.toISOString()})`,
  );
  for (const t of report.types)
    out(
      `  ${t.type}${t.typeName ? ` ${t.typeName}` : ''}: ${t.complaints} closed on or before ${t.closedBefore.toISOString()} (${t.retentionMonths} months)`,
    );
}

/** `npm run retention [-- --purge]`: the retention purge for the operator's cron (the API offers the same to admins). */
export async function runRetentionCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = console.log,
  clock: Clock = new SystemClock(),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { tenant: { type: 'string' }, purge: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const config = loadConfig(env);
  return withCurrentDatabase(config, async (dataSource) => {
    const purger = new RetentionPurger({
      dataSource,
      clock,
      audit: new AuditService(dataSource.getRepository(AuditLog), clock),
      dataDir: config.dataDir,
      storage: storageFromEnvironment(env, config.dataDir),
      currentPolicy: async (tenantId) => {
        const row = await dataSource
          .getRepository(PolicyVersion)
          .findOne({ where: { tenantId, status: 'published' }, order: { version: 'DESC' } });
        return row ? new CompiledPolicy(row.version, row.document) : null;
      },
    });
    const tenants = await dataSource
      .getRepository(Tenant)
      .find({ where: values.tenant ? { slug: values.tenant } : {}, order: { slug: 'ASC' } });
    if (values.tenant && !tenants.length) {
      out(`No tenant with slug "${values.tenant}".`);
      return 2;
    }
    for (const tenant of tenants) {
      print(out, tenant.slug, values.purge ? await purger.purge({ tenantId: tenant.id, role: 'system' }) : await purger.report(tenant.id));
    }
    return 0;
  });
}

if (require.main === module) {
  runRetentionCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
