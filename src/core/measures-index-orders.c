/* measures-index-orders.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-index-orders"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "measures-index-orders-private.h"
#include "measures-localized.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* The orders an index's measures sort in, made when first asked for,
 * or ahead of time in another thread: @lock guards them. */
struct _MeasuresIndexOrders
{
  GPtrArray *measures;       /* borrowed from the index, as are the years */
  guint n;
  const int *year_from;
  const int *year_to;

  GMutex lock;
  guint *orders[MEASURES_N_SORTS][2];
};

/* Sorting: keys are made once per measure, never per comparison. A
 * measure first gets only the first level of its key (most of the time
 * of a sort was writing and comparing whole keys, four levels of about
 * two bytes a character each); the measures whose first levels are the
 * same are then ordered by their whole keys, which only they get. */

typedef struct
{
  guint64 prefix;       /* the key's first bytes, big-endian: most
                         * comparisons end here */
  guint position;
  const char *key;      /* its first level */
  int year_from;
  int year_to;
} SortEntry;

static int
compare_entries_by_key (gconstpointer a,
                        gconstpointer b)
{
  const SortEntry *x = a, *y = b;
  int cmp;

  if (x->prefix != y->prefix)
    return x->prefix < y->prefix ? -1 : 1;

  cmp = strcmp (x->key, y->key);

  return cmp != 0 ? cmp : (x->position > y->position) - (x->position < y->position);
}

static guint64
key_prefix (const char *key)
{
  guint64 prefix = 0;
  guint i = 0;

  for (; i < 8 && key[i] != '\0'; i++)
    prefix = (prefix << 8) | (guchar) key[i];

  /* Shifting a 64-bit number by 64, for an empty key, is undefined. */
  if (i == 0)
    return 0;

  return prefix << (8 * (8 - i));
}

/* Undated measures come last, whichever way the years run. */
static int
compare_entries_by_year (const SortEntry *x,
                         const SortEntry *y,
                         int              direction)
{
  int to_x, to_y;

  if ((x->year_from == MEASURES_YEAR_NONE) != (y->year_from == MEASURES_YEAR_NONE))
    return x->year_from == MEASURES_YEAR_NONE ? 1 : -1;

  if (x->year_from != y->year_from)
    return direction * ((x->year_from > y->year_from) - (x->year_from < y->year_from));

  /* An open period ends after any closed one. */
  to_x = x->year_to == MEASURES_YEAR_NONE ? G_MAXINT : x->year_to;
  to_y = y->year_to == MEASURES_YEAR_NONE ? G_MAXINT : y->year_to;
  if (to_x != to_y)
    return direction * ((to_x > to_y) - (to_x < to_y));

  return (x->position > y->position) - (x->position < y->position);
}

static int
compare_entries_by_year_ascending (gconstpointer a,
                                   gconstpointer b)
{
  return compare_entries_by_year (a, b, 1);
}

static int
compare_entries_by_year_descending (gconstpointer a,
                                    gconstpointer b)
{
  return compare_entries_by_year (a, b, -1);
}

static char *
joined_labels (MeasuresFacet       facet,
               const char * const *values)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *label = measures_vocabulary_label (facet, values[i]);

      g_string_append_printf (joined, "%s%s", i > 0 ? "; " : "", label);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The text a measure sorts by: borrowed, or in @owned. */
static const char *
sort_text (MeasuresMeasure    *measure,
           MeasuresSort        sort,
           const char * const *langs,
           char              **owned)
{
  *owned = NULL;
  switch (sort)
    {
    case MEASURES_SORT_TITLE:
      return measures_measure_resolve_title (measure, langs);
    case MEASURES_SORT_COUNTRY:
      *owned = measures_vocabulary_label (MEASURES_FACET_COUNTRY, measures_measure_get_country (measure));
      break;
    case MEASURES_SORT_TYPE:
      *owned = joined_labels (MEASURES_FACET_TYPE, measures_measure_get_types (measure));
      break;
    case MEASURES_SORT_FORM:
      *owned = joined_labels (MEASURES_FACET_FORM, measures_measure_get_forms (measure));
      break;
    case MEASURES_SORT_NONE:
    case MEASURES_SORT_YEAR:
    case MEASURES_N_SORTS:
    default:
      g_assert_not_reached ();
    }

  return *owned;
}

