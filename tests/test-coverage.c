/* test-coverage.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "measures-atlas.h"
#include "measures-coverage.h"
#include "measures-countries.h"
#include "measures-loader.h"
#include "measures-text.h"
#include "synthetic-dataset.h"

static MeasuresIndex *
load_index (GBytes     *bytes,
            const char *name)
{
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, name);

  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);

  return measures_index_new (measures_dataset_get_measures (dataset));
}

static MeasuresIndex *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (contents, length);

  return load_index (bytes, name);
}

/* What the index itself answers for one cell: the measures that match
 * @query and, by a second evaluation, are of @country and have @value. */
static guint
index_count (MeasuresIndex *index,
             MeasuresQuery *query,
             guint          country,
             MeasuresFacet  facet,
             guint          value)
{
  g_autoptr(MeasuresQuery) cell = measures_query_new ();
  const char *places[] = { measures_index_get_value (index, MEASURES_FACET_COUNTRY, country), NULL };
  const char *values[] = { measures_index_get_value (index, facet, value), NULL };
  g_autoptr(MeasuresResult) matching = measures_index_evaluate (index, query);
  g_autoptr(MeasuresResult) of_cell = NULL;

  measures_query_set_places (cell, places, NULL);
  measures_query_set_values (cell, facet, values);
  of_cell = measures_index_evaluate (index, cell);

  return measures_bitset_count_and (matching->matches, of_cell->matches);
}

/* Every cell of @coverage against the index's own counts: with the
 * query as the matrix was made, and with nothing chosen for "none". */
static void
check_every_cell (MeasuresIndex    *index,
                  MeasuresQuery    *query,
                  MeasuresCoverage *coverage)
{
  g_autoptr(MeasuresQuery) everything = measures_query_new ();
  guint n_regions = 0;

  g_assert_cmpuint (coverage->rows->len, ==, measures_index_get_n_values (index, MEASURES_FACET_COUNTRY));

  for (guint r = 0; r < coverage->rows->len; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);

      for (guint c = 0; c < coverage->columns->len; c++)
        {
          const MeasuresCoverageColumn *column = &g_array_index (coverage->columns, MeasuresCoverageColumn, c);

          g_assert_cmpuint (row->cells[c], ==, index_count (index, query, row->country, column->facet, column->value));
          g_assert_cmpuint (row->possible[c], ==,
                            index_count (index, everything, row->country, column->facet, column->value));
          g_assert_cmpuint (row->cells[c], <=, row->possible[c]);
          g_assert_cmpuint (row->cells[c], <=, coverage->max);
        }
    }

  /* Rows are grouped by region, each group in one run. */
  for (guint g = 0; g < coverage->groups->len; g++)
    {
      const MeasuresCoverageGroup *group = &g_array_index (coverage->groups, MeasuresCoverageGroup, g);

      for (guint r = group->first; r < group->first + group->n_rows; r++)
        g_assert_cmpuint (g_array_index (coverage->rows, MeasuresCoverageRow, r).group, ==, g);
      n_regions += group->n_rows;
    }
  g_assert_cmpuint (n_regions, ==, coverage->rows->len);
}

