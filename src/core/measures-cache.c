/* measures-cache.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-cache"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "measures-file.h"
#include "measures-cache.h"
#include "measures-cache-private.h"
#include "measures-error.h"
#include "measures-json-scan-private.h"
#include "measures-index-words-private.h"
#include "measures-measure.h"
#include "measures-measure-private.h"
#include "measures-record-reader-private.h"
#include "measures-store.h"
#include "measures-utf8-private.h"
#include "measures-vocabulary.h"

/* After a dataset file is first read, its records and the words of their
 * texts are kept in $XDG_CACHE_HOME/measures/ as one GVariant of type
 * CACHE_TYPE:
 *
 *   s magic, u version, s uri, t size, t mtime, t fingerprint: what the
 *     cache stands for;
 *   ay strings: every string, each ended by a nul; the first byte is a nul,
 *     so that offset 0 means “none”; ids, titles, words and unknown keys
 *     each side by side, as a load reads them;
 *   au records: RECORD_FIELDS numbers per record (see Field);
 *   au lists: string offsets of types, forms, and (language, text) pairs;
 *   au vocabulary: the string offset of each folded word, in order;
 *   at posting_ends: for each word, the end of its list in postings;
 *   ay postings: for each word, the records that have it, as the word
 *     index of the dataset keeps them (measures-index-words.c);
 *   t checksum: the fingerprint of every byte before it, so that a cache
 *     damaged on disk is noticed even where the damage falls in text.
 *
 * A later load reads that instead of parsing JSON and folding text, and
 * uses its strings and its word index in place: a few large arrays, so
 * reading 100,000 records is a loop over numbers, and the index searches
 * the words as the cache has them. A cache is untrusted input like any
 * file: a cache that is cut short, damaged, of another version, or for
 * another state of the file is ignored (and written anew), never
 * believed, and every offset and id in it is checked before use.
 */

#define MAGIC "measures-cache"

/* How much of a mapped cache is read before its pages are given back. */
#define RELEASE_SLICE ((gsize) 16 * 1024 * 1024)
#define CACHE_TYPE MEASURES_CACHE_TYPE


/**
 * measures_cache_is_enabled:
 *
 * Returns: %FALSE when the environment variable MEASURES_NO_CACHE is set,
 *   as tests and cold-load benchmarks do
 */
gboolean
measures_cache_is_enabled (void)
{
  return g_getenv ("MEASURES_NO_CACHE") == NULL;
}

/**
 * measures_cache_get_file:
 * @source: a dataset file
 *
 * Returns: (transfer full): where the cache of @source is kept
 */
GFile *
measures_cache_get_file (GFile *source)
{
  g_autofree char *uri = g_file_get_uri (source);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = g_strdup_printf ("%s.cache", hash);

  return g_file_new_build_filename (g_get_user_cache_dir (), "measures", name, NULL);
}

static gboolean
stale (GError     **error,
       const char  *why)
{
  g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE, "the cache is not usable: %s", why);
  return FALSE;
}

gboolean
_measures_cache_check_header (GVariant         *cache,
                              MeasuresCacheKey *key,
                              GError          **error)
{
  const char *magic, *uri;
  guint32 version;
  guint64 size, mtime, fingerprint;

  g_variant_get_child (cache, 0, "&s", &magic);
  g_variant_get_child (cache, 1, "u", &version);
  g_variant_get_child (cache, 2, "&s", &uri);
  g_variant_get_child (cache, 3, "t", &size);
  g_variant_get_child (cache, 4, "t", &mtime);
  g_variant_get_child (cache, 5, "t", &fingerprint);

  if (!g_str_equal (magic, MAGIC))
    return stale (error, "not a cache");
  if (version != MEASURES_CACHE_VERSION)
    return stale (error, "another version");
  if (key->any_fingerprint)
    key->fingerprint = fingerprint;
  if (!g_str_equal (uri, key->uri) || size != key->size ||
      mtime != key->mtime || fingerprint != key->fingerprint)
    return stale (error, "the file has changed");

  return TRUE;
}


/* A string offset is good when it starts a string. The bits were set
 * while the strings were checked, so that checking records does not bring
 * their text back into memory. A reader of a few records has no bits: a
 * string then starts after a nul and is checked as it is asked for. */
static gboolean
starts_string (const MeasuresCacheReader *r,
               gsize         offset)
{
  if (r->starts != NULL)
    return offset < r->blob_len && (r->starts[offset >> 6] >> (offset & 63)) & 1;

  /* The strings end in a nul, the last byte of the blob. */
  return offset < r->blob_len && (offset == 0 || r->blob[offset - 1] == '\0') &&
         g_utf8_validate (r->blob + offset, -1, NULL);
}

