/* measures-coverage.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-coverage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-atlas.h"
#include "measures-countries.h"
#include "measures-coverage.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

/* The coverage matrix of the matching measures: countries against the
 * categories of measure or the forms of violence, computed from the
 * index's bitsets, so that a cell is the count the sidebar would show
 * for that country with that category chosen. Each cell also knows how
 * many measures the country has of its column at all: a cell with none
 * says "none", which no filter can change, and reads differently from a
 * zero that the filters make.
 *
 * Countries are matched to the world map by their ISO 3166-1 code,
 * through the vocabulary's table of countries (measures-countries). */

/* Words */

static const char *tr  (MeasuresTranslations *translations,
                        const char           *context,
                        const char           *msgid) G_GNUC_FORMAT (3);

static const char *
tr (MeasuresTranslations *translations,
    const char           *context,
    const char           *msgid)
{
  if (translations != NULL)
    return measures_translations_get (translations, context, msgid);
  if (context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, context, msgid);

  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

static const char * const by_names[] = { "category", "form" };

/**
 * measures_coverage_by_get_name:
 *
 * Returns: the name of @by on the command line: "category" or "form"
 */
const char *
measures_coverage_by_get_name (MeasuresCoverageBy by)
{
  g_return_val_if_fail (by < G_N_ELEMENTS (by_names), NULL);

  return by_names[by];
}

/**
 * measures_coverage_by_from_name:
 *
 * Returns: whether @name is "category" or "form"
 */
gboolean
measures_coverage_by_from_name (const char         *name,
                                MeasuresCoverageBy *by)
{
  for (guint i = 0; i < G_N_ELEMENTS (by_names); i++)
    if (g_strcmp0 (name, by_names[i]) == 0)
      {
        *by = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_coverage_get_title:
 * @by: what the columns are
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer none): the heading of the matrix
 */
const char *
measures_coverage_get_title (MeasuresCoverageBy    by,
                             MeasuresTranslations *translations)
{
  if (by == MEASURES_COVERAGE_BY_FORM)
    /* Translators: the heading of a table of countries against forms of violence */
    return tr (translations, NULL, N_("Measures per Country and Form of Violence"));

  /* Translators: the heading of a table of countries against categories of measure */
  return tr (translations, NULL, N_("Measures per Country and Category"));
}

/* Figures */

void
measures_coverage_free (MeasuresCoverage *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->strings, g_ptr_array_unref);
  g_free (self->storage);
  g_free (self);
}

static const char *
label_of (MeasuresCoverage     *self,
          MeasuresIndex        *index,
          MeasuresFacet         facet,
          guint                 value,
          MeasuresTranslations *translations)
{
  char *label;

  if (translations == NULL)
    return measures_index_get_value_label (index, facet, value);

  label = measures_vocabulary_label_in (translations, facet, measures_index_get_value (index, facet, value));
  g_ptr_array_add (self->strings, label);

  return label;
}

typedef struct
{
  char *key;
  guint position;
  guint rank;       /* of its group, for rows */
  guint matches;    /* for rows sorted by count */
  const char *label;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortItem *x = a, *y = b;
  MeasuresCoverageSort sort = GPOINTER_TO_INT (user_data);
  int cmp;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (sort == MEASURES_COVERAGE_SORT_COUNT && x->matches != y->matches)
    return x->matches > y->matches ? -1 : 1;
  cmp = strcmp (x->key, y->key);
  if (cmp != 0)
    return cmp;

  return (x->position > y->position) - (x->position < y->position);
}

static void
sort_items (GArray               *items,
            MeasuresCoverageSort  sort)
{
  g_array_sort_with_data (items, compare_items, GINT_TO_POINTER (sort));
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, SortItem, i).key);
}