typedef struct
{
  MeasuresIndexOrders *orders;
  SortEntry *entries;
  MeasuresSort sort;
  const char * const *langs;
  guint from;
  guint to;
  GByteArray *keys;          /* the first levels of its entries' keys */
} KeyJob;

/* Collation keys are the cost of a sort; they are made on every core,
 * each job's into one block. */
static gpointer
make_keys (gpointer data)
{
  KeyJob *job = data;
  g_autoptr(GArray) starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), job->to - job->from);

  for (guint i = job->from; i < job->to; i++)
    {
      g_autofree char *owned = NULL;
      const char *text = sort_text (g_ptr_array_index (job->orders->measures, i), job->sort, job->langs, &owned);
      guint start = job->keys->len;

      g_array_append_val (starts, start);
      measures_collate_key_first_level (text, job->keys);
    }

  /* The block has stopped moving. */
  for (guint i = job->from; i < job->to; i++)
    {
      job->entries[i].key = (const char *) job->keys->data + g_array_index (starts, guint, i - job->from);
      job->entries[i].prefix = key_prefix (job->entries[i].key);
    }

  return NULL;
}

typedef struct
{
  char *key;                 /* the whole key */
  guint position;
} TiedEntry;

static int
compare_tied (gconstpointer a,
              gconstpointer b)
{
  const TiedEntry *x = a, *y = b;
  int cmp = strcmp (x->key, y->key);

  return cmp != 0 ? cmp : (x->position > y->position) - (x->position < y->position);
}

/* Orders @entries[@from..@to), whose first levels are the same (and so
 * in the order of their positions), by their whole keys. The same text
 * has the same key: a run of one text stays as it is. */
static void
order_tied (MeasuresIndexOrders *self,
            SortEntry           *entries,
            guint                from,
            guint                to,
            MeasuresSort         sort,
            const char * const  *langs)
{
  g_autofree char *first_owned = NULL;
  const char *first = sort_text (g_ptr_array_index (self->measures, entries[from].position), sort, langs,
                                 &first_owned);
  g_autofree TiedEntry *tied = NULL;
  gboolean same = TRUE;

  for (guint i = from + 1; i < to && same; i++)
    {
      g_autofree char *owned = NULL;

      same = g_str_equal (first, sort_text (g_ptr_array_index (self->measures, entries[i].position), sort, langs,
                                            &owned));
    }
  if (same)
    return;

  tied = g_new (TiedEntry, to - from);
  for (guint i = from; i < to; i++)
    {
      g_autofree char *owned = NULL;
      const char *text = sort_text (g_ptr_array_index (self->measures, entries[i].position), sort, langs, &owned);

      tied[i - from] = (TiedEntry) { measures_collate_key (text), entries[i].position };
    }
  qsort (tied, to - from, sizeof (TiedEntry), compare_tied);
  for (guint i = from; i < to; i++)
    {
      entries[i].position = tied[i - from].position;
      g_free (tied[i - from].key);
    }
}