static const char *
string_at (const MeasuresCacheReader *r,
           guint32       offset)
{
  return starts_string (r, offset) ? r->blob + offset : NULL;
}

/* Whether the string at @offset is not empty: then the next string does
 * not start right after it. */
static gboolean
string_has_text (const MeasuresCacheReader *r,
                 guint32       offset)
{
  return starts_string (r, offset) && offset + 1 < r->blob_len && !starts_string (r, offset + 1);
}

static gboolean
range_ok (guint32 start,
          guint32 count,
          gsize   length)
{
  return (guint64) start + count <= length;
}

static gboolean
year_ok (int year)
{
  return year == MEASURES_YEAR_NONE || (year >= MEASURES_YEAR_MIN && year <= MEASURES_YEAR_MAX);
}

/* The region Measures knows for a country, looked up once per country
 * of a cache. */
static const char *
region_of (const MeasuresCacheReader *r,
           guint32                    offset,
           const char                *country)
{
  guint32 known;
  const char *region;

  if (r->regions == NULL)
    return measures_vocabulary_region_of (country);
  if ((known = measures_number_map_get (r->regions, offset)) != 0)
    return known == 1 ? NULL : g_ptr_array_index (r->region_names, known - 2);

  region = measures_vocabulary_region_of (country);
  if (region == NULL)
    known = 1;
  else
    {
      guint at;

      if (!g_ptr_array_find (r->region_names, region, &at))
        {
          at = r->region_names->len;
          g_ptr_array_add (r->region_names, (gpointer) region);
        }
      known = at + 2;
    }
  measures_number_map_put (r->regions, offset, known);

  return region;
}

/* Unknown keys _measures_cache_read_record() checked, as a reader of
 * records reads them. */
static JsonObject *
read_extra (const char *text)
{
  g_autoptr(MeasuresRecordReader) reader = _measures_record_reader_new ();
  g_autoptr(JsonNode) node = _measures_record_reader_read_json (reader, text, strlen (text));

  /* Never NULL, nor anything but an object, after the check. */
  g_return_val_if_fail (node != NULL && JSON_NODE_HOLDS_OBJECT (node), NULL);

  return json_object_ref (json_node_get_object (node));
}

