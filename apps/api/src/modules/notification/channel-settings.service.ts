import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { PersonalDataCipher } from '../../common/crypto/personal-data';
import { ChannelSetting } from './notification.entity';
import { NotificationErrors } from './notification.exception';

export interface EmailConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  /** Refuse to send unless the connection is encrypted (STARTTLS required). */
  requireTls?: boolean;
  /** Accept self-signed certificates (an internal relay). */
  allowSelfSigned?: boolean;
  user?: string | null;
  from: string;
  fromName?: string | null;
  /** The tenant's intake mailbox: Reply-To of every mail (plus-addressed with the complaint number) and where complaints arrive. */
  intakeAddress?: string | null;
  /** Complaint type of mail that arrives at the intake address (default `consultation`; staff reclassify). */
  intakeType?: string | null;
}

export interface SmsConfig {
  /** The provider's HTTP endpoint (generic adapter, docs/notifications.md). */
  endpoint: string;
  /** Request shape: `generic` JSON, or the documented shapes `aliyun` / `tencent`-style bodies sent to a gateway. */
  format: 'generic' | 'aliyun' | 'tencent';
  accessKeyId?: string | null;
  signName?: string | null;
  /** `concatenated`: one request, the provider joins the segments; `split`: one request per segment. */
  longMessages: 'concatenated' | 'split';
  /** No customer SMS between start and end (tenant's time zone) unless the notice is urgent, e.g. 21:00–08:00. */
  quietHours?: { start: string; end: string } | null;
}

export type ChannelConfig = { email: EmailConfig; sms: SmsConfig };

export interface StoredChannel<K extends keyof ChannelConfig> {
  enabled: boolean;
  config: ChannelConfig[K];
  /** Decrypted secret (SMTP password, SMS signing key): only for the sender, never logged or returned. */
  secret: string | null;
  hasSecret: boolean;
  updatedAt: Date;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Per-tenant channel settings; secrets encrypted with the personal-data cipher. */
@Injectable()
export class ChannelSettingsService {
  constructor(
    @InjectRepository(ChannelSetting) private readonly settings: Repository<ChannelSetting>,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
  ) {}

  async get<K extends keyof ChannelConfig>(tenantId: string, channel: K): Promise<StoredChannel<K> | null> {
    const row = await this.settings.findOne({ where: { tenantId, channel } });
    if (!row) return null;
    return {
      enabled: row.enabled,
      config: row.config as unknown as ChannelConfig[K],
      secret: this.cipher.decrypt(row.secretEnc ?? null),
      hasSecret: Boolean(row.secretEnc),
      updatedAt: row.updatedAt,
    };
  }

  /** Saves a channel's settings; `secret` undefined keeps the stored one, null clears it. */
  async set<K extends keyof ChannelConfig>(
    tenantId: string,
    channel: K,
    config: ChannelConfig[K],
    enabled: boolean,
    secret: string | null | undefined,
  ): Promise<void> {
    if (channel === 'email') checkEmail(config as EmailConfig);
    if (channel === 'sms') checkSms(config as SmsConfig);
    const existing = await this.settings.findOne({ where: { tenantId, channel } });
    const secretEnc =
      secret === undefined ? (existing?.secretEnc ?? null) : secret === null || secret === '' ? null : this.cipher.encrypt(secret);
    const row = { tenantId, channel, enabled, config: config as never, secretEnc, updatedAt: this.clock.now() };
    if (existing) await this.settings.update({ id: existing.id }, row);
    else await this.settings.insert({ id: newId(), ...row });
  }
}

const invalid = (message: string) => NotificationErrors.create('INVALID_SETTING', { field: 'input', params: { message } });
export const EMAIL_ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

function checkEmail(config: EmailConfig): void {
  if (!config.host?.trim()) throw invalid('host');
  if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) throw invalid('port 1–65535');
  if (!EMAIL_ADDRESS.test(config.from ?? '')) throw invalid('from must be an e-mail address');
  if (config.intakeAddress && !EMAIL_ADDRESS.test(config.intakeAddress)) throw invalid('intakeAddress must be an e-mail address');
}

function checkSms(config: SmsConfig): void {
  let url: URL;
  try {
    url = new URL(config.endpoint);
  } catch {
    throw invalid('endpoint must be a URL');
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw invalid('endpoint must be http(s)');
  if (!['generic', 'aliyun', 'tencent'].includes(config.format)) throw invalid('format: generic | aliyun | tencent');
  if (!['concatenated', 'split'].includes(config.longMessages)) throw invalid('longMessages: concatenated | split');
  if (config.quietHours && (!CLOCK.test(config.quietHours.start) || !CLOCK.test(config.quietHours.end))) throw invalid('quietHours HH:MM');
}
