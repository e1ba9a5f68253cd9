import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call, slug, upload, type ApiError } from './api';
import { DAY_REASONS, EVENTS, STATES, TARGETS, localized, translator, type Lang, type T } from './i18n';
import { holds } from './logic';

type Text = { zh: string; en?: string };
interface Field {
  key: string;
  label: Text;
  type: string;
  required: boolean;
  options: { value: string; label: Text }[] | null;
  help: Text | null;
  visibleWhen: unknown;
  requiredWhen: unknown;
  validation: { minLength?: number; maxLength?: number; min?: number; max?: number } | null;
}
interface TypeDef {
  key: string;
  parentKey: string | null;
  name: Text;
  fields: Field[];
}
interface FormDef {
  tenant: { slug: string; name: string };
  policyVersion: number;
  types: TypeDef[];
  attachments: { maxFileBytes: number; maxFiles: number; allowedTypes: string[] };
}
interface FileView {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  url: string;
  thumbnailUrl: string | null;
}
interface ClockView {
  target: string;
  status: string;
  state: string;
  dueAt: string;
  workingDaysLeft: number;
  days: { date: string; reason: string; name: string | null }[];
  extensions: { reason: string; newDueAt: string }[];
}
interface ComplaintView {
  number: string;
  state: string;
  type: { name: Text };
  title: string | null;
  text: string;
  receivedAt: string;
  timeZone: string;
  history: { seq: number; type: string; at: string; byCustomer: boolean; data: Record<string, any> }[];
  replies: { id: string; subject: string | null; body: string; at: string }[];
  clocks: ClockView[];
  files: FileView[];
  actions: { followUp: boolean; addInformation: boolean; withdraw: boolean };
  version: string;
}

const SESSION_KEY = `redress.portal.${slug}`;
const POLL_MS = 4000;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function message(error: unknown, lang: Lang, t: T): string {
  const e = error as ApiError;
  if (e.reason === 'NETWORK') return t('networkError');
  if (e.reason === 'TOO_MANY_REQUESTS') return t('tooMany', { s: e.details?.retryAfterSeconds ?? 60 });
  return e.messages?.[lang] ?? e.message ?? t('networkError');
}

function formatTime(value: string, lang: Lang, timeZone?: string, dateOnly = false) {
  return new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', ...(dateOnly ? {} : { timeStyle: 'short' }) }).format(
    new Date(value),
  );
}

