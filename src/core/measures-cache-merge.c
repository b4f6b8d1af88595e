/* measures-cache-merge.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-cache-merge"

#include "config.h"

#include <string.h>

#include "measures-bitset.h"
#include "measures-cache-merge.h"
#include "measures-cache-search.h"
#include "measures-dataset.h"
#include "measures-error.h"
#include "measures-index.h"
#include "measures-index-orders-private.h"
#include "measures-loader.h"

/**
 * MeasuresCacheMerge:
 *
 * A search of several datasets without loading them, as their merged
 * index would answer it: what GNOME Shell's first search needs while the
 * user's library (the bundled measures, the datasets opened, My
 * Measures) loads. Each dataset is searched in its cache
 * (#MeasuresCacheSearch); a small file without a usable cache, such as
 * the bundled measures, which live in the resources, is read whole, as
 * the loader reads it. A file that does not exist gives no measures, as
 * in the loader; a folder, or a large file without a usable cache,
 * means the library must be loaded.
 *
 * The records are put together as measures_datasets_merge() does: in
 * the order of the files, each id where it first comes, with the record
 * of the last file (and the last of a file) that has it. Results come
 * in that order, or in one of the index's orders
 * (measures-index-orders.c), made of the records found when they are
 * few.
 */

/* A file without a cache this small is read whole: the bundled
 * measures, 280 kB, take a few milliseconds. */
#define SMALL_FILE ((goffset) 1024 * 1024)

/* Sorting reads each record found: more than this, and the index, which
 * has its keys made, answers. */
#define MAX_SORTED 2000

typedef struct
{
  MeasuresCacheSearch *cache;   /* or */
  GFile *file;                  /* to read whole, once every cache opened */
  GPtrArray *measures;          /* read whole, merged within the file */
  MeasuresIndex *index;         /* of @measures */
  guint n;
} Source;

typedef struct
{
  const char *id;               /* the first record's, in its source */
  guint source;
  guint record;
} Entry;

/* Ids are put together by a table of their own: sized once for every
 * record, with the hash of each id beside it, it takes a third of the
 * time a GHashTable growing to 100,000 ids takes. */
typedef struct
{
  guint32 hash;
  guint32 position;             /* in @entries + 1; 0 for none */
} Slot;

struct _MeasuresCacheMerge
{
  GArray *sources;              /* Source, in the order of the files */
  GArray *entries;              /* Entry, in the merged order */
  Slot *slots;                  /* a power of two of them */
  guint32 mask;
};

/* The slot of @id: where it is, or where it goes. */
static Slot *
find_slot (MeasuresCacheMerge *self,
           const char         *id,
           guint32             hash)
{
  guint32 i = hash & self->mask;

  for (;; i = (i + 1) & self->mask)
    {
      Slot *slot = &self->slots[i];

      if (slot->position == 0 ||
          (slot->hash == hash &&
           strcmp (g_array_index (self->entries, Entry, slot->position - 1).id, id) == 0))
        return slot;
    }
}

static void
source_clear (gpointer data)
{
  Source *source = data;

  g_clear_pointer (&source->cache, measures_cache_search_free);
  g_clear_object (&source->file);
  g_clear_pointer (&source->measures, g_ptr_array_unref);
  g_clear_object (&source->index);
}

static const char *
source_id (const Source *source,
           guint         record)
{
  if (source->cache != NULL)
    return measures_cache_search_get_id (source->cache, record);

  return measures_measure_get_id (g_ptr_array_index (source->measures, record));
}

static gboolean
unusable (GError    **error,
          const char *uri,
          const char *why)
{
  g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE, "%s: %s", uri, why);
  return FALSE;
}

/* The source of @file, or FALSE if it has none that answers as its
 * load would; *@skip when the loader would find no measures in it. */
