import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { withCurrentDatabase } from './current-database';
import { SystemClock } from '../common/clock';
import { AuditService } from '../modules/audit/audit.service';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { provisionTenant } from '../modules/auth/tenant-provisioning';
import { AppError } from '../common/errors/app-error';

const USAGE = `Usage: npm run tenant -- create --name <name> --slug <slug> --admin-email <email> [--admin-name <name>] [--time-zone <IANA zone>] [--locale zh-CN|en]

Creates a tenant and its first admin, and prints a one-time setup link (valid 7 days) for the admin to set a password.
Links start with REDRESS_PUBLIC_URL (default http://localhost:$PORT).`;

/** `npm run tenant -- create …`: the platform operator's way to create a tenant from the command line. */
export async function runTenantCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: (line: string) => void = console.log,
): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'time-zone': { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || positionals[0] !== 'create' || !values.name || !values.slug || !values['admin-email']) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig(env);
  return withCurrentDatabase(config, async (dataSource) => {
    const clock = new SystemClock();
    const created = await dataSource.transaction((manager) =>
      provisionTenant(
        manager,
        {
          name: values.name!,
          slug: values.slug!,
          adminEmail: values['admin-email']!,
          adminName: values['admin-name'],
          timeZone: values['time-zone'],
          locale: values.locale,
        },
        { now: clock.now(), publicUrl: config.publicUrl, audit: new AuditService(dataSource.getRepository(AuditLog), clock) },
      ),
    );
    out(`Created tenant "${created.tenant.name}" (${created.tenant.slug}) with admin ${created.admin.email}.`);
    out(`One-time setup link for the admin (valid until ${created.link.expiresAt.toISOString()}):`);
    out(created.link.url);
    return 0;
  });
}

if (require.main === module) {
  runTenantCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      const message =
        error instanceof AppError ? `${error.reason}: ${error.message}` : error instanceof Error ? error.message : String(error);
      console.error(message);
      process.exit(1);
    },
  );
}