export function App() {
  const [lang, setLang] = useState<Lang>(
    () => (localStorage.getItem('redress.lang') as Lang) || (navigator.language.startsWith('zh') ? 'zh-CN' : 'zh-CN'),
  );
  const t = useMemo(() => translator(lang), [lang]);
  const [form, setForm] = useState<FormDef | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [tab, setTab] = useState<'submit' | 'track'>('submit');
  const [session, setSession] = useState<string | null>(() => sessionStorage.getItem(SESSION_KEY));
  const [receipt, setReceipt] = useState<{ number: string; accessCode: string; session: string } | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('redress.lang', lang);
  }, [lang]);
  const loadForm = useCallback(
    () =>
      call<FormDef>('/form').then((f) => {
        setForm(f);
        document.title = `${f.tenant.name} · ${t('title')}`;
        return f;
      }),
    [t],
  );
  useEffect(() => {
    loadForm().catch((e: ApiError) =>
      setFatal(e.reason === 'TENANT_NOT_FOUND' ? 'notFound' : e.reason === 'PORTAL_CLOSED' ? 'closedPortal' : 'networkError'),
    );
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const open = (s: string) => {
    sessionStorage.setItem(SESSION_KEY, s);
    setSession(s);
    setReceipt(null);
  };
  const leave = () => {
    sessionStorage.removeItem(SESSION_KEY);
    setSession(null);
    setTab('track');
  };

  return (
    <div className="page">
      <header className="bar">
        <strong>{form?.tenant.name ?? ''}</strong>
        <button
          type="button"
          className="link"
          onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
          lang={lang === 'en' ? 'zh-CN' : 'en'}
        >
          {t('lang')}
        </button>
      </header>
      <main>
        <h1>{t('title')}</h1>
        {fatal ? (
          <p role="alert" className="error">
            {t(fatal as 'notFound')}
          </p>
        ) : session ? (
          <Complaint session={session} lang={lang} t={t} onExpired={leave} />
        ) : receipt ? (
          <Receipt receipt={receipt} t={t} onOpen={() => open(receipt.session)} />
        ) : !form ? (
          <p aria-busy="true">…</p>
        ) : (
          <>
            <nav className="tabs" role="tablist">
              <button role="tab" aria-selected={tab === 'submit'} onClick={() => setTab('submit')}>
                {t('submitTab')}
              </button>
              <button role="tab" aria-selected={tab === 'track'} onClick={() => setTab('track')}>
                {t('trackTab')}
              </button>
            </nav>
            {tab === 'submit' ? (
              <SubmitForm form={form} lang={lang} t={t} reload={loadForm} onDone={setReceipt} />
            ) : (
              <Track lang={lang} t={t} onOpen={open} />
            )}
          </>
        )}
      </main>
    </div>
  );
}

// ── submit ────────────────────────────────────────────────────────────────────────────────────────────

function SubmitForm({
  form,
  lang,
  t,
  reload,
  onDone,
}: {
  form: FormDef;
  lang: Lang;
  t: T;
  reload: () => Promise<FormDef>;
  onDone: (r: { number: string; accessCode: string; session: string }) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [fields, setFields] = useState<Record<string, unknown>>({});
  const [files, setFiles] = useState<{ id: string; filename: string; preview: string | null }[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // One key per complaint being written: a double click or a retry after a lost answer never makes a second one.
  const key = useRef(newKey());
  const type = form.types.find((x) => x.key === values.type);
  const facts = { complaint: { type: values.type, channel: 'web', text: values.text ?? '', form: fields } };
  const set = (k: string) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const addFiles = async (list: FileList | null) => {
    if (!list) return;
    for (const file of Array.from(list)) {
      if (files.length >= form.attachments.maxFiles) break;
      setBusy(t('uploading'));
      try {
        const done = await upload(file);
        setFiles((f) => [
          ...f,
          { id: done.id, filename: done.filename, preview: done.mimeType.startsWith('image/') ? URL.createObjectURL(file) : null },
        ]);
        setProblems((p) => ({ ...p, files: '' }));
      } catch (error) {
        setProblems((p) => ({ ...p, files: message(error, lang, t) }));
      } finally {
        setBusy(null);
      }
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(t('submitting'));
    setNotice(null);
    try {
      const visible = Object.fromEntries(
        Object.entries(fields).filter(([k]) => type?.fields.some((f) => f.key === k && holds(f.visibleWhen, facts))),
      );
      const result = await call<{ number: string; accessCode: string; session: string }>('/complaints', {
        body: {
          policyVersion: form.policyVersion,
          idempotencyKey: key.current,
          type: values.type,
          title: values.title,
          text: values.text,
          requestedRemedy: values.remedy,
          form: visible,
          complainant: { name: values.name, phone: values.phone, email: values.email },
          attachments: files.map((f) => f.id),
        },
        onChallenge: () => setBusy(t('checking')),
      });
      key.current = newKey();
      onDone(result);
    } catch (error) {
      const e = error as ApiError;
      if (e.reason === 'FORM_CHANGED') {
        // The entries stay in state; the new form renders around them.
        await reload();
        setNotice(t('formChanged'));
      } else if (e.problems?.length) {
        setProblems(
          Object.fromEntries(
            e.problems.map((p) => [
              p.field.replace(/^input\.(form\.)?/, '').replace(/^complainant\./, ''),
              p.messages?.[lang] ?? p.message,
            ]),
          ),
        );
        setNotice(t('formErrors'));
      } else {
        const field = e.field?.replace(/^input\./, '');
        if (field) setProblems({ [field === 'attachments' ? 'files' : field]: message(e, lang, t) });
        setNotice(message(e, lang, t));
      }
    } finally {
      setBusy(null);
    }
  };

  const input = (k: string, label: string, props: Record<string, unknown> = {}, required = false) => (
    <Control id={k} label={label} required={required} error={problems[k]} t={t}>
      {(aria) =>
        props.multiline ? (
          <textarea {...aria} rows={5} value={values[k] ?? ''} onChange={set(k)} />
        ) : (
          <input {...aria} {...props} value={values[k] ?? ''} onChange={set(k)} />
        )
      }
    </Control>
  );

  return (
    <form onSubmit={submit} noValidate aria-describedby={notice ? 'form-notice' : undefined}>
      {notice && (
        <p id="form-notice" role="alert" className="notice">
          {notice}
        </p>
      )}
      <Control id="type" label={t('type')} required error={problems.type} t={t}>
        {(aria) => (
          <select {...aria} value={values.type ?? ''} onChange={set('type')}>
            <option value="">{t('choose')}</option>
            {form.types.map((x) => (
              <option key={x.key} value={x.key}>
                {localized(x.name, lang)}
              </option>
            ))}
          </select>
        )}
      </Control>
      {input('title', t('subject'), { maxLength: 300 })}
      {input('text', t('text'), { multiline: true }, true)}
      {type?.fields
        .filter((f) => f.type !== 'attachment' && holds(f.visibleWhen, facts))
        .map((f) => (
          <DynamicField
            key={f.key}
            field={f}
            value={fields[f.key]}
            lang={lang}
            t={t}
            error={problems[f.key]}
            required={f.required || (f.requiredWhen ? holds(f.requiredWhen, facts) : false)}
            onChange={(v) => setFields((x) => ({ ...x, [f.key]: v }))}
          />
        ))}
      {input('remedy', t('remedy'), { multiline: true })}
      <fieldset>
        <legend>{t('contactHint')}</legend>
        {input('name', t('name'), { autoComplete: 'name' })}
        {input('phone', t('phone'), { type: 'tel', inputMode: 'tel', autoComplete: 'tel' })}
        {input('email', t('email'), { type: 'email', autoComplete: 'email' })}
      </fieldset>
      <Control
        id="files"
        label={t('files')}
        error={problems.files}
        t={t}
        hint={t('filesHint', { n: form.attachments.maxFiles, size: megabytes(form.attachments.maxFileBytes) })}
      >
        {(aria) => (
          <input
            {...aria}
            type="file"
            multiple
            accept={form.attachments.allowedTypes.join(',')}
            onChange={(e) => {
              void addFiles(e.target.files);
              e.target.value = '';
            }}
          />
        )}
      </Control>
      {files.length > 0 && (
        <ul className="files">
          {files.map((f) => (
            <li key={f.id}>
              {f.preview ? <img src={f.preview} alt="" width={48} height={48} /> : null}
              <span>{f.filename}</span>
              <button type="button" className="link" onClick={() => setFiles((x) => x.filter((y) => y.id !== f.id))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="primary" disabled={Boolean(busy)} aria-busy={Boolean(busy)}>
        {busy ?? t('submit')}
      </button>
    </form>
  );
}

function Control({
  id,
  label,
  required,
  error,
  hint,
  t,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  t: T;
  children: (aria: Record<string, unknown>) => React.ReactNode;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`control${error ? ' invalid' : ''}`}>
      <label htmlFor={`f-${id}`}>
        {label}
        {required ? (
          <span className="req">
            {' '}
            *<span className="sr">{t('required')}</span>
          </span>
        ) : null}
      </label>
      {children({
        id: `f-${id}`,
        name: id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described,
        'aria-required': required || undefined,
      })}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <small id={`${id}-error`} className="error" data-testid={`error-${id}`}>
          {error}
        </small>
      )}
    </div>
  );
}

function DynamicField({
  field,
  value,
  lang,
  t,
  error,
  required,
  onChange,
}: {
  field: Field;
  value: unknown;
  lang: Lang;
  t: T;
  error?: string;
  required: boolean;
  onChange: (v: unknown) => void;
}) {
  const label = localized(field.label, lang);
  const str = value === undefined || value === null ? '' : String(value);
  return (
    <Control
      id={field.key}
      label={label}
      required={required}
      error={error}
      hint={field.help ? localized(field.help, lang) : undefined}
      t={t}
    >
      {(aria) => {
        switch (field.type) {
          case 'long_text':
            return <textarea {...aria} rows={3} value={str} onChange={(e) => onChange(e.target.value)} />;
          case 'number':
          case 'money':
            return (
              <input
                {...aria}
                type="number"
                inputMode="decimal"
                step="any"
                value={str}
                onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
              />
            );
          case 'date':
            return <input {...aria} type="date" value={str} onChange={(e) => onChange(e.target.value || undefined)} />;
          case 'datetime':
            return <input {...aria} type="datetime-local" value={str} onChange={(e) => onChange(e.target.value || undefined)} />;
          case 'boolean':
            return (
              <select {...aria} value={str} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}>
                <option value="">{t('choose')}</option>
                <option value="true">{t('yes')}</option>
                <option value="false">{t('no')}</option>
              </select>
            );
          case 'select':
            return (
              <select {...aria} value={str} onChange={(e) => onChange(e.target.value || undefined)}>
                <option value="">{t('choose')}</option>
                {(field.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {localized(o.label, lang)}
                  </option>
                ))}
              </select>
            );
          case 'multi_select': {
            const chosen = Array.isArray(value) ? (value as string[]) : [];
            return (
              <div role="group" aria-labelledby={`f-${field.key}`} {...{ 'aria-describedby': aria['aria-describedby'] as string }}>
                {(field.options ?? []).map((o) => (
                  <label key={o.value} className="check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o.value)}
                      onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))}
                    />
                    {localized(o.label, lang)}
                  </label>
                ))}
              </div>
            );
          }
          default:
            return (
              <input
                {...aria}
                type={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text'}
                value={str}
                onChange={(e) => onChange(e.target.value || undefined)}
              />
            );
        }
      }}
    </Control>
  );
}

function Receipt({ receipt, t, onOpen }: { receipt: { number: string; accessCode: string }; t: T; onOpen: () => void }) {
  return (
    <section aria-labelledby="receipt-title" className="card">
      <h2 id="receipt-title">{t('submitted')}</h2>
      <dl>
        <dt>{t('yourNumber')}</dt>
        <dd data-testid="receipt-number" className="big">
          {receipt.number}
        </dd>
        <dt>{t('yourCode')}</dt>
        <dd data-testid="receipt-code" className="big">
          {receipt.accessCode}
        </dd>
      </dl>
      <p>{t('keepCode')}</p>
      <button type="button" className="primary" onClick={onOpen}>
        {t('viewNow')}
      </button>
    </section>
  );
}

// ── track ─────────────────────────────────────────────────────────────────────────────────────────────

function Track({ lang, t, onOpen }: { lang: Lang; t: T; onOpen: (session: string) => void }) {
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  // Without the access code: a one-time code to the phone or e-mail on file.
  const [byOneTimeCode, setByOneTimeCode] = useState(false);
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy('…');
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(message(e, lang, t));
    } finally {
      setBusy(null);
    }
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = byOneTimeCode ? { number, oneTimeCode: code } : { number, code };
      onOpen((await call<{ session: string }>('/access', { body, onChallenge: () => setBusy(t('checking')) })).session);
    });
  };
  const sendCode = () =>
    run(async () => {
      await call('/access/one-time-code', { body: { number, channel }, onChallenge: () => setBusy(t('checking')) });
      setSent(true);
    });
  return (
    <form onSubmit={submit} noValidate>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="control">
        <label htmlFor="f-number">{t('number')}</label>
        <input id="f-number" value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />
      </div>
      {byOneTimeCode && (
        <fieldset>
          <legend>{t('otpVia')}</legend>
          <label className="check">
            <input type="radio" name="otp-channel" checked={channel === 'sms'} onChange={() => setChannel('sms')} />
            {t('phone')}
          </label>
          <label className="check">
            <input type="radio" name="otp-channel" checked={channel === 'email'} onChange={() => setChannel('email')} />
            {t('email')}
          </label>
          <button type="button" className="link" disabled={!number || Boolean(busy)} onClick={() => void sendCode()}>
            {t('otpSend')}
          </button>
          {sent && (
            <p role="status" className="muted">
              {t('otpSent')}
            </p>
          )}
        </fieldset>
      )}
      <div className="control">
        <label htmlFor="f-code">{byOneTimeCode ? t('otp') : t('code')}</label>
        <input
          id="f-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete={byOneTimeCode ? 'one-time-code' : 'off'}
          inputMode={byOneTimeCode ? 'numeric' : undefined}
          autoCapitalize="characters"
        />
      </div>
      <button type="submit" className="primary" disabled={Boolean(busy)}>
        {busy ?? t('track')}
      </button>
      <button
        type="button"
        className="link"
        onClick={() => {
          setByOneTimeCode(!byOneTimeCode);
          setCode('');
          setSent(false);
        }}
      >
        {byOneTimeCode ? t('useAccessCode') : t('noAccessCode')}
      </button>
    </form>
  );
}