MeasuresMeasure *
_measures_cache_read_record (const MeasuresCacheReader *r,
                             const guint32 *f,
                             GError       **error)
{
  const char *id = string_at (r, f[F_ID]);
  const char *country = string_at (r, f[F_COUNTRY]);
  const char *region = string_at (r, f[F_REGION]);
  const char *url = string_at (r, f[F_URL]);
  const char *extra_text = string_at (r, f[F_EXTRA]);
  int from = (gint32) f[F_YEAR_FROM];
  int to = (gint32) f[F_YEAR_TO];
  g_autofree const char **values = NULL;
  g_autoptr(JsonObject) extra = NULL;
  MeasuresLocalized *texts[N_TEXTS] = { NULL, };
  guint n_types = f[F_N_TYPES], n_forms = f[F_N_FORMS];
  const char *lazy_extra = NULL;
  MeasuresMeasure *measure;

  if (!string_has_text (r, f[F_ID]) || !string_has_text (r, f[F_COUNTRY]) ||
      region == NULL || url == NULL || extra_text == NULL)
    return stale (error, "a bad string"), NULL;

  if (!year_ok (from) || !year_ok (to) ||
      (from == MEASURES_YEAR_NONE && to != MEASURES_YEAR_NONE) ||
      (to != MEASURES_YEAR_NONE && to < from))
    return stale (error, "bad years"), NULL;

  if (!range_ok (f[F_TYPES], n_types, r->n_lists) || !range_ok (f[F_FORMS], n_forms, r->n_lists) ||
      f[F_TITLE_DERIVED] > 1)
    return stale (error, "a bad range"), NULL;

  values = g_new (const char *, (gsize) n_types + n_forms + 2);
  for (guint i = 0; i < n_types + n_forms; i++)
    {
      guint32 at = i < n_types ? f[F_TYPES] + i : f[F_FORMS] + (i - n_types);
      const char *value = string_at (r, r->lists[at]);

      if (!string_has_text (r, r->lists[at]))
        return stale (error, "a bad type or form"), NULL;
      values[i < n_types ? i : i + 1] = value;
    }
  values[n_types] = NULL;
  values[n_types + n_forms + 1] = NULL;

  /* The unknown keys are JSON text, as untrusted as the rest: checked as
   * the loader reads plain records, and read so when first asked for
   * (read_extra()); else read now by json-glib, which would overflow its
   * stack on text nested too deep. */
  if (string_has_text (r, f[F_EXTRA]))
    {
      gsize length = strlen (extra_text);

      if (_measures_record_reader_check_object (r->reader, extra_text, length))
        lazy_extra = extra_text;
      else
        {
          g_autoptr(JsonParser) parser = json_parser_new_immutable ();
          JsonNode *root;

          if (!_measures_json_scan_is_safe (extra_text, length) ||
              !json_parser_load_from_data (parser, extra_text, length, NULL) ||
              (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
            return stale (error, "bad unknown keys"), NULL;
          extra = json_object_ref (json_node_get_object (root));
        }
    }

  for (guint t = 0; t < N_TEXTS; t++)
    {
      guint32 start = f[F_TEXTS + 2 * t];
      guint32 count = f[F_TEXTS + 2 * t + 1];
      gboolean ok = (guint64) count * 2 <= G_MAXUINT32 && range_ok (start, count * 2, r->n_lists);

      if (ok && count > 0)
        texts[t] = measures_localized_new_sized (r->strings, count);

      for (guint i = 0; ok && i < count; i++)
        {
          const char *lang = string_at (r, r->lists[start + 2 * i]);
          const char *text = string_at (r, r->lists[start + 2 * i + 1]);

          ok = lang != NULL && text != NULL && measures_localized_get_exact (texts[t], lang) == NULL;
          if (ok)
            measures_localized_set_borrowed (texts[t], lang, text);
        }

      if (!ok)
        {
          for (guint k = 0; k <= t; k++)
            g_clear_pointer (&texts[k], measures_localized_unref);
          return stale (error, "a bad text"), NULL;
        }
    }

  measure = measures_measure_new_from_parts (r->strings, id, country,
                                             region_of (r, f[F_COUNTRY], country),
                                             string_has_text (r, f[F_REGION]) ? region : NULL,
                                             string_has_text (r, f[F_URL]) ? url : NULL,
                                             from, to, g_steal_pointer (&values), n_types, texts,
                                             f[F_TITLE_DERIVED], g_steal_pointer (&extra));
  if (lazy_extra != NULL)
    _measures_measure_set_extra_text (measure, lazy_extra, read_extra);

  return measure;
}

static gconstpointer
get_array (GVariant *cache,
           gsize     child,
           gsize     element_size,
           gsize    *n)
{
  g_autoptr(GVariant) array = g_variant_get_child_value (cache, child);
  gconstpointer data = g_variant_get_fixed_array (array, n, element_size);

  /* The data lives in the cache's bytes, which the caller keeps. */
  return *n > 0 ? data : NULL;
}

/**
 * measures_cache_read_bytes:
 * @bytes: the contents of a cache
 * @source: the dataset file it should stand for
 * @name: the dataset's name
 * @key: what @source is now
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error
 *   set when the cache cannot stand for @source
 */
static MeasuresDataset *read_bytes (GBytes *, GFile *, const char *, MeasuresCacheKey *, gboolean, GError **);

MeasuresDataset *
measures_cache_read_bytes (GBytes           *bytes,
                           GFile            *source,
                           const char       *name,
                           MeasuresCacheKey *key,
                           GError          **error)
{
  return read_bytes (bytes, source, name, key, FALSE, error);
}

/* Drops the pages of a read-only file mapping from the process: they stay
 * in the page cache and come back when read. */
static void
release_pages (const char *data,
               gsize       length)
{
#if defined(MADV_DONTNEED) && defined(G_OS_UNIX)
  gsize page = sysconf (_SC_PAGESIZE);
  guintptr start = ((guintptr) data + page - 1) & ~(guintptr) (page - 1);
  guintptr end = ((guintptr) data + length) & ~(guintptr) (page - 1);

  if (end > start)
    madvise ((void *) start, end - start, MADV_DONTNEED);
#endif
}

/* Hashes from @from to @to, 16 MB at a time, each given back once hashed
 * when @release is set. */
static void
checksum_range (MeasuresFingerprint *checksum,
                const char          *from,
                const char          *to,
                gboolean             release)
{
  for (const char *p = from; p < to; p += MIN ((gsize) (to - p), RELEASE_SLICE))
    {
      measures_fingerprint_update (checksum, p, MIN ((gsize) (to - p), RELEASE_SLICE));
      if (release)
        release_pages (p, MIN ((gsize) (to - p), RELEASE_SLICE));
    }
}

static MeasuresDataset *
read_bytes (GBytes           *bytes,
            GFile            *source,
            const char       *name,
            MeasuresCacheKey *key,
            gboolean          release,
            GError          **error)
{
  g_autoptr(GVariant) cache = NULL;
  g_autoptr(MeasuresStrings) strings = NULL;
  g_autoptr(MeasuresWordIndex) words = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autofree guint64 *starts = NULL;
  g_autoptr(MeasuresRecordReader) reader = _measures_record_reader_new ();
  const guint32 *word_offsets;
  const guint64 *posting_ends;
  const guint8 *postings;
  gsize n_words, n_ends, n_postings;
  guint last_index = 0;
  MeasuresCacheReader r = { 0, };
  MeasuresNumberMap regions;
  g_autoptr(GPtrArray) region_names = g_ptr_array_new ();

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* The data must be aligned for a GVariant to read it in place. */
  if (((guintptr) g_bytes_get_data (bytes, NULL)) % 8 != 0)
    return stale (error, "misaligned"), NULL;

  /* A GVariant reads untrusted data safely: anything out of bounds reads
   * as empty. */
  cache = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes, FALSE));
  if (!_measures_cache_check_header (cache, key, error))
    return NULL;

  r.blob = get_array (cache, 6, 1, &r.blob_len);
  r.records = get_array (cache, 7, 4, &r.n_records);
  r.lists = get_array (cache, 8, 4, &r.n_lists);
  word_offsets = get_array (cache, 9, 4, &n_words);
  posting_ends = get_array (cache, 10, 8, &n_ends);
  postings = get_array (cache, 11, 1, &n_postings);

  if (r.blob == NULL || r.blob[0] != '\0' || r.blob[r.blob_len - 1] != '\0' ||
      r.records == NULL || r.n_records % RECORD_FIELDS != 0 || n_ends != n_words)
    return stale (error, "damaged"), NULL;
  r.n_records /= RECORD_FIELDS;
  r.reader = reader;

  /* The checksum covers every byte before it; every string is valid
   * UTF-8, and where each starts is noted. Both in one pass over the
   * strings, the bulk of the cache, each slice let go once checked. */
  starts = g_new0 (guint64, r.blob_len / 64 + 2);
  r.starts = starts;
  {
    g_autoptr(GVariant) stored = g_variant_get_child_value (cache, MEASURES_CACHE_CHECKSUM);
    const char *base = g_bytes_get_data (bytes, NULL);
    const char *at = g_variant_get_data (stored);
    const char *blob_end = r.blob + r.blob_len;
    void (*give_back) (const char *, gsize) = release ? release_pages : NULL;
    MeasuresFingerprint checksum;

    if (at == NULL || g_variant_get_size (stored) != 8 || at < base ||
        at > base + g_bytes_get_size (bytes) - 8)
      return stale (error, "damaged"), NULL;

    measures_fingerprint_init (&checksum);
    if (r.blob >= base && blob_end <= at)
      {
        measures_fingerprint_update (&checksum, base, r.blob - base);
        if (!_measures_utf8_check_strings (r.blob, r.blob_len, starts, &checksum, give_back, FALSE))
          return stale (error, "not UTF-8"), NULL;
        checksum_range (&checksum, blob_end, at, release);
      }
    else
      {
        /* Strings where a cache written here never has them. */
        checksum_range (&checksum, base, at, release);
        if (!_measures_utf8_check_strings (r.blob, r.blob_len, starts, NULL, give_back, FALSE))
          return stale (error, "not UTF-8"), NULL;
      }
    if (measures_fingerprint_end (&checksum) != g_variant_get_uint64 (stored))
      return stale (error, "damaged"), NULL;
  }

  strings = measures_strings_new_for_bytes (bytes);
  r.strings = strings;

  /* The word index, checked word by word and list by list. */
  {
    const char **vocabulary = g_new (const char *, MAX (n_words, 1));

    for (gsize i = 0; i < n_words; i++)
      {
        vocabulary[i] = string_at (&r, word_offsets[i]);
        if (!string_has_text (&r, word_offsets[i]))
          {
            g_free (vocabulary);
            return stale (error, "a bad word"), NULL;
          }
      }
    words = _measures_word_index_new_borrowed (bytes, vocabulary, n_words, posting_ends, postings,
                                               n_postings, r.n_records, TRUE);
    if (words == NULL)
      return stale (error, "a bad word index"), NULL;
  }

  dataset = measures_dataset_new (source, name);
  measures_number_map_init (&regions);
  r.regions = &regions;
  r.region_names = region_names;
  for (gsize i = 0; i < r.n_records; i++)
    {
      const guint32 *f = r.records + i * RECORD_FIELDS;
      g_autoptr(MeasuresMeasure) measure = _measures_cache_read_record (&r, f, error);

      if (measure == NULL)
        {
          measures_number_map_clear (&regions);
          return NULL;
        }
      if (f[F_INDEX] <= last_index)
        {
          measures_number_map_clear (&regions);
          return stale (error, "records out of order"), NULL;
        }
      last_index = f[F_INDEX];
      _measures_measure_set_word_index (measure, _measures_word_index_ref (words),
                                        (GDestroyNotify) _measures_word_index_unref, i);

      measures_dataset_add_measure (dataset, measure, f[F_INDEX], f[F_LINE]);
    }

  measures_number_map_clear (&regions);

  if (r.n_records == 0)
    return stale (error, "no records"), NULL;

  /* Checking the text brought all of it in; the kernel can have it back
   * (it stays in the page cache) until a record is shown or exported. */
  if (release)
    release_pages (r.blob, r.blob_len);

  return g_steal_pointer (&dataset);
}