static void
add_columns (MeasuresCoverage     *self,
             MeasuresIndex        *index,
             const MeasuresBitset *matches,
             MeasuresTranslations *translations)
{
  MeasuresFacet facet = self->by == MEASURES_COVERAGE_BY_FORM ? MEASURES_FACET_FORM : MEASURES_FACET_TYPE;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));

  for (guint v = 0; v < measures_index_get_n_values (index, facet); v++)
    if (facet == MEASURES_FACET_FORM || measures_index_get_value_parent (index, facet, v) < 0)
      {
        SortItem item = { NULL, v };

        item.key = measures_collate_key (label_of (self, index, facet, v, translations));
        g_array_append_val (items, item);
      }
  sort_items (items, MEASURES_COVERAGE_SORT_NAME);

  for (guint i = 0; i < items->len; i++)
    {
      guint v = g_array_index (items, SortItem, i).position;
      MeasuresCoverageColumn column = { facet, v, NULL, 0 };

      column.label = label_of (self, index, facet, v, translations);
      column.matches = measures_index_count_value (index, facet, v, matches);
      g_array_append_val (self->columns, column);
    }
}

/* The regions by name, and the countries of none last; returns the
 * rank of each region (and of none, after the last region). */
static guint *
add_groups (MeasuresCoverage     *self,
            MeasuresIndex        *index,
            MeasuresTranslations *translations)
{
  guint n_regions = measures_index_get_n_values (index, MEASURES_FACET_REGION);
  guint n_countries = measures_index_get_n_values (index, MEASURES_FACET_COUNTRY);
  g_autofree gboolean *used = g_new0 (gboolean, n_regions + 1);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  guint *rank = g_new0 (guint, n_regions + 1);

  for (guint c = 0; c < n_countries; c++)
    {
      int region = measures_index_get_country_region (index, c);

      used[region >= 0 ? (guint) region : n_regions] = TRUE;
    }

  for (guint r = 0; r <= n_regions; r++)
    if (used[r])
      {
        SortItem item = { NULL, r, r == n_regions ? 1 : 0 };

        if (r < n_regions)
          item.label = label_of (self, index, MEASURES_FACET_REGION, r, translations);
        else
          /* Translators: the group of countries whose measures name no region */
          item.label = tr (translations, "region", NC_("region", "No Region"));
        item.key = measures_collate_key (item.label);
        g_array_append_val (items, item);
      }
  sort_items (items, MEASURES_COVERAGE_SORT_NAME);

  for (guint i = 0; i < items->len; i++)
    {
      const SortItem *item = &g_array_index (items, SortItem, i);
      MeasuresCoverageGroup group = { item->position < n_regions ? (int) item->position : -1, item->label };

      g_array_append_val (self->groups, group);
      rank[item->position] = i;
    }

  return rank;
}

/* Counts every cell: for each column, the measures that have it, each
 * added to its country's row, and to the matching count when it
 * matches. Each word of the bitsets is read once. */
static void
count_cells (MeasuresCoverage     *self,
             MeasuresIndex        *index,
             const MeasuresBitset *matches,
             const guint          *slot_of_country)
{
  const guint *countries = measures_index_get_countries (index);
  guint n_columns = self->columns->len;

  for (guint c = 0; c < n_columns; c++)
    {
      const MeasuresCoverageColumn *column = &g_array_index (self->columns, MeasuresCoverageColumn, c);
      const MeasuresBitset *bits = measures_index_get_value_measures (index, column->facet, column->value);

      for (guint w = 0; w < bits->n_words; w++)
        {
          guint64 word = bits->words[w];
          guint64 matching = matches->words[w];

          while (word != 0)
            {
              guint bit = (guint) __builtin_ctzll (word);
              guint slot = slot_of_country[countries[w * 64 + bit]];
              MeasuresCoverageRow *row = &g_array_index (self->rows, MeasuresCoverageRow, slot);

              row->possible[c]++;
              if ((matching >> bit) & 1)
                row->cells[c]++;
              word &= word - 1;
            }
        }
    }
}

/**
 * measures_coverage_new:
 * @index: the index of all measures
 * @matches: the measures that match
 * @by: what the columns are
 * @sort: the order of the countries in each region
 * @translations: (nullable): the language of the labels; %NULL for the
 *   interface's, as the index has them
 *
 * The coverage borrows strings from @index and must not outlive it.
 *
 * Returns: (transfer full): the matrix of the matching measures
 */
