import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Complaints1764100000000 } from './1764100000000-Complaints';
import { PolicyAndAudit1764000700042 } from './1764000700042-PolicyAndAudit';
import { SlaClocks1764100900731 } from './1764100900731-SlaClocks';
import { Analytics1764300517203 } from './1764300517203-Analytics';
import { PluginHost1764200300517 } from './1764200300517-PluginHost';
import { ClassifierModels1764400812377 } from './1764400812377-ClassifierModels';
import { StatsRollup1764501730911 } from './1764501730911-StatsRollup';
import { ClassifierGate1765000600001 } from './1765000600001-ClassifierGate';

/** Every migration in order. They use the QueryRunner API so each runs on SQLite and PostgreSQL. */
export const MIGRATIONS: Function[] = [Foundation1764000000000, PolicyAndAudit1764000700042, Complaints1764100000000, SlaClocks1764100900731, PluginHost1764200300517, Analytics1764300517203, ClassifierModels1764400812377, StatsRollup1764501730911, ClassifierGate1765000600001];