static gboolean
open_source (GFile     *file,
             Source    *source,
             gboolean  *skip,
             GError   **error)
{
  g_autoptr(GError) cache_error = NULL;
  g_autoptr(GError) info_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  *skip = FALSE;
  if ((source->cache = measures_cache_search_open (file, &cache_error)) != NULL)
    {
      source->n = measures_cache_search_get_n_measures (source->cache);
      return TRUE;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &info_error);
  if (info == NULL && g_error_matches (info_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* No My Measures yet: the loader shows no measures of it. */
      *skip = TRUE;
      return TRUE;
    }
  if (info == NULL)
    return unusable (error, uri, info_error->message);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return unusable (error, uri, "not a file");
  if (g_file_info_get_size (info) > SMALL_FILE)
    return unusable (error, uri, cache_error->message);

  source->file = g_object_ref (file);

  return TRUE;
}

/* As the loader reads it, and merged within itself as a catalog is. */
static void
read_source (Source *source)
{
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (source->file, NULL);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, dataset);
  source->measures = measures_datasets_merge (one, NULL);
  source->index = measures_index_new (source->measures);
  source->n = source->measures->len;
}

/**
 * measures_cache_merge_free:
 */
void
measures_cache_merge_free (MeasuresCacheMerge *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->slots, g_free);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  g_free (self);
}

/**
 * measures_cache_merge_open:
 * @files: (array length=n_files): the dataset files, in the order a
 *   session loads them
 * @n_files: how many
 *
 * Returns: (transfer full) (nullable): a search of the caches of @files,
 *   or %NULL with @error set when one of them has no cache that stands
 *   for it and is not small enough to read, or is a folder
 */
MeasuresCacheMerge *
measures_cache_merge_open (GFile * const *files,
                           guint          n_files,
                           GError       **error)
{
  g_autoptr(MeasuresCacheMerge) self = g_new0 (MeasuresCacheMerge, 1);

  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self->sources = g_array_new (FALSE, TRUE, sizeof (Source));
  g_array_set_clear_func (self->sources, source_clear);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  for (guint i = 0; i < n_files; i++)
    {
      Source source = { NULL, };
      gboolean skip;

      if (!open_source (files[i], &source, &skip, error))
        {
          source_clear (&source);
          return NULL;
        }
      if (!skip)
        g_array_append_val (self->sources, source);
    }

  {
    guint64 n = 0;
    guint64 size = 64;

    for (guint s = 0; s < self->sources->len; s++)
      {
        Source *source = &g_array_index (self->sources, Source, s);

        if (source->file != NULL)
          read_source (source);
        n += source->n;
      }
    while (size < 2 * n)
      size *= 2;
    if (size > G_MAXUINT32)
      return unusable (error, "the library", "too many records"), NULL;
    self->slots = g_new0 (Slot, size);
    self->mask = size - 1;
    g_array_unref (self->entries);
    self->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n);
  }

  /* As measures_datasets_merge() puts them together. */
  for (guint s = 0; s < self->sources->len; s++)
    {
      const Source *source = &g_array_index (self->sources, Source, s);

      for (guint r = 0; r < source->n; r++)
        {
          const char *id = source_id (source, r);
          Entry entry = { id, s, r };
          guint32 hash;
          Slot *slot;

          if (id == NULL)
            return unusable (error, "a cache", "a bad id"), NULL;

          hash = g_str_hash (id);
          slot = find_slot (self, id, hash);
          if (slot->position > 0)
            {
              Entry *earlier = &g_array_index (self->entries, Entry, slot->position - 1);

              earlier->source = s;
              earlier->record = r;
            }
          else
            {
              g_array_append_val (self->entries, entry);
              slot->hash = hash;
              slot->position = self->entries->len;
            }
        }
    }

  return g_steal_pointer (&self);
}

static MeasuresMeasure *
read_entry (MeasuresCacheMerge *self,
            const Entry        *entry)
{
  const Source *source = &g_array_index (self->sources, Source, entry->source);

  if (source->cache != NULL)
    return measures_cache_search_read_record (source->cache, entry->record);

  return g_object_ref (g_ptr_array_index (source->measures, entry->record));
}