static void
test_eleven (void)
{
  g_autoptr(MeasuresIndex) index = load_fixture ("eleven.json");
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = measures_index_evaluate (index, query);

  for (MeasuresCoverageBy by = MEASURES_COVERAGE_BY_CATEGORY; by <= MEASURES_COVERAGE_BY_FORM; by++)
    {
      g_autoptr(MeasuresCoverage) coverage = measures_coverage_new (index, result->matches, by,
                                                                    MEASURES_COVERAGE_SORT_NAME, NULL);
      GPtrArray *missing;
      guint n_values = 0;

      check_every_cell (index, query, coverage);
      g_assert_cmpuint (coverage->n_matches, ==, 11);

      /* A column for each category, or each form. */
      for (guint v = 0; v < measures_index_get_n_values (index, by == MEASURES_COVERAGE_BY_FORM ? MEASURES_FACET_FORM
                                                                                                  : MEASURES_FACET_TYPE); v++)
        if (by == MEASURES_COVERAGE_BY_FORM || measures_index_get_value_parent (index, MEASURES_FACET_TYPE, v) < 0)
          n_values++;
      g_assert_cmpuint (coverage->columns->len, ==, n_values);

      /* Two countries of Europe, by name; both are on the map. */
      g_assert_cmpuint (coverage->groups->len, ==, 1);
      g_assert_cmpstr (g_array_index (coverage->groups, MeasuresCoverageGroup, 0).label, ==, "Europe");
      g_assert_cmpstr (g_array_index (coverage->rows, MeasuresCoverageRow, 0).label, ==, "Republic of Moldova");
      g_assert_cmpstr (g_array_index (coverage->rows, MeasuresCoverageRow, 0).code, ==, "MD");
      g_assert_cmpstr (g_array_index (coverage->rows, MeasuresCoverageRow, 1).label, ==, "Romania");
      g_assert_cmpstr (g_array_index (coverage->rows, MeasuresCoverageRow, 1).code, ==, "RO");
      g_assert_cmpuint (g_array_index (coverage->rows, MeasuresCoverageRow, 1).matches, ==, 7);
      g_assert_cmpuint (g_array_index (coverage->rows, MeasuresCoverageRow, 0).matches, ==, 4);
      for (guint r = 0; r < coverage->rows->len; r++)
        g_assert_true (g_array_index (coverage->rows, MeasuresCoverageRow, r).on_map);
      missing = measures_coverage_get_not_on_map (coverage);
      g_assert_cmpuint (missing->len, ==, 0);
      g_clear_pointer (&missing, g_ptr_array_unref);
    }

  /* By count: Romania, with more measures, first. */
  {
    g_autoptr(MeasuresCoverage) coverage = measures_coverage_new (index, result->matches, MEASURES_COVERAGE_BY_FORM,
                                                                  MEASURES_COVERAGE_SORT_COUNT, NULL);

    g_assert_cmpstr (g_array_index (coverage->rows, MeasuresCoverageRow, 0).label, ==, "Romania");
  }
}

/* "None" (no such measure at all) and zero (none that matches) read
 * differently, in the cell, to a screen reader and in a tooltip. */
static void
test_none_and_zero (void)
{
  g_autoptr(MeasuresIndex) index = load_fixture ("eleven.json");
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *romania[] = { "Romania", NULL };
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(MeasuresCoverage) coverage = NULL;
  gboolean found_none = FALSE, found_zero = FALSE;
  int moldova;

  measures_query_set_places (query, romania, NULL);
  result = measures_index_evaluate (index, query);
  coverage = measures_coverage_new (index, result->matches, MEASURES_COVERAGE_BY_CATEGORY,
                                    MEASURES_COVERAGE_SORT_NAME, NULL);
  check_every_cell (index, query, coverage);

  moldova = measures_coverage_find_row (coverage, measures_index_find_value (index, MEASURES_FACET_COUNTRY,
                                                                             "Republic of Moldova"));
  g_assert_cmpint (moldova, >=, 0);
  g_assert_cmpuint (g_array_index (coverage->rows, MeasuresCoverageRow, moldova).matches, ==, 0);

  for (guint r = 0; r < coverage->rows->len; r++)
    for (guint c = 0; c < coverage->columns->len; c++)
      {
        const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
        g_autofree char *text = measures_coverage_format_cell (coverage, r, c, NULL);
        g_autofree char *spoken = measures_coverage_describe_cell (coverage, r, c, NULL);
        g_autofree char *figures = measures_coverage_describe_figures (coverage, r, c, NULL);

        g_assert_true (g_str_has_prefix (spoken, row->label));
        if (row->possible[c] == 0)
          {
            found_none = TRUE;
            g_assert_cmpstr (text, ==, "–");
            g_assert_true (g_str_has_suffix (spoken, ", none"));
            g_assert_nonnull (strstr (figures, "None in the data"));
          }
        else if (row->cells[c] == 0)
          {
            found_zero = TRUE;
            g_assert_cmpstr (text, ==, "0");
            g_assert_true (g_str_has_suffix (spoken, ", 0"));
            g_assert_nonnull (strstr (figures, "Matching measures: 0 of "));
          }
      }

  /* Moldova has measures, none of them matching: zeros; and categories
   * it has no measure of at all. */
  g_assert_true (found_none);
  g_assert_true (found_zero);
}