/**
 * measures_cache_read:
 * @cache: a cache file, as from measures_cache_get_file()
 *
 * As measures_cache_read_bytes(), from a file.
 */
MeasuresDataset *
measures_cache_read (GFile            *cache,
                     GFile            *source,
                     const char       *name,
                     MeasuresCacheKey *key,
                     GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  gboolean mapped;

  /* Mapped: its pages are the page cache's, and only those touched
   * count. Caches are only ever replaced by renaming, never rewritten in
   * place, so a mapped one does not change under us; one cut short by
   * another program reads as zeros past its new end (see
   * measures_file_map()), and is then not believed. A FIFO or a device in
   * place of the cache is not waited on or read: the dataset is read
   * instead, and its cache written over it. */
  if (g_file_peek_path (cache) == NULL)
    return stale (error, "not a local file"), NULL;

  {
    g_autoptr(GError) local = NULL;

    if ((bytes = measures_file_map (cache, G_MAXUINT64, NULL, &mapped, &local)) == NULL)
      return stale (error, local->message), NULL;
  }

  dataset = read_bytes (bytes, source, name, key, mapped, error);
  if (dataset != NULL && mapped && !measures_file_map_is_unchanged (bytes))
    return stale (error, "cut short while it was read"), NULL;

  return g_steal_pointer (&dataset);
}

