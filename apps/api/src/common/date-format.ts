/**
 * Intl.DateTimeFormat instances by locale and options. Constructing one costs about a hundred times what formatting
 * with it does (it loads the time zone and locale data); the hot paths (intake facts, complaint numbers, templates)
 * format with a handful of shapes, so each is built once per process.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