MeasuresCoverage *
measures_coverage_new (MeasuresIndex        *index,
                       const MeasuresBitset *matches,
                       MeasuresCoverageBy    by,
                       MeasuresCoverageSort  sort,
                       MeasuresTranslations *translations)
{
  MeasuresCoverage *self;
  guint n_countries, n_columns, n_measures;
  const guint *countries;
  g_autofree guint *rank = NULL;
  g_autofree guint *slot_of_country = NULL;
  g_autofree guint *matches_of = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) unsorted = NULL;
  MeasuresAtlas *atlas = measures_atlas_get_default ();

  g_return_val_if_fail (MEASURES_IS_INDEX (index), NULL);
  g_return_val_if_fail (matches != NULL, NULL);
  g_return_val_if_fail (matches->n_bits == measures_index_get_n_measures (index), NULL);

  self = g_new0 (MeasuresCoverage, 1);
  self->by = by;
  self->sort = sort;
  self->rows = g_array_new (FALSE, FALSE, sizeof (MeasuresCoverageRow));
  self->columns = g_array_new (FALSE, FALSE, sizeof (MeasuresCoverageColumn));
  self->groups = g_array_new (FALSE, FALSE, sizeof (MeasuresCoverageGroup));
  self->strings = g_ptr_array_new_with_free_func (g_free);

  add_columns (self, index, matches, translations);
  rank = add_groups (self, index, translations);

  n_countries = measures_index_get_n_values (index, MEASURES_FACET_COUNTRY);
  n_columns = self->columns->len;
  n_measures = measures_index_get_n_measures (index);
  countries = measures_index_get_countries (index);

  matches_of = g_new0 (guint, MAX (n_countries, 1));
  for (guint i = 0; i < n_measures; i++)
    if (measures_bitset_get (matches, i))
      matches_of[countries[i]]++;

  /* Every country, counted in the order of the index, then sorted. */
  self->storage = g_new0 (guint, (gsize) MAX (n_countries, 1) * MAX (n_columns, 1) * 2);
  slot_of_country = g_new (guint, MAX (n_countries, 1));
  for (guint v = 0; v < n_countries; v++)
    {
      MeasuresCoverageRow row = { v };
      const MeasuresCountry *country;
      int region = measures_index_get_country_region (index, v);
      guint n_regions = measures_index_get_n_values (index, MEASURES_FACET_REGION);

      row.label = label_of (self, index, MEASURES_FACET_COUNTRY, v, translations);
      country = measures_countries_find (measures_index_get_value (index, MEASURES_FACET_COUNTRY, v));
      row.code = country != NULL ? country->alpha_2 : NULL;
      row.on_map = row.code != NULL && measures_atlas_find (atlas, row.code) >= 0;
      row.group = rank[region >= 0 ? (guint) region : n_regions];
      row.matches = matches_of[v];
      row.total = measures_index_count_value (index, MEASURES_FACET_COUNTRY, v, NULL);
      row.cells = self->storage + (gsize) v * n_columns * 2;
      row.possible = row.cells + n_columns;
      slot_of_country[v] = v;
      g_array_append_val (self->rows, row);
    }
  count_cells (self, index, matches, slot_of_country);

  items = g_array_new (FALSE, FALSE, sizeof (SortItem));
  for (guint v = 0; v < n_countries; v++)
    {
      const MeasuresCoverageRow *row = &g_array_index (self->rows, MeasuresCoverageRow, v);
      SortItem item = { measures_collate_key (row->label), v, row->group, row->matches };

      g_array_append_val (items, item);
      self->max_matches = MAX (self->max_matches, row->matches);
      for (guint c = 0; c < n_columns; c++)
        self->max = MAX (self->max, row->cells[c]);
    }
  sort_items (items, sort);

  unsorted = g_array_copy (self->rows);
  for (guint i = 0; i < items->len; i++)
    {
      const MeasuresCoverageRow *row = &g_array_index (unsorted, MeasuresCoverageRow,
                                                       g_array_index (items, SortItem, i).position);
      MeasuresCoverageGroup *group = &g_array_index (self->groups, MeasuresCoverageGroup, row->group);

      g_array_index (self->rows, MeasuresCoverageRow, i) = *row;
      if (group->n_rows++ == 0)
        group->first = i;
    }

  self->n_matches = measures_bitset_count (matches);

  return self;
}

/**
 * measures_coverage_find_row:
 * @country: a country's value in the index
 *
 * Returns: the row of @country, or -1
 */
int
measures_coverage_find_row (MeasuresCoverage *self,
                            guint             country)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, MeasuresCoverageRow, i).country == country)
      return i;

  return -1;
}

