/* test-overview.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "measures-loader.h"
#include "measures-overview.h"

static const char *records =
  "["
  "{\"id\": \"a\", \"country\": \"Romania\", \"year\": \"2019 - 2022\", \"forms\": \"Trafficking\","
  " \"types\": [\"Policies > National strategy specific to violence against women\"], \"title\": \"A strategy\"},"
  "{\"id\": \"b\", \"country\": \"Romania\", \"year\": 2018, \"forms\": \"Trafficking\","
  " \"types\": [\"Violence against women > Legislation\", \"Policies\"], \"title\": \"B law\"},"
  "{\"id\": \"c\", \"country\": \"Kenya\", \"year\": {\"from\": 2021}, \"forms\": \"Stalking\","
  " \"types\": \"Prevention > Awareness-raising /Campaigns\", \"title\": \"C campaign\"},"
  "{\"id\": \"d\", \"country\": \"Kenya\", \"types\": \"Policies\", \"title\": \"D undated\"},"
  "{\"id\": \"e\", \"country\": \"Peru\", \"year\": 2020, \"title\": \"E without a type\"}"
  "]";

static MeasuresIndex *
make_index (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (records, strlen (records));
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "overview.json");

  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 5);

  return measures_index_new (measures_dataset_get_measures (dataset));
}

static guint
bin (MeasuresOverview *overview,
     int               year,
     const char       *category)
{
  const MeasuresYearBin *b = &g_array_index (overview->years, MeasuresYearBin, year - overview->first_year);

  g_assert_cmpint (b->year, ==, year);

  if (category == NULL)
    return b->total;

  for (guint i = 0; i < overview->categories->len; i++)
    if (g_str_equal (g_ptr_array_index (overview->categories, i), category))
      return b->by_category[i];

  g_assert_not_reached ();
}

static void
test_years (void)
{
  g_autoptr(MeasuresIndex) index = make_index ();
  g_autoptr(MeasuresBitset) all = measures_bitset_new (5);
  g_autoptr(MeasuresOverview) overview = NULL;

  measures_bitset_fill (all);
  overview = measures_overview_new (index, all, 2024);

  /* Open-ended measures run to the current year; undated ones have no bar. */
  g_assert_cmpint (overview->first_year, ==, 2018);
  g_assert_cmpint (overview->last_year, ==, 2024);
  g_assert_cmpuint (overview->years->len, ==, 7);
  g_assert_cmpuint (overview->n_undated, ==, 1);

  /* Categories by frequency among the matches, then "Other" for the
   * measure without a type. */
  g_assert_cmpuint (overview->categories->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (overview->categories, 0), ==, "Policies");
  g_assert_cmpstr (g_ptr_array_index (overview->categories, 3), ==, "Other");

  g_assert_cmpuint (bin (overview, 2018, NULL), ==, 1);
  /* A measure is counted by its first type's category only. */
  g_assert_cmpuint (bin (overview, 2018, "Violence against women"), ==, 1);
  g_assert_cmpuint (bin (overview, 2018, "Policies"), ==, 0);
  g_assert_cmpuint (bin (overview, 2020, NULL), ==, 2);
  g_assert_cmpuint (bin (overview, 2020, "Other"), ==, 1);
  g_assert_cmpuint (bin (overview, 2021, NULL), ==, 2);
  g_assert_cmpuint (bin (overview, 2022, "Policies"), ==, 1);
  g_assert_cmpuint (bin (overview, 2023, NULL), ==, 1);
  g_assert_cmpuint (bin (overview, 2024, "Prevention"), ==, 1);
}

