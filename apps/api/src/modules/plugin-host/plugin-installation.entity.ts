import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

/**
 * A plugin as one tenant uses it: enabled or not, the preset arguments its policy objects were built with, and the
 * tenant's settings for it. Disabling keeps the row (and every complaint, policy object and outbox row it caused).
 */
@Entity('plugin_installation')
@Index('ux_plugin_installation', ['tenantId', 'pluginId'], { unique: true })
export class PluginInstallation {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'plugin_id', type: 'varchar', length: 64 }) pluginId!: string;
  /** Version of the plugin whose objects were last applied to the draft. */
  @Column({ name: 'plugin_version', type: 'varchar', length: 32 }) pluginVersion!: string;
  @Column({ type: 'boolean', default: false }) enabled!: boolean;
  @JsonColumn({ name: 'preset_args' }) presetArgs!: Record<string, Record<string, unknown>>;
  @JsonColumn() settings!: Record<string, unknown>;
  @DateTimeColumn({ name: 'enabled_at', nullable: true }) enabledAt?: Date | null;
  @DateTimeColumn({ name: 'disabled_at', nullable: true }) disabledAt?: Date | null;
  @DateTimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}

export type PluginFailurePhase = 'blocking' | 'after';

/**
 * One failed run of a plugin's hook or handler (threw, overran its time limit, returned something unusable). The
 * count of these rows per tenant and plugin is the installation's failure counter; append-only, so concurrent
 * intakes never contend on a counter row.
 */
@Entity('plugin_failure')
@Index('ix_plugin_failure', ['tenantId', 'pluginId', 'occurredAt'])
export class PluginFailure {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'plugin_id', type: 'varchar', length: 64 }) pluginId!: string;
  @Column({ name: 'event_name', type: 'varchar', length: 64 }) eventName!: string;
  @Column({ type: 'varchar', length: 16 }) phase!: PluginFailurePhase;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36, nullable: true }) complaintId?: string | null;
  /** The outbox message whose delivery failed (after-handlers). */
  @Column({ name: 'message_id', type: 'varchar', length: 36, nullable: true }) messageId?: string | null;
  @Column({ type: 'integer', default: 1 }) attempt!: number;
  @Column({ name: 'timed_out', type: 'boolean', default: false }) timedOut!: boolean;
  @Column({ type: 'text' }) error!: string;
  @DateTimeColumn({ name: 'occurred_at' }) occurredAt!: Date;
}
