/* measures-overview.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-overview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "measures-overview.h"
#include "measures-text.h"

/* The figures behind the overview's charts, computed from the matching
 * measures with the index's bitsets and year arrays, so that they come
 * from the same counts the sidebar shows. No drawing here. */

void
measures_overview_free (MeasuresOverview *self)
{
  if (self == NULL)
    return;

  if (self->years != NULL)
    for (guint i = 0; i < self->years->len; i++)
      g_free (g_array_index (self->years, MeasuresYearBin, i).by_category);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->category_values, g_array_unref);
  g_clear_pointer (&self->category_keys, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->by_form, g_array_unref);
  g_clear_pointer (&self->by_type, g_array_unref);
  g_clear_pointer (&self->timeline, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_free (self);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const MeasuresOverviewCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return g_utf8_collate (x->label, y->label);
}

static GArray *
counts_of (MeasuresIndex        *index,
           MeasuresFacet         facet,
           const MeasuresBitset *matches,
           gboolean              categories_only)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (MeasuresOverviewCount));

  for (guint v = 0; v < measures_index_get_n_values (index, facet); v++)
    {
      MeasuresOverviewCount count = { facet, v, measures_index_get_value_label (index, facet, v), 0, G_MAXUINT };

      if (categories_only && measures_index_get_value_parent (index, facet, v) >= 0)
        continue;

      count.count = measures_index_count_value (index, facet, v, matches);
      if (count.count > 0)
        g_array_append_val (counts, count);
    }

  g_array_sort (counts, compare_counts);

  return counts;
}

/* A measure that runs over a period; rows of the timeline are made from
 * the first of them in order. */
typedef struct
{
  guint position;
  guint country;        /* its value in the index */
  int from;
  int to;
  guint rank;           /* of its country's label */
  char *key;            /* collation key of its title, while sorting */
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  if (x->key != NULL && y->key != NULL)
    {
      int cmp = strcmp (x->key, y->key);

      if (cmp != 0)
        return cmp;
    }

  return (x->position > y->position) - (x->position < y->position);
}

/* Overviews are made on the main thread and on export threads at once:
 * the labels come with each sort, never through a global. */
static int
compare_label_values (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const char * const *labels = user_data;

  return g_utf8_collate (labels[*(const guint *) a], labels[*(const guint *) b]);
}

/* Puts the timeline in order, by country label, first year, then title,
 * and keeps its first rows. Only the countries are collated whole; titles
 * are collated only for the rows kept, so that 100,000 periods take a
 * few milliseconds rather than seconds. */
static void
arrange_timeline (MeasuresOverview   *self,
                  MeasuresIndex      *index,
                  const char * const *country_labels,
                  const char * const *langs)
{
  guint n_countries = measures_index_get_n_values (index, MEASURES_FACET_COUNTRY);
  g_autofree guint *rank = g_new0 (guint, MAX (n_countries, 1));
  g_autofree gboolean *used = g_new0 (gboolean, MAX (n_countries, 1));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = self->spans->len;
  guint keep = MIN (n, MEASURES_OVERVIEW_TIMELINE_KEEP);
  guint limit = keep;

  for (guint i = 0; i < n; i++)
    used[g_array_index (self->spans, Span, i).country] = TRUE;
  for (guint v = 0; v < n_countries; v++)
    if (used[v])
      g_array_append_val (values, v);
  g_array_sort_with_data (values, compare_label_values, (gpointer) country_labels);
  for (guint i = 0; i < values->len; i++)
    rank[g_array_index (values, guint, i)] = i;

  for (guint i = 0; i < n; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);

      span->rank = rank[span->country];
      span->key = NULL;
    }

  /* Only the countries that come first can give the rows kept: the
   * periods of the others go to the end unsorted. */
  {
    g_autofree guint *per_rank = g_new0 (guint, MAX (values->len, 1));
    guint cutoff = 0, total = 0, front = 0;

    for (guint i = 0; i < n; i++)
      per_rank[g_array_index (self->spans, Span, i).rank]++;
    while (cutoff < values->len && total < keep)
      total += per_rank[cutoff++];

    for (guint i = 0; i < n; i++)
      if (g_array_index (self->spans, Span, i).rank < cutoff)
        {
          Span swap = g_array_index (self->spans, Span, front);

          g_array_index (self->spans, Span, front) = g_array_index (self->spans, Span, i);
          g_array_index (self->spans, Span, i) = swap;
          front++;
        }
    if (front > 0)
      qsort (self->spans->data, front, sizeof (Span), compare_spans);
  }

  /* The rows kept, and any that tie with the last of them. */
  while (limit > 0 && limit < n &&
         g_array_index (self->spans, Span, limit).rank == g_array_index (self->spans, Span, keep - 1).rank &&
         g_array_index (self->spans, Span, limit).from == g_array_index (self->spans, Span, keep - 1).from)
    limit++;
  for (guint i = 0; i < limit; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);
      const char *title = measures_measure_resolve_title (measures_index_get_measure (index, span->position), langs);

      span->key = measures_collate_key (title != NULL ? title : "");
    }
  if (limit > 0)
    qsort (self->spans->data, limit, sizeof (Span), compare_spans);

  g_array_set_size (self->timeline, 0);
  for (guint i = 0; i < limit; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);

      if (i < keep)
        {
          MeasuresTimelineRow row = { span->position, country_labels[span->country], NULL, span->from, span->to };

          row.title = measures_measure_resolve_title (measures_index_get_measure (index, span->position), langs);
          g_array_append_val (self->timeline, row);
        }
      g_clear_pointer (&span->key, g_free);
    }
  self->n_timeline = n;
}

