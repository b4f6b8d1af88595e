/* measures-cache-search.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-cache-search"

#include "config.h"

#include <string.h>

#include "measures-bitset.h"
#include "measures-cache-private.h"
#include "measures-cache-search.h"
#include "measures-error.h"
#include "measures-file.h"
#include "measures-index-words-private.h"
#include "measures-number-map-private.h"
#include "measures-vocabulary.h"

/**
 * MeasuresCacheSearch:
 *
 * A search of one dataset's cache without loading it: what GNOME Shell's
 * first search needs while the dataset itself loads. It maps the cache,
 * checks its header against the file as it is now (its size and time;
 * not its fingerprint, which takes reading the whole file), its words as
 * the warm load checks them, and each string it reads as it reads it;
 * not the checksum of the whole cache, the word lists (a damaged list
 * names other records, never memory out of bounds), nor the records it
 * does not read. A cache damaged there can give other results until the
 * load, which checks everything, is done. It answers as the index of that dataset alone, in the dataset's
 * order, would: each word of the search starts a word of the measure's
 * texts or of the label of one of its facet values.
 */

typedef struct
{
  MeasuresFacet facet;
  MeasuresBitset *bits;
} Value;

struct _MeasuresCacheSearch
{
  GBytes *bytes;
  GVariant *cache;
  MeasuresStrings *strings;
  MeasuresRecordReader *reader;
  MeasuresCacheReader r;
  MeasuresWordIndex *words;
  MeasuresWordIndex *label_words;
  GArray *values;                /* Value, in the order of @label_words */
  GHashTable *found;             /* id → record number + 1, of ids given */
};

static gboolean
unusable (GError    **error,
          const char *why)
{
  g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE, "the cache is not usable: %s", why);
  return FALSE;
}

/* The string at @offset, checked, when it is not empty. */
static const char *
text_at (const MeasuresCacheReader *r,
         guint32                    offset)
{
  if (offset == 0 || offset >= r->blob_len || r->blob[offset - 1] != '\0' || r->blob[offset] == '\0' ||
      !g_utf8_validate (r->blob + offset, -1, NULL))
    return NULL;

  return r->blob + offset;
}

static gconstpointer
get_array (GVariant *cache,
           gsize     child,
           gsize     element_size,
           gsize    *n)
{
  g_autoptr(GVariant) array = g_variant_get_child_value (cache, child);
  gconstpointer data = g_variant_get_fixed_array (array, n, element_size);

  return *n > 0 ? data : NULL;
}

typedef struct
{
  MeasuresNumberMap by_offset[MEASURES_N_FACETS];     /* string offset → value + 1 */
  GHashTable *by_key[MEASURES_N_FACETS];      /* facet key → value + 1 */
  MeasuresNumberMap category_of_type;                 /* string offset → value + 1 */
  GHashTable *known_region;                   /* region_of() → value + 1 */
  GPtrArray *texts;                           /* of each value, for its words */
} Facets;

/* Finds or adds the value of @text, as measures_index_new() does: values
 * are one when their facet keys are, and keep the text first seen. */
static guint
add_value (MeasuresCacheSearch *self,
           Facets              *facets,
           MeasuresFacet        facet,
           const char          *text,
           guint                record)
{
  g_autofree char *key = measures_facet_key (facet, text);
  gpointer found;
  guint value;

  if (g_hash_table_lookup_extended (facets->by_key[facet], key, NULL, &found))
    value = GPOINTER_TO_UINT (found) - 1;
  else
    {
      g_autofree char *label = measures_vocabulary_label (facet, text);
      Value new_value = { facet, measures_bitset_new (self->r.n_records) };

      value = self->values->len;
      g_array_append_val (self->values, new_value);
      g_ptr_array_add (facets->texts, g_str_equal (label, text) ? g_strdup (text)
                                                              : g_strdup_printf ("%s\n%s", text, label));
      g_hash_table_insert (facets->by_key[facet], g_steal_pointer (&key), GUINT_TO_POINTER (value + 1));
    }
  measures_bitset_set (g_array_index (self->values, Value, value).bits, record);

  return value;
}

/* The value of the string at @offset, or -1 if it is not a string. */
static int
offset_value (MeasuresCacheSearch *self,
              Facets              *facets,
              MeasuresFacet        facet,
              guint32              offset,
              guint                record)
{
  guint32 found = measures_number_map_get (&facets->by_offset[facet], offset);
  const char *text;
  guint value;

  if (found != 0)
    {
      value = found - 1;
      measures_bitset_set (g_array_index (self->values, Value, value).bits, record);
      return value;
    }
  if ((text = text_at (&self->r, offset)) == NULL)
    return -1;
  value = add_value (self, facets, facet, text, record);
  measures_number_map_put (&facets->by_offset[facet], offset, value + 1);

  return value;
}

