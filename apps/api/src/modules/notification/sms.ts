import { createHmac, randomUUID } from 'node:crypto';
import type { SmsConfig } from './channel-settings.service';
import { dateTimeFormat } from '../../common/date-format';

/** GSM 03.38 basic set: a message using only these is 7-bit (160/153 per segment); anything else is UCS-2 (70/67). */
const GSM7 = new Set([
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
]);
const GSM7_EXTENDED = new Set([...'^{}\\[~]|€']);

export interface SmsEncoding {
  encoding: 'gsm7' | 'ucs2';
  /** Units used (septets for GSM-7 — extended characters take two; UTF-16 code units for UCS-2). */
  units: number;
}

export function smsEncoding(text: string): SmsEncoding {
  let units = 0;
  for (const ch of text) {
    if (GSM7.has(ch)) units += 1;
    else if (GSM7_EXTENDED.has(ch)) units += 2;
    else return { encoding: 'ucs2', units: text.length };
  }
  return { encoding: 'gsm7', units };
}

/**
 * Splits a message the way a handset joins it: one segment up to 70 UCS-2 units (160 GSM-7), otherwise segments of
 * 67 (153) — the concatenation header takes the rest. Never cuts a surrogate pair (emoji) or a GSM-7 escape.
 */
export function segmentSms(text: string): string[] {
  const { encoding, units } = smsEncoding(text);
  const single = encoding === 'ucs2' ? 70 : 160;
  if (units <= single) return [text];
  const limit = encoding === 'ucs2' ? 67 : 153;
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of text) {
    const cost = encoding === 'ucs2' ? ch.length : GSM7_EXTENDED.has(ch) ? 2 : 1;
    if (used + cost > limit) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += ch;
    used += cost;
  }
  if (current) parts.push(current);
  return parts;
}

/** A Chinese mobile number (optionally +86), normalised to 11 digits; null when it is not one. */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export interface SmsMessage {
  to: string;
  text: string;
  /** Idempotency key of the delivery (providers that dedupe take it as `outId` / `SessionContext`). */
  reference: string;
}

export interface SmsResult {
  providerMessageId: string;
  segments: number;
}

/** A provider behind an HTTP API. Throw SmsProviderError to have the delivery retried or given up. */
export interface SmsProvider {
  send(message: SmsMessage): Promise<SmsResult>;
}

export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** The request body per documented shape (docs/notifications.md shows each). */
export function smsRequestBody(config: SmsConfig, to: string, text: string, reference: string): Record<string, unknown> {
  switch (config.format) {
    case 'aliyun':
      // Alibaba Cloud SendSms parameters (sent as JSON to a gateway that signs them with the RPC signature).
      return {
        PhoneNumbers: to,
        SignName: config.signName ?? '',
        TemplateParam: JSON.stringify({ content: text }),
        OutId: reference,
        AccessKeyId: config.accessKeyId ?? '',
      };
    case 'tencent':
      // Tencent Cloud SendSms (API 3.0) request body.
      return {
        PhoneNumberSet: [`+86${to}`],
        SignName: config.signName ?? '',
        TemplateParamSet: [text],
        SessionContext: reference,
        SmsSdkAppId: config.accessKeyId ?? '',
      };
    default:
      return { to, text, sign: config.signName ?? null, reference, accessKeyId: config.accessKeyId ?? null };
  }
}

/** `X-Redress-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` — the same scheme as webhooks. */
export function signBody(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The generic HTTP adapter: POSTs JSON to the configured endpoint, signed with the tenant's key (HMAC-SHA256 over
 * timestamp and body), with a time limit. 2xx is success (provider id from `messageId` / `BizId` / `SerialNo` / `id`
 * in the answer); 4xx other than 408/429 is permanent; anything else is retried.
 */
export class HttpSmsProvider implements SmsProvider {
  constructor(
    private readonly config: SmsConfig,
    private readonly secret: string | null,
    private readonly now: () => Date,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: SmsMessage): Promise<SmsResult> {
    const parts = this.config.longMessages === 'split' ? segmentSms(message.text) : [message.text];
    const segments = segmentSms(message.text).length;
    const ids: string[] = [];
    for (const [index, text] of parts.entries()) {
      const reference = parts.length > 1 ? `${message.reference}#${index + 1}` : message.reference;
      ids.push(await this.post(smsRequestBody(this.config, message.to, text, reference)));
    }
    return { providerMessageId: ids.join(','), segments };
  }

  private async post(payload: Record<string, unknown>): Promise<string> {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-redress-timestamp': timestamp,
      'x-redress-nonce': randomUUID(),
    };
    if (this.secret) headers['x-redress-signature'] = signBody(this.secret, timestamp, body);
    let response: Response;
    try {
      response = await fetch(this.config.endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new SmsProviderError(`SMS endpoint unreachable: ${(error as Error).message}`, false);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status);
      throw new SmsProviderError(`SMS provider answered ${response.status}: ${text.slice(0, 300)}`, permanent);
    }
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* a bare 2xx is accepted */
    }
    return String(parsed.messageId ?? parsed.BizId ?? parsed.SerialNo ?? parsed.id ?? '');
  }
}

/** Minutes since midnight of an instant in a time zone. */
function minutesIn(at: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24;
  return hour * 60 + Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** When the quiet hours containing `at` end, or null when `at` is outside them. Handles windows across midnight. */
export function quietHoursEnd(at: Date, quiet: { start: string; end: string } | null | undefined, timeZone: string): Date | null {
  if (!quiet) return null;
  const now = minutesIn(at, timeZone);
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return null;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const wait = (end - now + 24 * 60) % (24 * 60);
  const until = new Date(at.getTime() + wait * 60_000);
  until.setUTCSeconds(0, 0);
  return until;
}