/**
 * measures_overview_new:
 * @index: the index of all measures
 * @matches: the measures that match
 * @current_year: the year open-ended measures run to
 *
 * Returns: (transfer full): the figures of the overview
 */
MeasuresOverview *
measures_overview_new (MeasuresIndex        *index,
                       const MeasuresBitset *matches,
                       int                   current_year)
{
  MeasuresOverview *self = g_new0 (MeasuresOverview, 1);
  guint n = measures_index_get_n_measures (index);
  g_autofree guint *category_slot = NULL;
  guint n_types = measures_index_get_n_values (index, MEASURES_FACET_TYPE);
  guint other = G_MAXUINT;
  const guint other_value = G_MAXUINT;
  int first = G_MAXINT, last = G_MININT;
  g_auto(GStrv) langs = measures_get_content_languages ();
  const guint *countries = measures_index_get_countries (index);
  const int *year_from, *year_to;
  gboolean any_without_type = FALSE;
  g_autofree gint64 *steps = NULL;
  g_autofree gint64 *running = NULL;
  guint n_slots;

  g_return_val_if_fail (MEASURES_IS_INDEX (index), NULL);
  g_return_val_if_fail (matches != NULL, NULL);

  self->by_form = counts_of (index, MEASURES_FACET_FORM, matches, FALSE);
  self->by_type = counts_of (index, MEASURES_FACET_TYPE, matches, FALSE);
  self->timeline = g_array_new (FALSE, FALSE, sizeof (MeasuresTimelineRow));
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->years = g_array_new (FALSE, TRUE, sizeof (MeasuresYearBin));
  self->categories = g_ptr_array_new ();
  self->category_values = g_array_new (FALSE, FALSE, sizeof (guint));
  self->category_keys = g_ptr_array_new ();
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->chosen_from = self->chosen_to = MEASURES_YEAR_NONE;

  /* The categories in the bars: those of the matching measures, most
   * frequent first, each bar split the same way. */
  category_slot = g_new (guint, MAX (n_types, 1));
  for (guint v = 0; v < n_types; v++)
    category_slot[v] = G_MAXUINT;
  {
    g_autoptr(GArray) categories = counts_of (index, MEASURES_FACET_TYPE, matches, TRUE);

    for (guint i = 0; i < categories->len; i++)
      {
        const MeasuresOverviewCount *count = &g_array_index (categories, MeasuresOverviewCount, i);

        category_slot[count->value] = self->categories->len;
        g_ptr_array_add (self->categories, (gpointer) count->label);
        g_array_append_val (self->category_values, count->value);
        g_ptr_array_add (self->category_keys,
                         (gpointer) measures_index_get_value (index, MEASURES_FACET_TYPE, count->value));
      }
  }

  /* Each type's bar takes the colour of its category. */
  for (guint i = 0; i < self->by_type->len; i++)
    {
      MeasuresOverviewCount *count = &g_array_index (self->by_type, MeasuresOverviewCount, i);
      int parent = measures_index_get_value_parent (index, MEASURES_FACET_TYPE, count->value);

      count->category = category_slot[parent >= 0 ? (guint) parent : count->value];
    }

  measures_index_get_years (index, &year_from, &year_to);

  for (guint i = 0; i < n; i++)
    {
      int from, to;

      if (!measures_bitset_get (matches, i))
        continue;

      from = year_from[i];
      to = year_to[i];

      if (from == MEASURES_YEAR_NONE)
        {
          self->n_undated++;
          continue;
        }

      first = MIN (first, from);
      last = MAX (last, to != MEASURES_YEAR_NONE ? to : MAX (from, current_year));
      any_without_type |= measures_index_get_first_category (index, i) == G_MAXUINT;

      if (to != from)
        {
          Span span = { i, countries[i], from, to, 0, NULL };

          g_array_append_val (self->spans, span);
        }
    }

  {
    guint n_countries = measures_index_get_n_values (index, MEASURES_FACET_COUNTRY);
    g_autofree const char **labels = g_new0 (const char *, MAX (n_countries, 1));

    for (guint v = 0; v < n_countries; v++)
      labels[v] = measures_index_get_value_label (index, MEASURES_FACET_COUNTRY, v);
    arrange_timeline (self, index, labels, (const char * const *) langs);
  }

  if (first > last)
    {
      self->first_year = self->last_year = MEASURES_YEAR_NONE;
      return self;
    }

  self->first_year = first;
  self->last_year = last;

  /* Measures without a type fall in "Other". */
  if (any_without_type)
    {
      other = self->categories->len;
      /* Translators: the part of a bar for measures without a type */
      g_ptr_array_add (self->categories, (gpointer) C_("chart", "Other"));
      g_array_append_val (self->category_values, other_value);
      g_ptr_array_add (self->category_keys, NULL);
    }

  g_array_set_size (self->years, last - first + 1);
  for (int year = first; year <= last; year++)
    {
      MeasuresYearBin *bin = &g_array_index (self->years, MeasuresYearBin, year - first);

      bin->year = year;
      bin->by_category = g_new0 (guint, MAX (self->categories->len, 1));
    }

  n_slots = MAX (self->categories->len, 1);
  steps = g_new0 (gint64, (gsize) (last - first + 2) * n_slots);
  running = g_new0 (gint64, n_slots);

  for (guint i = 0; i < n; i++)
    {
      guint category, slot;
      int from, to;

      if (!measures_bitset_get (matches, i))
        continue;

      from = year_from[i];
      if (from == MEASURES_YEAR_NONE)
        continue;
      to = year_to[i];
      if (to == MEASURES_YEAR_NONE)
        to = MAX (from, current_year);

      category = measures_index_get_first_category (index, i);
      slot = category != G_MAXUINT ? category_slot[category] : other;

      /* A measure counts in each year from its first to its last: one
       * step up at the first and one down after the last, summed below. */
      steps[(gsize) (from - first) * n_slots + slot]++;
      steps[(gsize) (to + 1 - first) * n_slots + slot]--;
    }

  for (int year = first; year <= last; year++)
    {
      MeasuresYearBin *bin = &g_array_index (self->years, MeasuresYearBin, year - first);

      for (guint slot = 0; slot < n_slots; slot++)
        {
          running[slot] += steps[(gsize) (year - first) * n_slots + slot];
          bin->by_category[slot] = (guint) running[slot];
          bin->total += (guint) running[slot];
        }
    }

  return self;
}

