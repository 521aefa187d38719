/**
 * Bounded caches of `Intl` formatters, one per locale that formats differently. A render service
 * takes the locale from the request: a cache keyed by the tag as written would keep one formatter
 * per distinct tag (`en-US-x-a1`, `en-US-x-a2`, …) for the life of the process.
 */

/** What a formatter says about the locale it settled on. */
interface LocaleResolving {
  resolvedOptions(): { locale: string };
}

/**
 * Most formatters kept per kind. Distinct resolved locales are few in practice (one per edition
 * language); the cap only bites on a flood of distinct `-u-` extensions (`-u-nu-thai`, `-u-ca-…`),
 * each of which formats differently and so resolves to a key of its own.
 */
const defaultMaxFormats = 64;

/**
 * A map that forgets the entry read least recently once it holds `maxEntries`: a `Map` keeps
 * insertion order, so reading an entry moves it to the end by deleting and setting it again.
 */
export class LeastRecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }
}

/**
 * A private-use part (`-x-…`, always last in a tag) never changes how ICU formats, so tags that
 * differ only there share one cache entry without making a formatter to find that out.
 */
export function withoutPrivateUse(locale: string): string {
  const at = locale.search(/(?:^|-)x-/i);
  return at <= 0 ? locale : locale.slice(0, at);
}

/** Most tags remembered with the locale each resolved to. */
const maxTags = 4096;

/**
 * Returns the formatter for a locale, made by `create` only when no cached formatter formats the
 * same way. Formatters are keyed by the locale they resolve to (`resolvedOptions().locale`), so
 * unsupported or decorated tags (`tlh`, `en-US-u-tz-usnyc`) share the entry of what they fall
 * back to. Both the tag → resolved-locale memo and the formatter cache are bounded.
 */
export function localeFormats<F extends LocaleResolving>(
  create: (locale: string) => F,
  maxFormats = defaultMaxFormats,
): { get(locale: string): F; readonly size: number } {
  const formats = new LeastRecentlyUsed<string, F>(maxFormats);
  // Resolving a tag costs a formatter (about 0.1 ms for dates): remember what each tag resolved to.
  const resolvedTags = new LeastRecentlyUsed<string, string>(maxTags);
  return {
    get(locale) {
      const tag = withoutPrivateUse(locale);
      const resolved = resolvedTags.get(tag);
      const cached = resolved === undefined ? undefined : formats.get(resolved);
      if (cached) return cached;
      const format = create(tag);
      const key = format.resolvedOptions().locale;
      resolvedTags.set(tag, key);
      const shared = formats.get(key);
      if (shared) return shared;
      formats.set(key, format);
      return format;
    },
    get size() {
      return formats.size;
    },
  };
}