static gboolean
add_type (MeasuresCacheSearch *self,
          Facets              *facets,
          guint32              offset,
          guint                record)
{
  guint32 found = measures_number_map_get (&facets->category_of_type, offset);
  const char *type;

  if (found != 0)
    measures_bitset_set (g_array_index (self->values, Value, found - 1).bits, record);
  else
    {
      g_autofree char *category = NULL;
      guint value;

      if ((type = text_at (&self->r, offset)) == NULL)
        return FALSE;
      category = measures_type_get_category (type);
      value = add_value (self, facets, MEASURES_FACET_TYPE, category, record);
      measures_number_map_put (&facets->category_of_type, offset, value + 1);
    }

  type = self->r.blob + offset;
  if (strstr (type, MEASURES_TYPE_SEPARATOR) != NULL)
    return offset_value (self, facets, MEASURES_FACET_TYPE, offset, record) >= 0;

  return TRUE;
}

/* The facet values of every record, from their string offsets: hashing
 * numbers, and each value's text once. */
static gboolean
index_facets (MeasuresCacheSearch *self)
{
  const MeasuresCacheReader *r = &self->r;
  Facets facets;
  gboolean ok = TRUE;

  memset (&facets, 0, sizeof facets);
  for (guint f = 0; f < MEASURES_N_FACETS; f++)
    {
      measures_number_map_init (&facets.by_offset[f]);
      facets.by_key[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  measures_number_map_init (&facets.category_of_type);
  facets.known_region = g_hash_table_new (NULL, NULL);
  facets.texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ok && i < r->n_records; i++)
    {
      const guint32 *f = r->records + (gsize) i * RECORD_FIELDS;
      const char *known;

      ok = offset_value (self, &facets, MEASURES_FACET_COUNTRY, f[F_COUNTRY], i) >= 0 &&
           f[F_REGION] < r->blob_len &&
           (guint64) f[F_TYPES] + f[F_N_TYPES] <= r->n_lists &&
           (guint64) f[F_FORMS] + f[F_N_FORMS] <= r->n_lists;
      /* A record that names no region has its country's, as a measure
       * read from the cache has. */
      if (ok && r->blob[f[F_REGION]] != '\0')
        ok = offset_value (self, &facets, MEASURES_FACET_REGION, f[F_REGION], i) >= 0;
      else if (ok && (known = measures_vocabulary_region_of (r->blob + f[F_COUNTRY])) != NULL)
        {
          gpointer found = g_hash_table_lookup (facets.known_region, known);

          if (found != NULL)
            measures_bitset_set (g_array_index (self->values, Value, GPOINTER_TO_UINT (found) - 1).bits, i);
          else
            g_hash_table_insert (facets.known_region, (gpointer) known,
                                 GUINT_TO_POINTER (add_value (self, &facets, MEASURES_FACET_REGION, known, i) + 1));
        }
      for (guint t = 0; ok && t < f[F_N_TYPES]; t++)
        ok = add_type (self, &facets, r->lists[f[F_TYPES] + t], i);
      for (guint t = 0; ok && t < f[F_N_FORMS]; t++)
        ok = offset_value (self, &facets, MEASURES_FACET_FORM, r->lists[f[F_FORMS] + t], i) >= 0;
    }

  if (ok)
    self->label_words = _measures_word_index_new_for_texts ((const char * const *) facets.texts->pdata,
                                                            facets.texts->len);

  for (guint f = 0; f < MEASURES_N_FACETS; f++)
    {
      measures_number_map_clear (&facets.by_offset[f]);
      g_hash_table_unref (facets.by_key[f]);
    }
  measures_number_map_clear (&facets.category_of_type);
  g_hash_table_unref (facets.known_region);
  g_ptr_array_unref (facets.texts);

  return ok;
}

static void
value_clear (gpointer data)
{
  measures_bitset_free (((Value *) data)->bits);
}

/**
 * measures_cache_search_free:
 */
void
measures_cache_search_free (MeasuresCacheSearch *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->words, _measures_word_index_unref);
  g_clear_pointer (&self->label_words, _measures_word_index_unref);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_pointer (&self->found, g_hash_table_unref);
  g_clear_pointer (&self->reader, _measures_record_reader_free);
  g_clear_pointer (&self->strings, measures_strings_unref);
  g_clear_pointer (&self->cache, g_variant_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

/**
 * measures_cache_search_open:
 * @source: a local dataset file
 *
 * Returns: (transfer full) (nullable): a search of the cache of @source,
 *   or %NULL with @error set when it has none that stands for it as it
 *   is now, or one that is damaged where it was checked
 */
MeasuresCacheSearch *
measures_cache_search_open (GFile   *source,
                            GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) cache_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  MeasuresCacheKey key = { NULL, };
  gboolean mapped;

  g_return_val_if_fail (G_IS_FILE (source), NULL);

  if (!measures_cache_is_enabled () || g_file_peek_path (source) == NULL)
    return unusable (error, "no cache"), NULL;

  info = g_file_query_info (source, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return unusable (error, "not a file"), NULL;

  uri = g_file_get_uri (source);
  key.uri = uri;
  key.size = g_file_info_get_size (info);
  key.mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
              g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  key.any_fingerprint = TRUE;

  cache_file = measures_cache_get_file (source);
  if (g_file_peek_path (cache_file) == NULL)
    return unusable (error, "not a local file"), NULL;

  /* Mapped, so that only what is read is brought in (see
   * measures_cache_read()). */
  if ((bytes = measures_file_map (cache_file, G_MAXUINT64, NULL, &mapped, error)) == NULL)
    return NULL;

  return measures_cache_search_new_for_bytes (bytes, &key, error);
}

/**
 * measures_cache_search_new_for_bytes:
 * @bytes: the contents of a cache
 * @key: what its dataset file is now; its fingerprint is not compared
 *
 * As measures_cache_search_open(), of a cache in memory.
 */
MeasuresCacheSearch *
measures_cache_search_new_for_bytes (GBytes           *bytes,
                                     MeasuresCacheKey *key,
                                     GError          **error)
{
  MeasuresCacheSearch *self;
  const guint32 *word_offsets;
  const guint64 *posting_ends;
  const guint8 *postings;
  gsize n_words, n_ends, n_postings;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_new0 (MeasuresCacheSearch, 1);
  self->bytes = g_bytes_ref (bytes);
  self->values = g_array_new (FALSE, FALSE, sizeof (Value));
  g_array_set_clear_func (self->values, value_clear);
  self->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (((guintptr) g_bytes_get_data (self->bytes, NULL)) % 8 != 0)
    {
      unusable (error, "misaligned");
      goto fail;
    }
  self->cache = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MEASURES_CACHE_TYPE),
                                                              self->bytes, FALSE));
  key->any_fingerprint = TRUE;
  if (!_measures_cache_check_header (self->cache, key, error))
    goto fail;

  self->r.blob = get_array (self->cache, MEASURES_CACHE_STRINGS, 1, &self->r.blob_len);
  self->r.records = get_array (self->cache, MEASURES_CACHE_RECORDS, 4, &self->r.n_records);
  self->r.lists = get_array (self->cache, MEASURES_CACHE_LISTS, 4, &self->r.n_lists);
  word_offsets = get_array (self->cache, MEASURES_CACHE_VOCABULARY, 4, &n_words);
  posting_ends = get_array (self->cache, MEASURES_CACHE_POSTING_ENDS, 8, &n_ends);
  postings = get_array (self->cache, MEASURES_CACHE_POSTINGS, 1, &n_postings);

  if (self->r.blob == NULL || self->r.blob[0] != '\0' || self->r.blob[self->r.blob_len - 1] != '\0' ||
      self->r.records == NULL || self->r.n_records % RECORD_FIELDS != 0 || n_ends != n_words ||
      self->r.n_records == 0 || self->r.n_records / RECORD_FIELDS > G_MAXUINT32)
    {
      unusable (error, "damaged");
      goto fail;
    }
  self->r.n_records /= RECORD_FIELDS;
  self->strings = measures_strings_new_for_bytes (self->bytes);
  self->r.strings = self->strings;
  self->reader = _measures_record_reader_new ();
  self->r.reader = self->reader;

  {
    const char **vocabulary = g_new (const char *, MAX (n_words, 1));

    for (gsize i = 0; i < n_words; i++)
      if ((vocabulary[i] = text_at (&self->r, word_offsets[i])) == NULL)
        {
          g_free (vocabulary);
          unusable (error, "a bad word");
          goto fail;
        }
    self->words = _measures_word_index_new_borrowed (self->bytes, vocabulary, n_words, posting_ends, postings,
                                                     n_postings, self->r.n_records, FALSE);
    if (self->words == NULL)
      {
        unusable (error, "a bad word index");
        goto fail;
      }
  }

  if (!index_facets (self))
    {
      unusable (error, "a bad facet value");
      goto fail;
    }

  return self;