static void
mark_counts (GArray             *counts,
             MeasuresIndex      *index,
             MeasuresFacet       facet,
             const char * const *chosen)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; chosen != NULL && chosen[k] != NULL; k++)
    {
      int value = measures_index_find_value (index, facet, chosen[k]);

      if (value >= 0)
        g_array_append_val (values, value);
    }

  for (guint i = 0; i < counts->len; i++)
    {
      MeasuresOverviewCount *count = &g_array_index (counts, MeasuresOverviewCount, i);
      int parent = measures_index_get_value_parent (index, facet, count->value);

      count->chosen = FALSE;
      for (guint k = 0; k < values->len; k++)
        if (g_array_index (values, int, k) == (int) count->value || g_array_index (values, int, k) == parent)
          count->chosen = TRUE;
    }
}

/**
 * measures_overview_mark_chosen:
 * @self: the figures
 * @index: the index they were computed from
 * @query: the filters they were computed for
 *
 * Notes what @query chooses among the figures: its years, and the forms
 * and types it chooses (a category chooses its subcategories), so that
 * a chart can show what a click on one of its bars filtered to.
 */
void
measures_overview_mark_chosen (MeasuresOverview *self,
                               MeasuresIndex    *index,
                               MeasuresQuery    *query)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (MEASURES_IS_INDEX (index));
  g_return_if_fail (MEASURES_IS_QUERY (query));

  self->years_chosen = measures_query_has_years (query);
  measures_query_get_years (query, &self->chosen_from, &self->chosen_to);
  mark_counts (self->by_form, index, MEASURES_FACET_FORM, measures_query_get_chosen (query, MEASURES_FACET_FORM));
  mark_counts (self->by_type, index, MEASURES_FACET_TYPE, measures_query_get_chosen (query, MEASURES_FACET_TYPE));
}