/* A dataset as wide as the issue asks: 100,000 measures, 200 countries
 * and 30 categories; every cell against the index's counts for the
 * country chosen, and a sample of cells against whole evaluations. */
static void
test_synthetic (void)
{
  g_autoptr(GBytes) bytes = synthetic_dataset (100000, 200, 30, 20261202);
  g_autoptr(MeasuresIndex) index = load_index (bytes, "synthetic.json");
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 start;

  measures_query_set_search (query, "law");
  measures_query_set_years (query, 2005, 2015);
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, >, 0);

  for (MeasuresCoverageBy by = MEASURES_COVERAGE_BY_CATEGORY; by <= MEASURES_COVERAGE_BY_FORM; by++)
    {
      g_autoptr(MeasuresCoverage) coverage = NULL;
      guint n_none = 0;

      start = g_get_monotonic_time ();
      coverage = measures_coverage_new (index, result->matches, by, MEASURES_COVERAGE_SORT_COUNT, NULL);
      g_test_message ("coverage by %s of 100,000 measures: %.1f ms", measures_coverage_by_get_name (by),
                      (g_get_monotonic_time () - start) / 1000.0);

      g_assert_cmpuint (coverage->rows->len, ==, 200);
      g_assert_cmpuint (coverage->columns->len, ==, by == MEASURES_COVERAGE_BY_CATEGORY ? 30 : 10);
      /* The five regions; countries whose records name none take the
       * vocabulary's, and any left without one come last. */
      g_assert_cmpuint (coverage->groups->len, >=, 5);
      for (guint g = 0; g + 1 < coverage->groups->len; g++)
        g_assert_cmpint (g_array_index (coverage->groups, MeasuresCoverageGroup, g).region, >=, 0);

      for (guint r = 0; r < coverage->rows->len; r++)
        {
          const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
          g_autoptr(MeasuresQuery) of_country = measures_query_new ();
          g_autoptr(MeasuresQuery) all_of_country = measures_query_new ();
          const char *places[] = { measures_index_get_value (index, MEASURES_FACET_COUNTRY, row->country), NULL };
          g_autoptr(MeasuresResult) matching = NULL;
          g_autoptr(MeasuresResult) all = NULL;

          measures_query_assign (of_country, query);
          measures_query_set_places (of_country, places, NULL);
          measures_query_set_places (all_of_country, places, NULL);
          matching = measures_index_evaluate (index, of_country);
          all = measures_index_evaluate (index, all_of_country);
          g_assert_cmpuint (row->matches, ==, matching->n_matches);
          g_assert_cmpuint (row->total, ==, all->n_matches);

          for (guint c = 0; c < coverage->columns->len; c++)
            {
              const MeasuresCoverageColumn *column = &g_array_index (coverage->columns, MeasuresCoverageColumn, c);

              /* The sidebar's count of the value with the country chosen. */
              g_assert_cmpuint (row->cells[c], ==, matching->counts[column->facet][column->value]);
              g_assert_cmpuint (row->possible[c], ==, all->counts[column->facet][column->value]);
              n_none += row->possible[c] == 0;
            }

          /* Sorted by count within the region. */
          if (r > 0 && g_array_index (coverage->rows, MeasuresCoverageRow, r - 1).group == row->group)
            g_assert_cmpuint (g_array_index (coverage->rows, MeasuresCoverageRow, r - 1).matches, >=, row->matches);
        }

      for (guint i = 0; i < 40; i++)
        {
          guint r = g_rand_int_range (rand, 0, coverage->rows->len);
          guint c = g_rand_int_range (rand, 0, coverage->columns->len);
          const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
          const MeasuresCoverageColumn *column = &g_array_index (coverage->columns, MeasuresCoverageColumn, c);

          g_assert_cmpuint (row->cells[c], ==, index_count (index, query, row->country, column->facet, column->value));
        }

      /* Antarctica is not on the map, and said so. */
      {
        g_autoptr(GPtrArray) missing = measures_coverage_get_not_on_map (coverage);

        g_assert_true (g_ptr_array_find_with_equal_func (missing, "Antarctica", g_str_equal, NULL));
      }
      if (by == MEASURES_COVERAGE_BY_CATEGORY)
        g_assert_cmpuint (n_none, >, 0);
    }
}