/* Writes a cache as a GVariant of CACHE_TYPE straight into a stream, so
 * that the strings, the bulk of it, are never held in memory a second
 * time. A GVariant tuple is its members one after another, each at its
 * alignment, followed by the end offsets of its variable-size members
 * but the last, in reverse order, in as few bytes as its size allows;
 * tests read what this writes back with g_variant_new_from_bytes(). */
typedef struct
{
  int fd;                   /* where to write, or -1 for @memory */
  GByteArray *memory;
  GError *error;
  char *buffer;             /* what is not yet written, hashed as it goes */
  gsize buffered;
  guint64 position;
  guint64 ends[8];
  guint n_ends;
  MeasuresFingerprint checksum;
  guint64 blob_start;
  GHashTable *short_strings;  /* string → offset */
  GArray *records;
  GArray *lists;
  GArray *vocabulary;
} Writer;

#define WRITE_BUFFER (1024 * 1024)

static void
write_out (Writer     *w,
           const char *data,
           gsize       length)
{
  measures_fingerprint_update (&w->checksum, data, length);

  if (w->error != NULL)
    return;

  if (w->fd < 0)
    {
      g_byte_array_append (w->memory, (const guint8 *) data, length);
      return;
    }

  while (length > 0)
    {
      gssize done = write (w->fd, data, length);

      if (done < 0 && errno == EINTR)
        continue;
      if (done <= 0)
        {
          int saved = errno;

          g_set_error (&w->error, G_IO_ERROR, g_io_error_from_errno (saved),
                       "cannot write the cache: %s", g_strerror (saved));
          return;
        }
      data += done;
      length -= done;
    }
}

static void
flush_bytes (Writer *w)
{
  write_out (w, w->buffer, w->buffered);
  w->buffered = 0;
}