/* Words for people */

/**
 * measures_coverage_format_cell:
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full): what the cell shows: its count, or "–" when
 *   the country has no such measure at all
 */
char *
measures_coverage_format_cell (MeasuresCoverage     *self,
                               guint                 row,
                               guint                 column,
                               MeasuresTranslations *translations)
{
  const MeasuresCoverageRow *r;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);

  r = &g_array_index (self->rows, MeasuresCoverageRow, row);
  if (r->possible[column] == 0)
    /* Translators: a cell of the coverage matrix for a country that has
     * no measure of that kind at all; a dash, not a zero */
    return g_strdup (tr (translations, "coverage", NC_("coverage", "–")));

  return measures_text_format_count (r->cells[column]);
}

/**
 * measures_coverage_describe_cell:
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full): the cell as a screen reader reads it: its
 *   country, its column and its count, or "none"
 */
char *
measures_coverage_describe_cell (MeasuresCoverage     *self,
                                 guint                 row,
                                 guint                 column,
                                 MeasuresTranslations *translations)
{
  const MeasuresCoverageRow *r;
  const MeasuresCoverageColumn *c;
  g_autofree char *count = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);

  r = &g_array_index (self->rows, MeasuresCoverageRow, row);
  c = &g_array_index (self->columns, MeasuresCoverageColumn, column);

  if (r->possible[column] == 0)
    /* Translators: read for a cell of a country with no measure of that kind at all */
    count = g_strdup (tr (translations, "coverage", NC_("coverage", "none")));
  else
    count = measures_text_format_count (r->cells[column]);

  /* Translators: a cell of the coverage matrix, read by a screen reader:
   * the country, the category or form, and the count, "Romania,
   * Trafficking, 3", in that order */
  return g_strdup_printf (tr (translations, "coverage", NC_("coverage", "%s, %s, %s")), r->label, c->label, count);
}

/**
 * measures_coverage_describe_figures:
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full): the figures of a cell, for its tooltip
 */
char *
measures_coverage_describe_figures (MeasuresCoverage     *self,
                                    guint                 row,
                                    guint                 column,
                                    MeasuresTranslations *translations)
{
  const MeasuresCoverageRow *r;
  const MeasuresCoverageColumn *c;
  g_autofree char *figures = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);

  r = &g_array_index (self->rows, MeasuresCoverageRow, row);
  c = &g_array_index (self->columns, MeasuresCoverageColumn, column);

  if (r->possible[column] == 0)
    figures = g_strdup (tr (translations, "coverage", NC_("coverage", "None in the data")));
  else
    {
      g_autofree char *matching = measures_text_format_count (r->cells[column]);
      g_autofree char *all = measures_text_format_count (r->possible[column]);

      /* Translators: the figures of a cell of the coverage matrix or of a
       * country: how many of its measures match the filters, of how many */
      figures = g_strdup_printf (tr (translations, NULL, N_("Matching measures: %s of %s")), matching, all);
    }

  return g_strdup_printf ("%s · %s\n%s", r->label, c->label, figures);
}

/**
 * measures_coverage_describe_row:
 * @translations: (nullable): the language; %NULL for the interface's
 *
 * Returns: (transfer full): a country's figures, for its row heading
 */
char *
measures_coverage_describe_row (MeasuresCoverage     *self,
                                guint                 row,
                                MeasuresTranslations *translations)
{
  const MeasuresCoverageRow *r;
  g_autofree char *matching = NULL;
  g_autofree char *all = NULL;
  g_autofree char *figures = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = &g_array_index (self->rows, MeasuresCoverageRow, row);
  matching = measures_text_format_count (r->matches);
  all = measures_text_format_count (r->total);
  figures = g_strdup_printf (tr (translations, NULL, N_("Matching measures: %s of %s")), matching, all);

  return g_strdup_printf ("%s: %s", r->label, figures);
}

static GStrv
head_of (MeasuresCoverage     *self,
         MeasuresTranslations *translations)
{
  g_autoptr(GStrvBuilder) head = g_strv_builder_new ();

  g_strv_builder_add (head, tr (translations, "column", NC_("column", "Country")));
  g_strv_builder_add (head, tr (translations, NULL, N_("Region")));
  for (guint c = 0; c < self->columns->len; c++)
    g_strv_builder_add (head, g_array_index (self->columns, MeasuresCoverageColumn, c).label);
  /* The matching measures of each country, of any category or form. */
  g_strv_builder_add (head, tr (translations, NULL, N_("Measures")));

  return g_strv_builder_end (head);
}