/* The ids of @found (positions, in the merged order) in @sort. */
static gboolean
sort_found (MeasuresCacheMerge *self,
            GArray             *found,
            MeasuresSort        sort,
            gboolean            descending)
{
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree int *year_from = g_new (int, MAX (found->len, 1));
  g_autofree int *year_to = g_new (int, MAX (found->len, 1));
  g_autofree guint *positions = NULL;
  MeasuresIndexOrders *orders;
  const guint *order;

  for (guint i = 0; i < found->len; i++)
    {
      guint position = g_array_index (found, guint, i);
      MeasuresMeasure *measure = read_entry (self, &g_array_index (self->entries, Entry, position));

      if (measure == NULL)
        return FALSE;
      year_from[i] = measures_measure_get_year_from (measure);
      year_to[i] = measures_measure_get_year_to (measure);
      g_ptr_array_add (measures, measure);
    }

  /* The index's order of all its measures, of these only: ties go by
   * position, which keeps the merged order among them. */
  orders = _measures_index_orders_new (measures, year_from, year_to);
  order = _measures_index_orders_get (orders, sort, descending);
  positions = g_memdup2 (found->data, sizeof (guint) * found->len);
  for (guint i = 0; i < found->len; i++)
    g_array_index (found, guint, i) = positions[order[i]];
  _measures_index_orders_free (orders);

  return TRUE;
}

/**
 * measures_cache_merge_find:
 * @query: a query of search text only
 * @sort: the order of the results
 * @descending: whether it is reversed
 * @max: how many ids to give at most
 * @only: (nullable): when given, only these ids are given
 *
 * Returns: (transfer container) (nullable) (element-type utf8): the ids
 *   of the first @max measures the merged index would find for @query,
 *   in its order; %NULL when this search cannot answer as the index would
 *   (a word longer than any indexed word, a damaged record, too many to
 *   sort), and the library must be loaded
 */
GPtrArray *
measures_cache_merge_find (MeasuresCacheMerge *self,
                           MeasuresQuery      *query,
                           MeasuresSort        sort,
                           gboolean            descending,
                           guint               max,
                           GHashTable         *only)
{
  const char * const *words;
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_bitset_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (MEASURES_IS_QUERY (query), NULL);

  words = measures_query_get_search_words (query);
  if (words[0] == NULL)
    return g_steal_pointer (&ids);

  for (guint s = 0; s < self->sources->len; s++)
    {
      const Source *source = &g_array_index (self->sources, Source, s);
      MeasuresBitset *bits;

      if (source->cache != NULL)
        bits = measures_cache_search_match (source->cache, words);
      else
        {
          g_autoptr(MeasuresResult) result = measures_index_evaluate (source->index, query);

          bits = measures_bitset_copy (result->matches);
        }
      if (bits == NULL)
        return NULL;
      g_ptr_array_add (matches, bits);
    }

  n = self->entries->len;
  for (guint i = 0; i < n; i++)
    {
      guint position = sort == MEASURES_SORT_NONE && descending ? n - 1 - i : i;
      const Entry *entry = &g_array_index (self->entries, Entry, position);

      if (!measures_bitset_get (g_ptr_array_index (matches, entry->source), entry->record))
        continue;
      g_array_append_val (found, position);
      /* In the merged order, the first are enough. */
      if (sort == MEASURES_SORT_NONE && only == NULL && found->len >= max)
        break;
      if (sort != MEASURES_SORT_NONE && found->len > MAX_SORTED)
        return NULL;
    }

  if (sort != MEASURES_SORT_NONE && !sort_found (self, found, sort, descending))
    return NULL;

  for (guint i = 0; i < found->len && ids->len < max; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, g_array_index (found, guint, i));
      const char *id = source_id (&g_array_index (self->sources, Source, entry->source), entry->record);

      if (only != NULL && !g_hash_table_contains (only, id))
        continue;
      g_ptr_array_add (ids, (gpointer) id);
    }

  return g_steal_pointer (&ids);
}

/**
 * measures_cache_merge_read_measure:
 * @id: the id of a measure
 * @measure: (out) (transfer full) (nullable): the measure of @id that
 *   wins, or %NULL when no dataset has it
 *
 * Returns: %FALSE if its record is damaged
 */
gboolean
measures_cache_merge_read_measure (MeasuresCacheMerge *self,
                                   const char         *id,
                                   MeasuresMeasure   **measure)
{
  guint position;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (measure != NULL, FALSE);

  *measure = NULL;
  position = find_slot (self, id, g_str_hash (id))->position;
  if (position == 0)
    return TRUE;

  *measure = read_entry (self, &g_array_index (self->entries, Entry, position - 1));

  return *measure != NULL;
}

/**
 * measures_cache_merge_get_n_measures:
 *
 * Returns: how many measures the merged index would hold
 */
guint
measures_cache_merge_get_n_measures (MeasuresCacheMerge *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}