static void
put_bytes (Writer     *w,
           const void *data,
           gsize       length)
{
  if (length == 0)
    return;

  w->position += length;

  if (w->buffered + length > WRITE_BUFFER)
    flush_bytes (w);

  if (length >= WRITE_BUFFER)
    {
      write_out (w, data, length);
      return;
    }

  memcpy (w->buffer + w->buffered, data, length);
  w->buffered += length;
}

static void
put_align (Writer *w,
           guint   alignment)
{
  static const char zeros[8] = { 0, };

  put_bytes (w, zeros, (alignment - w->position % alignment) % alignment);
}

static void
put_end (Writer *w)
{
  w->ends[w->n_ends++] = w->position;
}

/* A string whose memory goes before the cache is written whole: never
 * kept in the table of strings written. */
static guint32
put_transient (Writer     *w,
               const char *text)
{
  guint32 offset;

  if (text == NULL || *text == '\0')
    return 0;

  offset = w->position - w->blob_start;
  put_bytes (w, text, strlen (text) + 1);

  return offset;
}

/* Strings of the records, which outlive the writing: short ones written
 * once. */
static guint32
put_string (Writer     *w,
            const char *text)
{
  gsize len;
  guint32 offset;
  gpointer found;

  if (text == NULL || *text == '\0')
    return 0;

  len = strlen (text);
  if (len < 64 && g_hash_table_lookup_extended (w->short_strings, text, NULL, &found))
    return GPOINTER_TO_UINT (found);

  offset = w->position - w->blob_start;
  put_bytes (w, text, len + 1);
  if (len < 64)
    g_hash_table_insert (w->short_strings, (gpointer) text, GUINT_TO_POINTER (offset));

  return offset;
}

/* Countries, regions, types, forms and languages recur: each is written
 * once, whatever its length, so that the index reads them from a few
 * pages. */
static guint32
put_value (Writer     *w,
           const char *text)
{
  gpointer found;
  guint32 offset;

  if (text == NULL || *text == '\0')
    return 0;

  if (g_hash_table_lookup_extended (w->short_strings, text, NULL, &found))
    return GPOINTER_TO_UINT (found);

  offset = w->position - w->blob_start;
  put_bytes (w, text, strlen (text) + 1);
  g_hash_table_insert (w->short_strings, (gpointer) text, GUINT_TO_POINTER (offset));

  return offset;
}

static void
put_list (Writer *w,
          guint32 value)
{
  g_array_append_val (w->lists, value);
}

/* An array of fixed-size elements, not the last member. */
static void
put_array (Writer     *w,
           const void *data,
           gsize       size,
           guint       alignment)
{
  put_align (w, alignment);
  put_bytes (w, data, size);
  put_end (w);
}

/* The word index the records of @measures share, numbered by their
 * place, as a dataset read from a file has it; else one made of them. */
static MeasuresWordIndex *
word_index_of (GPtrArray *measures)
{
  MeasuresWordIndex *words = NULL;

  for (guint i = 0; i < measures->len; i++)
    {
      guint ordinal;
      MeasuresWordIndex *own = _measures_measure_get_word_index (g_ptr_array_index (measures, i), &ordinal);

      if (i == 0)
        words = own;
      if (own == NULL || own != words || ordinal != i)
        return _measures_word_index_new_for_measures (measures);
    }

  if (words == NULL || _measures_word_index_get_n_records (words) != measures->len)
    return _measures_word_index_new_for_measures (measures);

  return _measures_word_index_ref (words);
}

/* As GLib sizes the framing offsets of a container. */
static guint
offset_size (guint64 size)
{
  if (size > G_MAXUINT32)
    return 8;
  if (size > G_MAXUINT16)
    return 4;
  if (size > G_MAXUINT8)
    return 2;
  return 1;
}