fail:
  measures_cache_search_free (self);
  return NULL;
}

/**
 * measures_cache_search_match:
 * @words: the search's folded words, as from
 *   measures_query_get_search_words()
 *
 * Returns: (transfer full) (nullable): a bit for each record of the
 *   cache, set when its texts or facet labels have a word starting with
 *   each of @words; %NULL when this search cannot answer as the index
 *   would (a word longer than any indexed word)
 */
MeasuresBitset *
measures_cache_search_match (MeasuresCacheSearch *self,
                             const char * const  *words)
{
  g_autoptr(MeasuresBitset) matches = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (words != NULL, NULL);

  n = self->r.n_records;
  matches = measures_bitset_new (n);
  measures_bitset_fill (matches);
  for (guint w = 0; words[w] != NULL; w++)
    {
      g_autoptr(MeasuresBitset) bits = NULL;
      g_autoptr(MeasuresBitset) labels = NULL;

      /* The index checks such a word against each candidate's text. */
      if (strlen (words[w]) > MEASURES_WORD_MAX)
        return NULL;

      bits = measures_bitset_new (n);
      _measures_word_index_add_prefix (self->words, words[w], NULL, 0, bits);
      labels = measures_bitset_new (self->values->len);
      _measures_word_index_add_prefix (self->label_words, words[w], NULL, 0, labels);
      for (guint v = 0; v < self->values->len; v++)
        if (measures_bitset_get (labels, v))
          measures_bitset_or (bits, g_array_index (self->values, Value, v).bits);
      measures_bitset_and (matches, bits);
    }

  return g_steal_pointer (&matches);
}