/* A small CSV reader: RFC 4180 fields, as the export quotes them. */
static GPtrArray *
read_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = NULL;
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);

      g_string_truncate (field, 0);
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
        }
      else
        while (*p != '\0' && *p != ',' && *p != '\r')
          g_string_append_c (field, *p++);

      g_ptr_array_add (row, g_strdup (field->str));
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (g_str_has_prefix (p, "\r\n"));
          p += 2;
          g_ptr_array_add (rows, g_steal_pointer (&row));
        }
    }
  g_string_free (field, TRUE);
  g_assert_null (row);

  return rows;
}

static void
test_csv (void)
{
  g_autoptr(GBytes) bytes = synthetic_dataset (3000, 60, 12, 99);
  g_autoptr(MeasuresIndex) index = load_index (bytes, "synthetic.json");
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(MeasuresCoverage) coverage = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *head;

  measures_query_set_search (query, "plan");
  result = measures_index_evaluate (index, query);
  coverage = measures_coverage_new (index, result->matches, MEASURES_COVERAGE_BY_CATEGORY,
                                    MEASURES_COVERAGE_SORT_NAME, NULL);
  csv = measures_coverage_to_csv (coverage, index);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  rows = read_csv (text);
  g_assert_cmpuint (rows->len, ==, coverage->rows->len + 1);
  head = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (head->len, ==, coverage->columns->len + 4);
  g_assert_cmpstr (g_ptr_array_index (head, 0), ==, "country");
  g_assert_cmpstr (g_ptr_array_index (head, 1), ==, "code");
  g_assert_cmpstr (g_ptr_array_index (head, 2), ==, "region");
  g_assert_cmpstr (g_ptr_array_index (head, head->len - 1), ==, "matches");

  for (guint r = 0; r < coverage->rows->len; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
      GPtrArray *cells = g_ptr_array_index (rows, r + 1);
      int region = g_array_index (coverage->groups, MeasuresCoverageGroup, row->group).region;

      g_assert_cmpuint (cells->len, ==, head->len);
      g_assert_cmpstr (g_ptr_array_index (cells, 0), ==,
                       measures_index_get_value (index, MEASURES_FACET_COUNTRY, row->country));
      g_assert_cmpstr (g_ptr_array_index (cells, 1), ==, row->code != NULL ? row->code : "");
      g_assert_cmpstr (g_ptr_array_index (cells, 2), ==,
                       region >= 0 ? measures_index_get_value (index, MEASURES_FACET_REGION, region) : "");
      for (guint c = 0; c < coverage->columns->len; c++)
        {
          const char *cell = g_ptr_array_index (cells, c + 3);

          if (row->possible[c] == 0)
            g_assert_cmpstr (cell, ==, "");
          else
            g_assert_cmpuint (g_ascii_strtoull (cell, NULL, 10), ==, row->cells[c]);
        }
      g_assert_cmpuint (g_ascii_strtoull (g_ptr_array_index (cells, head->len - 1), NULL, 10), ==, row->matches);
    }
}