static gboolean
write_cache (int                     fd,
             GByteArray             *memory,
             MeasuresDataset        *dataset,
             const MeasuresCacheKey *key,
             GError                **error)
{
  GPtrArray *measures = measures_dataset_get_measures (dataset);
  g_autoptr(MeasuresWordIndex) words = word_index_of (measures);
  g_autoptr(GArray) titles = NULL;
  g_autoptr(GArray) extras = NULL;
  guint next_title = measures->len;
  guint32 version = MEASURES_CACHE_VERSION;
  guint64 numbers[3] = { key->size, key->mtime, key->fingerprint };
  guint size;
  Writer w = { 0, };

  w.fd = fd;
  w.memory = memory;
  w.buffer = g_malloc (WRITE_BUFFER);
  measures_fingerprint_init (&w.checksum);
  w.short_strings = g_hash_table_new (g_str_hash, g_str_equal);
  w.records = g_array_sized_new (FALSE, FALSE, sizeof (guint32), measures->len * RECORD_FIELDS);
  w.lists = g_array_new (FALSE, FALSE, sizeof (guint32));
  w.vocabulary = g_array_new (FALSE, FALSE, sizeof (guint32));

  put_bytes (&w, MAGIC, sizeof MAGIC);
  put_end (&w);
  put_align (&w, 4);
  put_bytes (&w, &version, 4);
  put_bytes (&w, key->uri, strlen (key->uri) + 1);
  put_end (&w);
  put_align (&w, 8);
  put_bytes (&w, numbers, sizeof numbers);

  w.blob_start = w.position;
  put_bytes (&w, "", 1);

  /* Ids and titles first, side by side: merging datasets reads only the
   * ids, and sorting by title only the titles, so the rest of the text
   * stays out of memory until a record is shown. */
  titles = g_array_sized_new (FALSE, FALSE, sizeof (guint32), measures->len * 3);
  for (guint i = 0; i < measures->len; i++)
    {
      guint32 id = put_string (&w, measures_measure_get_id (g_ptr_array_index (measures, i)));

      g_array_append_val (titles, id);
    }
  for (guint i = 0; i < measures->len; i++)
    {
      const MeasuresLocalized *title = measures_measure_get_title (g_ptr_array_index (measures, i));

      for (guint k = 0; title != NULL && k < measures_localized_get_n_langs (title); k++)
        {
          guint32 lang = put_value (&w, measures_localized_get_lang (title, k));
          guint32 text = put_string (&w, measures_localized_get_text (title, k));

          g_array_append_val (titles, lang);
          g_array_append_val (titles, text);
        }
    }

  /* The words next, which a load checks before any record. */
  for (guint i = 0; i < _measures_word_index_get_n_words (words); i++)
    {
      const char *word = _measures_word_index_get_word (words, i);
      guint32 offset = w.position - w.blob_start;

      put_bytes (&w, word, strlen (word) + 1);
      g_array_append_val (w.vocabulary, offset);
    }

  /* The unknown keys next, side by side: a load checks them with every
   * record, and so reads them alone, not the pages of all the text. */
  extras = g_array_sized_new (FALSE, FALSE, sizeof (guint32), measures->len);
  for (guint i = 0; i < measures->len; i++)
    {
      JsonObject *extra = measures_measure_get_extra (g_ptr_array_index (measures, i));
      g_autofree char *extra_text = NULL;
      guint32 offset;

      if (extra != NULL)
        {
          g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), extra);

          extra_text = json_to_string (node, FALSE);
        }
      offset = put_transient (&w, extra_text);
      g_array_append_val (extras, offset);
    }

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      const char * const *types = measures_measure_get_types (measure);
      const char * const *forms = measures_measure_get_forms (measure);
      const MeasuresLocalized *texts[N_TEXTS] = {
        measures_measure_get_title (measure),
        measures_measure_get_description (measure),
        measures_measure_get_full_text (measure),
        measures_measure_get_source (measure),
        measures_measure_get_more_info (measure),
        measures_measure_get_classification (measure),
      };
      guint32 f[RECORD_FIELDS] = { 0, };
      guint index, line;

      measures_dataset_get_place (dataset, i, &index, &line);
      f[F_ID] = g_array_index (titles, guint32, i);
      f[F_COUNTRY] = put_value (&w, measures_measure_get_country (measure));
      f[F_REGION] = put_value (&w, measures_measure_get_given_region (measure));
      f[F_URL] = put_string (&w, measures_measure_get_url (measure));
      f[F_EXTRA] = g_array_index (extras, guint32, i);
      f[F_YEAR_FROM] = (guint32) measures_measure_get_year_from (measure);
      f[F_YEAR_TO] = (guint32) measures_measure_get_year_to (measure);
      f[F_TYPES] = w.lists->len;
      for (; types[f[F_N_TYPES]] != NULL; f[F_N_TYPES]++)
        put_list (&w, put_value (&w, types[f[F_N_TYPES]]));
      f[F_FORMS] = w.lists->len;
      for (; forms[f[F_N_FORMS]] != NULL; f[F_N_FORMS]++)
        put_list (&w, put_value (&w, forms[f[F_N_FORMS]]));
      for (guint t = 0; t < N_TEXTS; t++)
        {
          guint count = texts[t] != NULL ? measures_localized_get_n_langs (texts[t]) : 0;

          f[F_TEXTS + 2 * t] = w.lists->len;
          f[F_TEXTS + 2 * t + 1] = count;
          for (guint k = 0; k < count; k++)
            {
              if (t == 0)
                {
                  put_list (&w, g_array_index (titles, guint32, next_title++));
                  put_list (&w, g_array_index (titles, guint32, next_title++));
                  continue;
                }
              put_list (&w, put_value (&w, measures_localized_get_lang (texts[t], k)));
              put_list (&w, put_string (&w, measures_localized_get_text (texts[t], k)));
            }
        }
      f[F_TITLE_DERIVED] = measures_measure_get_title_derived (measure) ? 1 : 0;
      f[F_INDEX] = index;
      f[F_LINE] = line;
      g_array_append_vals (w.records, f, RECORD_FIELDS);

      /* Offsets are 32 bits. */
      if (w.position - w.blob_start > G_MAXUINT32 / 2 && w.error == NULL)
        g_set_error_literal (&w.error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE, "too large for a cache");
    }
  put_end (&w);

  put_array (&w, w.records->data, (gsize) w.records->len * sizeof (guint32), 4);
  put_array (&w, w.lists->data, (gsize) w.lists->len * sizeof (guint32), 4);
  put_array (&w, w.vocabulary->data, (gsize) w.vocabulary->len * sizeof (guint32), 4);
  {
    const guint64 *posting_ends;
    const guint8 *postings;
    gsize n_postings = _measures_word_index_get_postings (words, &posting_ends, &postings);

    put_array (&w, posting_ends, (gsize) _measures_word_index_get_n_words (words) * sizeof (guint64), 8);
    put_array (&w, postings, n_postings, 1);
  }

  put_align (&w, 8);
  flush_bytes (&w);
  {
    guint64 checksum = measures_fingerprint_end (&w.checksum);

    put_bytes (&w, &checksum, sizeof checksum);
  }

  size = offset_size (w.position + w.n_ends);
  while (offset_size (w.position + (guint64) w.n_ends * size) != size)
    size *= 2;
  for (guint i = w.n_ends; i > 0; i--)
    {
      guint64 end = GUINT64_TO_LE (w.ends[i - 1]);

      put_bytes (&w, &end, size);
    }

  flush_bytes (&w);
  g_free (w.buffer);
  g_hash_table_unref (w.short_strings);
  g_array_unref (w.records);
  g_array_unref (w.lists);
  g_array_unref (w.vocabulary);

  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_cache_serialize:
 * @dataset: a dataset read without problems
 *
 * Returns: (transfer full): the cache of @dataset
 */