/**
 * measures_overview_year_chosen:
 *
 * Returns: whether @year is among the years the filters choose, or
 *   whether they choose none
 */
gboolean
measures_overview_year_chosen (MeasuresOverview *self,
                               int               year)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !self->years_chosen ||
         ((self->chosen_from == MEASURES_YEAR_NONE || year >= self->chosen_from) &&
          (self->chosen_to == MEASURES_YEAR_NONE || year <= self->chosen_to));
}

static const char *
keep (MeasuresOverview *self,
      char             *text)
{
  g_ptr_array_add (self->strings, text);

  return text;
}

static void
relabel_counts (MeasuresOverview     *self,
                GArray               *counts,
                MeasuresIndex        *index,
                MeasuresTranslations *translations)
{
  for (guint i = 0; i < counts->len; i++)
    {
      MeasuresOverviewCount *count = &g_array_index (counts, MeasuresOverviewCount, i);
      const char *value = measures_index_get_value (index, count->facet, count->value);

      count->label = keep (self, measures_vocabulary_label_in (translations, count->facet, value));
    }
}

/**
 * measures_overview_relabel:
 * @self: the figures
 * @index: the index they were computed from
 * @translations: the language to label in
 *
 * Labels the figures in the language of @translations rather than the
 * interface's, for a summary written in another language: the names of
 * forms, types and countries, and the titles of the timeline.
 */
void
measures_overview_relabel (MeasuresOverview     *self,
                           MeasuresIndex        *index,
                           MeasuresTranslations *translations)
{
  const char *langs[] = { measures_translations_get_lang (translations), "en", NULL };

  g_return_if_fail (self != NULL);
  g_return_if_fail (MEASURES_IS_INDEX (index));
  g_return_if_fail (translations != NULL);

  relabel_counts (self, self->by_form, index, translations);
  relabel_counts (self, self->by_type, index, translations);

  for (guint i = 0; i < self->categories->len; i++)
    {
      guint value = g_array_index (self->category_values, guint, i);

      if (value == G_MAXUINT)
        g_ptr_array_index (self->categories, i) =
          (gpointer) measures_translations_get (translations, "chart", "Other");
      else
        g_ptr_array_index (self->categories, i) =
          (gpointer) keep (self, measures_vocabulary_label_in (translations, MEASURES_FACET_TYPE,
                                                               measures_index_get_value (index, MEASURES_FACET_TYPE,
                                                                                         value)));
    }

  {
    guint n_countries = measures_index_get_n_values (index, MEASURES_FACET_COUNTRY);
    g_autofree const char **labels = g_new0 (const char *, MAX (n_countries, 1));

    for (guint i = 0; i < self->spans->len; i++)
      {
        guint v = g_array_index (self->spans, Span, i).country;

        if (labels[v] == NULL)
          labels[v] = keep (self, measures_vocabulary_label_in (translations, MEASURES_FACET_COUNTRY,
                                                                measures_index_get_value (index, MEASURES_FACET_COUNTRY, v)));
      }
    arrange_timeline (self, index, labels, langs);
  }
}