// ── the complaint ─────────────────────────────────────────────────────────────────────────────────────

function Complaint({ session, lang, t, onExpired }: { session: string; lang: Lang; t: T; onExpired: () => void }) {
  const [view, setView] = useState<ComplaintView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useRef('');
  const refresh = useCallback(async () => {
    try {
      const next = await call<ComplaintView>('/complaint', { session });
      // Re-render only when something changed (links are re-signed on every answer).
      if (next.version !== version.current) {
        version.current = next.version;
        setView(next);
      }
      setError(null);
    } catch (e) {
      if ((e as ApiError).reason === 'SESSION_EXPIRED') onExpired();
      else setError(message(e, lang, t));
    }
  }, [session, lang, t, onExpired]);
  useEffect(() => {
    void refresh();
    // Updates without reload: polls while the page is visible.
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const act = async (path: string, body: unknown) => {
    try {
      const next = await call<ComplaintView>(path, { body, session });
      version.current = next.version;
      setView(next);
      setError(null);
      return true;
    } catch (e) {
      setError(message(e, lang, t));
      return false;
    }
  };
  if (!view) return <p aria-busy="true">{error ?? '…'}</p>;
  const label = (table: Record<string, { 'zh-CN': string; en: string }>, key: string) => table[key]?.[lang] ?? key;
  return (
    <div data-testid="complaint">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <section className="card" aria-labelledby="summary">
        <h2 id="summary">
          {t('number')} {view.number}
        </h2>
        <p>
          <span className="muted">{t('state')}：</span>
          <strong data-testid="state" aria-live="polite">
            {label(STATES, view.state)}
          </strong>
        </p>
        <p className="muted">
          {localized(view.type.name, lang)} · {t('received')} {formatTime(view.receivedAt, lang, view.timeZone)}
        </p>
        <p className="pre">{view.text}</p>
      </section>
      {view.clocks.length > 0 && (
        <section className="card" aria-labelledby="clock-title" data-testid="clock">
          <h2 id="clock-title">{t('deadline')}</h2>
          {view.clocks.map((c) => (
            <div key={c.target} className={`clock ${c.status}`}>
              <strong>{label(TARGETS, c.target)}</strong>：{t('dueBy', { date: formatTime(c.dueAt, lang, view.timeZone) })}
              {' · '}
              {c.status === 'met' ? (
                t('met')
              ) : c.status === 'breached' ? (
                t('overdue')
              ) : c.status === 'paused' ? (
                t('paused')
              ) : (
                <span data-testid={`days-${c.target}`}>{t('workingDaysLeft', { n: c.workingDaysLeft })}</span>
              )}
              {c.days.length > 0 && (
                <details>
                  <summary>{t('holidays')}</summary>
                  <ul>
                    {c.days.map((d) => (
                      <li key={d.date}>
                        {formatTime(`${d.date}T12:00:00Z`, lang, 'UTC', true)} {d.name ?? ''} {label(DAY_REASONS, d.reason)}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {c.extensions.map((x, i) => (
                <p key={i} className="muted">
                  {t('extended', { reason: x.reason, date: formatTime(x.newDueAt, lang, view.timeZone) })}
                </p>
              ))}
            </div>
          ))}
        </section>
      )}
      <section className="card" aria-labelledby="replies-title">
        <h2 id="replies-title">{t('replies')}</h2>
        {view.replies.length === 0 ? (
          <p className="muted">{t('noReplies')}</p>
        ) : (
          view.replies.map((r) => (
            <article key={r.id} className="reply" data-testid="reply">
              {r.subject && <h3>{r.subject}</h3>}
              <p className="pre">{r.body}</p>
              <small className="muted">{formatTime(r.at, lang, view.timeZone)}</small>
            </article>
          ))
        )}
      </section>
      {view.actions.followUp && <FollowUp t={t} onSend={(body) => act('/complaint/follow-up', body)} />}
      {view.files.length > 0 && (
        <section className="card" aria-labelledby="files-title">
          <h2 id="files-title">{t('yourFiles')}</h2>
          <ul className="files">
            {view.files.map((f) => (
              <li key={f.id}>
                {f.thumbnailUrl ? <img src={f.thumbnailUrl} alt="" width={64} height={64} loading="lazy" /> : null}
                <a href={f.url} target="_blank" rel="noreferrer">
                  {f.filename}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('history')}</h2>
        <ol className="history" data-testid="history">
          {view.history.map((e) => (
            <li key={e.seq} data-type={e.type}>
              <time dateTime={e.at}>{formatTime(e.at, lang, view.timeZone)}</time> {label(EVENTS, e.type)}
              {e.type === 'transitioned' ? label(STATES, String(e.data.to)) : ''}
              {e.type === 'sla.extended' ? `：${e.data.reason}` : ''}
              {e.data.text ? `：${e.data.text}` : ''}
              {e.byCustomer ? <span className="muted"> {t('byYou')}</span> : null}
            </li>
          ))}
        </ol>
      </section>
      {view.actions.addInformation && <AddInformation t={t} lang={lang} onSend={(body) => act('/complaint/information', body)} />}
      {view.actions.withdraw && <Withdraw t={t} onSend={(body) => act('/complaint/withdraw', body)} />}
      <button type="button" className="link" onClick={onExpired}>
        {t('logout')}
      </button>
    </div>
  );
}

function FollowUp({ t, onSend }: { t: T; onSend: (body: unknown) => Promise<boolean> }) {
  const [satisfied, setSatisfied] = useState<boolean | null>(null);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  return (
    <section className="card" aria-labelledby="fu-title">
      <h2 id="fu-title">{t('followUp')}</h2>
      <div role="radiogroup" aria-labelledby="fu-title" className="row">
        <label className="check">
          <input type="radio" name="satisfied" checked={satisfied === true} onChange={() => setSatisfied(true)} />
          {t('satisfied')}
        </label>
        <label className="check">
          <input type="radio" name="satisfied" checked={satisfied === false} onChange={() => setSatisfied(false)} />
          {t('unsatisfied')}
        </label>
      </div>
      <fieldset className="row">
        <legend>{t('score')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="check">
            <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
            {n}
          </label>
        ))}
      </fieldset>
      <div className="control">
        <label htmlFor="f-fu-comment">{t('comment')}</label>
        <textarea id="f-fu-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <button
        type="button"
        className="primary"
        disabled={satisfied === null || !score}
        onClick={() => void onSend({ satisfied, score, comment })}
      >
        {t('sendFollowUp')}
      </button>
    </section>
  );
}

function AddInformation({ t, lang, onSend }: { t: T; lang: Lang; onSend: (body: unknown) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<{ id: string; filename: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="card">
      <summary>{t('addInfo')}</summary>
      <div className="control">
        <label htmlFor="f-more">{t('addInfo')}</label>
        <textarea id="f-more" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="control">
        <label htmlFor="f-more-files">{t('files')}</label>
        <input
          id="f-more-files"
          type="file"
          multiple
          onChange={async (e) => {
            for (const file of Array.from(e.target.files ?? [])) {
              try {
                const done = await upload(file);
                setFiles((f) => [...f, done]);
                setError(null);
              } catch (err) {
                setError(message(err, lang, t));
              }
            }
          }}
        />
        {error && (
          <small className="error" role="alert">
            {error}
          </small>
        )}
        <ul>
          {files.map((f) => (
            <li key={f.id}>{f.filename}</li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        className="primary"
        onClick={async () => {
          if (await onSend({ text, attachments: files.map((f) => f.id) })) {
            setText('');
            setFiles([]);
          }
        }}
      >
        {t('addInfoSend')}
      </button>
    </details>
  );
}

function Withdraw({ t, onSend }: { t: T; onSend: (body: unknown) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  return (
    <details className="card">
      <summary>{t('withdraw')}</summary>
      <div className="control">
        <label htmlFor="f-withdraw">{t('withdrawReason')}</label>
        <input id="f-withdraw" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="button" className="danger" onClick={() => void onSend({ reason })}>
        {t('withdrawConfirm')}
      </button>
    </details>
  );
}