static void
test_table (void)
{
  g_autoptr(MeasuresIndex) index = load_fixture ("eleven.json");
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = measures_index_evaluate (index, query);
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  g_autoptr(MeasuresCoverage) coverage = measures_coverage_new (index, result->matches, MEASURES_COVERAGE_BY_CATEGORY,
                                                                MEASURES_COVERAGE_SORT_NAME, ro);
  g_autoptr(GPtrArray) table = measures_coverage_get_table (coverage, ro);
  GStrv head = g_ptr_array_index (table, 0);
  GStrv romania = g_ptr_array_index (table, 2);

  g_assert_cmpuint (table->len, ==, 3);
  g_assert_cmpuint (g_strv_length (head), ==, coverage->columns->len + 3);
  g_assert_cmpstr (head[0], ==, "Țară");
  g_assert_cmpstr (head[1], ==, "Regiune");
  g_assert_cmpstr (romania[0], ==, "România");
  g_assert_cmpstr (romania[1], ==, "Europa");
  g_assert_cmpstr (romania[coverage->columns->len + 2], ==, "7");
  g_assert_cmpstr (measures_coverage_get_title (MEASURES_COVERAGE_BY_FORM, ro), ==,
                   "Măsuri pe țări și forme de violență");
}

/* Countries are matched to the map by the vocabulary's table of
 * countries, whatever name a dataset gives them. */
static void
test_country_codes (void)
{
  static const char *records =
    "["
    "{\"id\": \"a\", \"country\": \"Moldova, Republic of\", \"types\": \"Policies\", \"title\": \"A\"},"
    "{\"id\": \"b\", \"country\": \"Bolivia (Plurinational State of)\", \"types\": \"Policies\", \"title\": \"B\"},"
    "{\"id\": \"c\", \"country\": \"TÜRKIYE\", \"types\": \"Policies\", \"title\": \"C\"},"
    "{\"id\": \"d\", \"country\": \"Atlantis\", \"types\": \"Policies\", \"title\": \"D\"},"
    "{\"id\": \"e\", \"country\": \"Kosovo\", \"types\": \"Policies\", \"title\": \"E\"}"
    "]";
  g_autoptr(GBytes) bytes = g_bytes_new_static (records, strlen (records));
  g_autoptr(MeasuresIndex) index = load_index (bytes, "codes.json");
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = measures_index_evaluate (index, query);
  g_autoptr(MeasuresCoverage) coverage = measures_coverage_new (index, result->matches, MEASURES_COVERAGE_BY_CATEGORY,
                                                                MEASURES_COVERAGE_SORT_NAME, NULL);
  static const struct {
    const char *value;
    const char *code;
  } expected[] = {
    { "Moldova, Republic of", "MD" },
    { "Bolivia (Plurinational State of)", "BO" },
    { "TÜRKIYE", "TR" },
    { "Atlantis", NULL },
    /* Not in ISO 3166-1, but in the table with its user-assigned code,
     * which the map's shape has too. */
    { "Kosovo", "XK" },
  };
  g_autoptr(GPtrArray) missing = measures_coverage_get_not_on_map (coverage);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      int value = measures_index_find_value (index, MEASURES_FACET_COUNTRY, expected[i].value);
      int row = measures_coverage_find_row (coverage, value);

      g_assert_cmpint (row, >=, 0);
      g_assert_cmpstr (g_array_index (coverage->rows, MeasuresCoverageRow, row).code, ==, expected[i].code);
      g_assert_true (g_array_index (coverage->rows, MeasuresCoverageRow, row).on_map == (expected[i].code != NULL));
    }
  /* Kosovo's measures name no region; the table's is Europe. */
  {
    int row = measures_coverage_find_row (coverage, measures_index_find_value (index, MEASURES_FACET_COUNTRY, "Kosovo"));
    const MeasuresCoverageRow *kosovo = &g_array_index (coverage->rows, MeasuresCoverageRow, row);

    g_assert_cmpstr (g_array_index (coverage->groups, MeasuresCoverageGroup, kosovo->group).label, ==, "Europe");
  }

  /* A country no table knows is listed as not on the map, and its
   * measures name no region: it is in the group of those, last. */
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "Atlantis");
  g_assert_cmpint (g_array_index (coverage->groups, MeasuresCoverageGroup, coverage->groups->len - 1).region, ==, -1);
  g_assert_cmpstr (g_array_index (coverage->groups, MeasuresCoverageGroup, coverage->groups->len - 1).label, ==,
                   "No Region");

  /* Every country the benchmarks and tests make up has its code. */
  for (guint i = 0; i < G_N_ELEMENTS (synthetic_countries); i++)
    g_assert_nonnull (measures_countries_find (synthetic_countries[i]));
}