/**
 * measures_coverage_get_table:
 * @translations: (nullable): the language of the headings; %NULL for
 *   the interface's
 *
 * The matrix as a table of text, for a summary in HTML, Markdown or PDF:
 * a heading row, then a row per country in order, with its region, a
 * cell per column ("–" for none) and its number of matching measures.
 *
 * Returns: (transfer full) (element-type GStrv): the rows
 */
GPtrArray *
measures_coverage_get_table (MeasuresCoverage     *self,
                             MeasuresTranslations *translations)
{
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_return_val_if_fail (self != NULL, table);

  g_ptr_array_add (table, head_of (self, translations));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const MeasuresCoverageRow *row = &g_array_index (self->rows, MeasuresCoverageRow, i);
      g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
      g_autofree char *matches = measures_text_format_count (row->matches);

      g_strv_builder_add (cells, row->label);
      g_strv_builder_add (cells, g_array_index (self->groups, MeasuresCoverageGroup, row->group).label);

      for (guint c = 0; c < self->columns->len; c++)
        {
          g_autofree char *cell = measures_coverage_format_cell (self, i, c, translations);

          g_strv_builder_add (cells, cell);
        }
      g_strv_builder_add (cells, matches);
      g_ptr_array_add (table, g_strv_builder_end (cells));
    }

  return table;
}

/**
 * measures_coverage_get_not_on_map:
 *
 * Returns: (transfer container) (element-type utf8): the names of the
 *   countries the world map does not show, in the order of the rows
 */
GPtrArray *
measures_coverage_get_not_on_map (MeasuresCoverage *self)
{
  GPtrArray *names = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, names);

  for (guint i = 0; i < self->rows->len; i++)
    if (!g_array_index (self->rows, MeasuresCoverageRow, i).on_map)
      g_ptr_array_add (names, (gpointer) g_array_index (self->rows, MeasuresCoverageRow, i).label);

  return names;
}

/**
 * measures_coverage_to_csv:
 * @index: the index the matrix was computed from
 *
 * The matrix for a spreadsheet, as the summary's CSV is written: names
 * and values as the data writes them, so that it reads back the same
 * in any language. Columns: country, its ISO code, its region, one per
 * category or form, and its number of matching measures. A cell of
 * "none" is empty; a zero is 0.
 *
 * Returns: (transfer full): UTF-8 CSV
 */
GBytes *
measures_coverage_to_csv (MeasuresCoverage *self,
                          MeasuresIndex    *index)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (MEASURES_IS_INDEX (index), NULL);

  measures_csv_append_cell (out, "country", TRUE);
  measures_csv_append_cell (out, "code", FALSE);
  measures_csv_append_cell (out, "region", FALSE);
  for (guint c = 0; c < self->columns->len; c++)
    {
      const MeasuresCoverageColumn *column = &g_array_index (self->columns, MeasuresCoverageColumn, c);

      measures_csv_append_cell (out, measures_index_get_value (index, column->facet, column->value), FALSE);
    }
  measures_csv_append_cell (out, "matches", FALSE);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < self->rows->len; i++)
    {
      const MeasuresCoverageRow *row = &g_array_index (self->rows, MeasuresCoverageRow, i);
      int region = g_array_index (self->groups, MeasuresCoverageGroup, row->group).region;

      measures_csv_append_cell (out, measures_index_get_value (index, MEASURES_FACET_COUNTRY, row->country), TRUE);
      measures_csv_append_cell (out, row->code, FALSE);
      measures_csv_append_cell (out, region >= 0 ? measures_index_get_value (index, MEASURES_FACET_REGION, region)
                                                 : NULL, FALSE);
      for (guint c = 0; c < self->columns->len; c++)
        {
          if (row->possible[c] > 0)
            g_string_append_printf (out, ",%u", row->cells[c]);
          else
            g_string_append_c (out, ',');
        }
      g_string_append_printf (out, ",%u\r\n", row->matches);
    }

  return g_string_free_to_bytes (out);
}