static const guint *
get_order_locked (MeasuresIndexOrders *self,
                  MeasuresSort         sort,
                  gboolean             descending)
{
  guint **order;
  g_autofree SortEntry *entries = NULL;

  order = &self->orders[sort][!!descending];
  if (*order != NULL)
    return *order;

  *order = g_new (guint, MAX (self->n, 1));

  if (sort == MEASURES_SORT_NONE)
    {
      for (guint i = 0; i < self->n; i++)
        (*order)[i] = descending ? self->n - 1 - i : i;
      return *order;
    }

  if (sort != MEASURES_SORT_YEAR && descending)
    {
      const guint *ascending = get_order_locked (self, sort, FALSE);

      for (guint i = 0; i < self->n; i++)
        (*order)[i] = ascending[self->n - 1 - i];
      return *order;
    }

  entries = g_new0 (SortEntry, MAX (self->n, 1));
  for (guint i = 0; i < self->n; i++)
    {
      entries[i].position = i;
      entries[i].year_from = self->year_from[i];
      entries[i].year_to = self->year_to[i];
    }

  if (sort == MEASURES_SORT_YEAR)
    qsort (entries, self->n, sizeof (SortEntry),
           descending ? compare_entries_by_year_descending : compare_entries_by_year_ascending);
  else
    {
      g_auto(GStrv) langs = measures_get_content_languages ();
      guint n_jobs = self->n >= 4096 ? CLAMP (g_get_num_processors (), 1, 8) : 1;
      KeyJob jobs[8];
      GThread *threads[8];

      for (guint j = 0; j < n_jobs; j++)
        {
          jobs[j] = (KeyJob) { self, entries, sort, (const char * const *) langs,
                               (guint) ((guint64) self->n * j / n_jobs),
                               (guint) ((guint64) self->n * (j + 1) / n_jobs),
                               g_byte_array_new () };
          threads[j] = j > 0 ? g_thread_new ("measures-sort", make_keys, &jobs[j]) : NULL;
        }
      make_keys (&jobs[0]);
      for (guint j = 1; j < n_jobs; j++)
        g_thread_join (threads[j]);

      qsort (entries, self->n, sizeof (SortEntry), compare_entries_by_key);

      /* Runs of the same first level, by their whole keys. */
      for (guint i = 0, end; i < self->n; i = end)
        {
          for (end = i + 1; end < self->n && entries[end].prefix == entries[i].prefix &&
               strcmp (entries[end].key, entries[i].key) == 0; end++)
            ;
          if (end - i > 1)
            order_tied (self, entries, i, end, sort, (const char * const *) langs);
        }

      for (guint j = 0; j < n_jobs; j++)
        g_byte_array_unref (jobs[j].keys);
    }

  for (guint i = 0; i < self->n; i++)
    (*order)[i] = entries[i].position;

  return *order;
}

/**
 * _measures_index_orders_new:
 * @measures: (element-type MeasuresMeasure): the measures of an index
 * @year_from: the first year of each measure
 * @year_to: the last year of each measure
 *
 * Borrows all three from the index, which keeps them as long as the
 * orders.
 *
 * Returns: (transfer full): no orders yet
 */
MeasuresIndexOrders *
_measures_index_orders_new (GPtrArray *measures,
                            const int *year_from,
                            const int *year_to)
{
  MeasuresIndexOrders *self = g_new0 (MeasuresIndexOrders, 1);

  self->measures = measures;
  self->n = measures->len;
  self->year_from = year_from;
  self->year_to = year_to;
  g_mutex_init (&self->lock);

  return self;
}

void
_measures_index_orders_free (MeasuresIndexOrders *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < MEASURES_N_SORTS; i++)
    {
      g_free (self->orders[i][0]);
      g_free (self->orders[i][1]);
    }
  g_mutex_clear (&self->lock);
  g_free (self);
}

/* Drops the orders made so far. */
void
_measures_index_orders_forget (MeasuresIndexOrders *self)
{
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < MEASURES_N_SORTS; i++)
    {
      g_clear_pointer (&self->orders[i][0], g_free);
      g_clear_pointer (&self->orders[i][1], g_free);
    }
  g_mutex_unlock (&self->lock);
}

/* See measures_index_get_order(). */
const guint *
_measures_index_orders_get (MeasuresIndexOrders *self,
                            MeasuresSort         sort,
                            gboolean             descending)
{
  const guint *order;

  g_mutex_lock (&self->lock);
  order = get_order_locked (self, sort, descending);
  g_mutex_unlock (&self->lock);

  return order;
}