static void
test_atlas (void)
{
  MeasuresAtlas *atlas = measures_atlas_get_default ();
  MeasuresAtlasView world, europe;
  const MeasuresAtlasCountry *romania, *malta, *vatican;
  int ro, mt, va, md;

  g_assert_true (atlas == measures_atlas_get_default ());
  g_assert_cmpuint (measures_atlas_get_n_countries (atlas), >, 220);
  g_assert_true (measures_atlas_get_view (atlas, "world", &world));
  g_assert_true (measures_atlas_get_view (atlas, "europe", &europe));
  g_assert_false (measures_atlas_get_view (atlas, "atlantis", &world));
  g_assert_true (measures_atlas_get_view (atlas, "world", &world));
  g_assert_cmpfloat (europe.width, <, world.width / 3);

  ro = measures_atlas_find (atlas, "RO");
  md = measures_atlas_find (atlas, "MD");
  mt = measures_atlas_find (atlas, "MT");
  va = measures_atlas_find (atlas, "VA");
  g_assert_cmpint (ro, >=, 0);
  g_assert_cmpint (md, >=, 0);
  g_assert_cmpint (mt, >=, 0);
  g_assert_cmpint (va, >=, 0);
  g_assert_cmpint (measures_atlas_find (atlas, "AQ"), ==, -1);
  g_assert_cmpint (measures_atlas_find (atlas, "R"), ==, -1);
  g_assert_cmpint (measures_atlas_find (atlas, NULL), ==, -1);

  romania = measures_atlas_get_country (atlas, ro);
  g_assert_cmpstr (romania->code, ==, "RO");
  g_assert_cmpstr (romania->name, ==, "Romania");
  g_assert_cmpuint (romania->n_rings, >=, 1);
  g_assert_true (measures_atlas_contains (atlas, ro, romania->x, romania->y));
  g_assert_false (measures_atlas_contains (atlas, md, romania->x, romania->y));
  g_assert_cmpfloat (romania->x, >, europe.x);
  g_assert_cmpfloat (romania->x, <, europe.x + europe.width);
  g_assert_cmpfloat (romania->y, >, europe.y);
  g_assert_cmpfloat (romania->y, <, europe.y + europe.height);

  /* Small states keep a shape, or at least a place for their dot. */
  malta = measures_atlas_get_country (atlas, mt);
  vatican = measures_atlas_get_country (atlas, va);
  g_assert_cmpuint (malta->n_rings, >=, 1);
  g_assert_cmpfloat (malta->area, <, romania->area / 100);
  g_assert_cmpfloat (vatican->x, >, 0);

  /* Every point is on the map, in order of codes. */
  for (guint i = 0; i < measures_atlas_get_n_countries (atlas); i++)
    {
      const MeasuresAtlasCountry *country = measures_atlas_get_country (atlas, i);

      if (i > 0)
        g_assert_cmpint (strcmp (measures_atlas_get_country (atlas, i - 1)->code, country->code), <, 0);
      for (guint r = country->first_ring; r < country->first_ring + country->n_rings; r++)
        {
          guint n;
          const gint16 *points = measures_atlas_get_ring (atlas, r, &n);

          g_assert_cmpuint (n, >=, 3);
          for (guint k = 0; k < n; k++)
            {
              g_assert_cmpint (points[2 * k], >=, 0);
              g_assert_cmpint (points[2 * k], <=, world.width);
              g_assert_cmpint (points[2 * k + 1], >=, 0);
              g_assert_cmpint (points[2 * k + 1], <=, world.height);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/coverage/eleven", test_eleven);
  g_test_add_func ("/coverage/none-and-zero", test_none_and_zero);
  g_test_add_func ("/coverage/synthetic", test_synthetic);
  g_test_add_func ("/coverage/csv", test_csv);
  g_test_add_func ("/coverage/table", test_table);
  g_test_add_func ("/coverage/country-codes", test_country_codes);
  g_test_add_func ("/coverage/atlas", test_atlas);

  return g_test_run ();
}