static void
test_counts_and_timeline (void)
{
  g_autoptr(MeasuresIndex) index = make_index ();
  g_autoptr(MeasuresBitset) some = measures_bitset_new (5);
  g_autoptr(MeasuresOverview) overview = NULL;
  const MeasuresOverviewCount *count;
  const MeasuresTimelineRow *row;

  /* Only a, c and d match. */
  measures_bitset_set (some, 0);
  measures_bitset_set (some, 2);
  measures_bitset_set (some, 3);
  overview = measures_overview_new (index, some, 2024);

  g_assert_cmpuint (overview->by_form->len, ==, 2);
  count = &g_array_index (overview->by_form, MeasuresOverviewCount, 0);
  g_assert_cmpstr (count->label, ==, "Stalking");
  g_assert_cmpuint (count->count, ==, 1);

  /* Types: categories and subcategories, largest first. */
  count = &g_array_index (overview->by_type, MeasuresOverviewCount, 0);
  g_assert_cmpstr (count->label, ==, "Policies");
  g_assert_cmpuint (count->count, ==, 2);

  /* Measures over a period, by country, then by start. */
  g_assert_cmpuint (overview->timeline->len, ==, 2);
  row = &g_array_index (overview->timeline, MeasuresTimelineRow, 0);
  g_assert_cmpstr (row->country, ==, "Kenya");
  g_assert_cmpstr (row->title, ==, "C campaign");
  g_assert_cmpint (row->from, ==, 2021);
  g_assert_cmpint (row->to, ==, MEASURES_YEAR_NONE);
  row = &g_array_index (overview->timeline, MeasuresTimelineRow, 1);
  g_assert_cmpstr (row->country, ==, "Romania");
  g_assert_cmpint (row->to, ==, 2022);
}

static void
test_nothing_dated (void)
{
  g_autoptr(MeasuresIndex) index = make_index ();
  g_autoptr(MeasuresBitset) undated = measures_bitset_new (5);
  g_autoptr(MeasuresOverview) overview = NULL;

  measures_bitset_set (undated, 3);
  overview = measures_overview_new (index, undated, 2024);

  g_assert_cmpint (overview->first_year, ==, MEASURES_YEAR_NONE);
  g_assert_cmpuint (overview->years->len, ==, 0);
  g_assert_cmpuint (overview->n_undated, ==, 1);
  g_assert_cmpuint (overview->timeline->len, ==, 0);
}

/* The Romanian trafficking strategies and action plans, in order. */
static void
test_bundled_timeline (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresCatalog) catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *romania[] = { "Romania", NULL };
  const char *trafficking[] = { "Trafficking", NULL };
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(MeasuresOverview) overview = NULL;
  const char *expected[] = {
    "National Action Plan 2018-2020 for Implementing the National Strategy Against Trafficking in Persons 2018-2022",
    "National Strategy Against Trafficking in Persons 2018-2022",
    "National Action Plan 2021-2022 for Implementing the National Strategy Against Trafficking in Persons 2018-2022",
    "National Strategy Against Trafficking in Persons 2024-2028",
  };

  measures_query_set_places (query, romania, NULL);
  measures_query_set_forms (query, trafficking);
  result = measures_index_evaluate (catalog->index, query);
  overview = measures_overview_new (catalog->index, result->matches, 2026);

  g_assert_cmpuint (overview->timeline->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_array_index (overview->timeline, MeasuresTimelineRow, i).title, ==, expected[i]);

  /* 2021: the 2018–2022 strategy, the 2021–2022 plan and the campaign. */
  g_assert_cmpuint (g_array_index (overview->years, MeasuresYearBin, 2021 - overview->first_year).total, ==, 3);
}

typedef struct
{
  const char *country;
  int from;
  const char *title;
  guint position;
} Expected;

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *x = a, *y = b;
  int cmp = g_utf8_collate (x->country, y->country);

  if (cmp == 0 && x->from != y->from)
    cmp = x->from < y->from ? -1 : 1;
  if (cmp == 0)
    cmp = g_utf8_collate (x->title, y->title);
  if (cmp == 0)
    cmp = (x->position > y->position) - (x->position < y->position);

  return cmp;
}

/* Many periods: the timeline keeps its first rows in the same order as
 * a full sort of all of them would give, and counts them all. */