/**
 * measures_cache_search_get_id:
 * @record: a record number, below measures_cache_search_get_n_measures()
 *
 * Returns: (nullable): the id of @record, in the cache, or %NULL if it
 *   is damaged
 */
const char *
measures_cache_search_get_id (MeasuresCacheSearch *self,
                              guint                record)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->r.n_records, NULL);

  return text_at (&self->r, self->r.records[(gsize) record * RECORD_FIELDS + F_ID]);
}

/**
 * measures_cache_search_read_record:
 * @record: a record number, below measures_cache_search_get_n_measures()
 *
 * Returns: (transfer full) (nullable): that record, read from the
 *   cache, or %NULL if it is damaged
 */
MeasuresMeasure *
measures_cache_search_read_record (MeasuresCacheSearch *self,
                                   guint                record)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->r.n_records, NULL);

  return _measures_cache_read_record (&self->r, self->r.records + (gsize) record * RECORD_FIELDS, NULL);
}

/**
 * measures_cache_search_find:
 * @words: the search's folded words, as from
 *   measures_query_get_search_words()
 * @max: how many ids to give at most
 * @only: (nullable): when given, only these ids are given
 *
 * Returns: (transfer container) (nullable) (element-type utf8): the ids
 *   of the first @max measures, in the dataset's order, whose texts or
 *   facet labels have a word starting with each of @words; %NULL when
 *   this search cannot answer as the index would (a word longer than
 *   any indexed word, a bad id), and the dataset must be loaded
 */
GPtrArray *
measures_cache_search_find (MeasuresCacheSearch *self,
                            const char * const  *words,
                            guint                max,
                            GHashTable          *only)
{
  g_autoptr(MeasuresBitset) matches = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n = self->r.n_records;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (words != NULL, NULL);

  if (words[0] == NULL)
    return g_steal_pointer (&ids);

  if ((matches = measures_cache_search_match (self, words)) == NULL)
    return NULL;

  for (guint i = 0; i < n && ids->len < max; i++)
    {
      const char *id;

      if (!measures_bitset_get (matches, i))
        continue;
      if ((id = measures_cache_search_get_id (self, i)) == NULL)
        return NULL;
      if (only != NULL && !g_hash_table_contains (only, id))
        continue;
      if (!g_hash_table_contains (self->found, id))
        g_hash_table_insert (self->found, g_strdup (id), GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (ids, (gpointer) id);
    }

  return g_steal_pointer (&ids);
}

/**
 * measures_cache_search_read_measure:
 * @id: an id that measures_cache_search_find() gave
 *
 * Returns: (transfer full) (nullable): that measure, read from the
 *   cache, or %NULL if its record is damaged or @id was not given
 */
MeasuresMeasure *
measures_cache_search_read_measure (MeasuresCacheSearch *self,
                                    const char          *id)
{
  guint record;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  record = GPOINTER_TO_UINT (g_hash_table_lookup (self->found, id));
  if (record == 0)
    return NULL;

  return _measures_cache_read_record (&self->r, self->r.records + (gsize) (record - 1) * RECORD_FIELDS, NULL);
}

/**
 * measures_cache_search_get_n_measures:
 *
 * Returns: how many records the cache holds
 */
guint
measures_cache_search_get_n_measures (MeasuresCacheSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->r.n_records;
}