GBytes *
measures_cache_serialize (MeasuresDataset        *dataset,
                          const MeasuresCacheKey *key)
{
  g_autoptr(GByteArray) memory = g_byte_array_new ();

  if (!write_cache (-1, memory, dataset, key, NULL))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&memory));
}

/**
 * measures_cache_write:
 * @cache: where to write, as from measures_cache_get_file()
 *
 * Writes the cache of @dataset to a temporary file beside @cache, renamed
 * over it once complete, so that a cache is either whole or not there; a
 * failed or interrupted write leaves any previous cache as it was.
 */
gboolean
measures_cache_write (GFile                  *cache,
                      MeasuresDataset        *dataset,
                      const MeasuresCacheKey *key,
                      GError                **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (cache);
  g_autofree char *temporary = NULL;
  const char *path = g_file_peek_path (cache);
  gboolean written;
  int fd;

  if (path == NULL || g_mkdir_with_parents (g_file_peek_path (folder), 0700) != 0)
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                   "cannot make the folder %s", g_file_peek_path (folder));
      return FALSE;
    }

  /* A write that was killed left its temporary file: remove it. */
  {
    g_autoptr(GDir) dir = g_dir_open (g_file_peek_path (folder), 0, NULL);
    g_autofree char *base = g_file_get_basename (cache);
    const char *entry;

    while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (entry, base) && strlen (entry) == strlen (base) + 7 && entry[strlen (base)] == '.')
        {
          g_autofree char *stale_path = g_build_filename (g_file_peek_path (folder), entry, NULL);

          g_unlink (stale_path);
        }
  }

  temporary = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot write %s: %s", temporary, g_strerror (saved));
      return FALSE;
    }

  written = write_cache (fd, NULL, dataset, key, error);
  if (close (fd) != 0 && written)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot write %s: %s", temporary, g_strerror (saved));
      written = FALSE;
    }

  if (!written || g_rename (temporary, path) != 0)
    {
      if (written)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                     "cannot rename %s: %s", temporary, g_strerror (errno));
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}