static void
test_long_timeline (void)
{
  const char *countries[] = { "Romania", "Republic of Moldova", "Ukraine", "Austria", "Ţara Test", "Zambia" };
  const char *words[] = { "Strategy", "plan", "Ștefan", "action", "law", "Élan", "zeal", "abc" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresBitset) all = NULL;
  g_autoptr(MeasuresOverview) overview = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (Expected));
  guint n = 1500;

  for (guint i = 0; i < n; i++)
    {
      int from = 2000 + g_rand_int_range (rand, 0, 5);

      g_string_append_printf (json, "%s{\"id\": \"m%u\", \"country\": \"%s\", \"title\": \"%s %s %u\", "
                              "\"year\": {\"from\": %d, \"to\": %d}}",
                              i > 0 ? "," : "", i, countries[g_rand_int_range (rand, 0, G_N_ELEMENTS (countries))],
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                              words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))], i % 7,
                              from, from + g_rand_int_range (rand, 0, 4));
    }
  g_string_append (json, "]");

  bytes = g_bytes_new (json->str, json->len);
  dataset = measures_loader_load_bytes (bytes, NULL, "long.json");
  index = measures_index_new (measures_dataset_get_measures (dataset));
  all = measures_bitset_new (n);
  for (guint i = 0; i < n; i++)
    measures_bitset_set (all, i);
  overview = measures_overview_new (index, all, 2024);

  for (guint i = 0; i < n; i++)
    {
      MeasuresMeasure *m = measures_index_get_measure (index, i);
      Expected e = { NULL, measures_measure_get_year_from (m), NULL, i };

      if (measures_measure_get_year_to (m) == e.from)
        continue;
      e.country = measures_index_get_value_label (index, MEASURES_FACET_COUNTRY,
                                                  measures_index_find_value (index, MEASURES_FACET_COUNTRY,
                                                                             measures_measure_get_country (m)));
      e.title = measures_measure_resolve_title (m, NULL);
      g_array_append_val (expected, e);
    }
  g_array_sort (expected, compare_expected);

  g_assert_cmpuint (overview->n_timeline, ==, expected->len);
  g_assert_cmpuint (overview->timeline->len, ==, MEASURES_OVERVIEW_TIMELINE_KEEP);
  for (guint i = 0; i < overview->timeline->len; i++)
    {
      const MeasuresTimelineRow *row = &g_array_index (overview->timeline, MeasuresTimelineRow, i);
      const Expected *e = &g_array_index (expected, Expected, i);

      g_assert_cmpstr (row->country, ==, e->country);
      g_assert_cmpint (row->from, ==, e->from);
      g_assert_cmpstr (row->title, ==, e->title);
      g_assert_cmpuint (row->position, ==, e->position);
    }
}

/* B1: overviews are made on the main thread and on export threads at
 * once; each must come out as it would alone. */
typedef struct
{
  MeasuresIndex *index;
  MeasuresBitset *all;
  MeasuresOverview *alone;
} Concurrent;

static gboolean
same_timeline (const MeasuresOverview *a,
               const MeasuresOverview *b)
{
  if (a->timeline->len != b->timeline->len)
    return FALSE;
  for (guint i = 0; i < a->timeline->len; i++)
    if (g_array_index (a->timeline, MeasuresTimelineRow, i).position !=
        g_array_index (b->timeline, MeasuresTimelineRow, i).position)
      return FALSE;

  return TRUE;
}

static gpointer
make_overviews (gpointer data)
{
  Concurrent *c = data;

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(MeasuresOverview) overview = measures_overview_new (c->index, c->all, 2024);

      if (!same_timeline (overview, c->alone))
        return GINT_TO_POINTER (FALSE);
    }

  return GINT_TO_POINTER (TRUE);
}

static void
test_concurrent (void)
{
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresBitset) all = NULL;
  g_autoptr(MeasuresOverview) alone = NULL;
  Concurrent c;
  GThread *threads[2];
  guint n = 3000;

  /* Many countries, so that sorting their labels takes a while. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"m%u\", \"country\": \"Country %u\", \"title\": \"Plan %u\", "
                            "\"year\": {\"from\": %u, \"to\": %u}}",
                            i > 0 ? "," : "", i, (i * 7919) % 1000, i, 2000 + i % 9, 2010 + i % 9);
  g_string_append (json, "]");

  bytes = g_bytes_new (json->str, json->len);
  dataset = measures_loader_load_bytes (bytes, NULL, "concurrent.json");
  index = measures_index_new (measures_dataset_get_measures (dataset));
  all = measures_bitset_new (n);
  measures_bitset_fill (all);
  alone = measures_overview_new (index, all, 2024);
  g_assert_cmpuint (alone->timeline->len, >, 0);

  c = (Concurrent) { index, all, alone };
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("overview", make_overviews, &c);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/years", test_years);
  g_test_add_func ("/overview/counts-and-timeline", test_counts_and_timeline);
  g_test_add_func ("/overview/nothing-dated", test_nothing_dated);
  g_test_add_func ("/overview/bundled-timeline", test_bundled_timeline);
  g_test_add_func ("/overview/long-timeline", test_long_timeline);
  g_test_add_func ("/overview/concurrent", test_concurrent);

  return g_test_run ();
}
