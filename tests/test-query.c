/* test-query.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "measures-index.h"
#include "measures-loader.h"
#include "measures-query.h"
#include "measures-text.h"

static GPtrArray *measures;

static const char *records =
  "["
  "{\"id\": \"ro-strategy\", \"country\": \"Romania\", \"region\": \"Europe\","
  " \"year\": \"2019 - 2022\","
  " \"types\": [\"Policies > National strategy specific to violence against women\"],"
  " \"forms\": [\"Trafficking\"],"
  " \"title\": {\"en\": \"National Strategy Against Trafficking\", \"ro\": \"Strategia națională împotriva traficului\"},"
  " \"description\": \"Știință și ştiinţă\"},"
  "{\"id\": \"ro-law\", \"country\": \"Romania\", \"region\": \"Europe\", \"year\": 2018,"
  " \"types\": [\"Violence against women > Legislation\"],"
  " \"forms\": [\"Domestic violence/Intimate partner violence\"],"
  " \"title\": \"Law No. 174/2018 on domestic violence\"},"
  "{\"id\": \"md-data\", \"country\": \"Republic of Moldova\", \"region\": \"Europe\", \"year\": 2009,"
  " \"types\": [\"Administrative data > Health\", \"Administrative data > Police\"],"
  " \"forms\": [\"Domestic violence/Intimate partner violence\"],"
  " \"title\": \"Data collection on domestic violence\"},"
  "{\"id\": \"open\", \"country\": \"Kenya\", \"region\": \"Africa\", \"year\": {\"from\": 2015},"
  " \"types\": \"Institutional mechanisms\","
  " \"forms\": [\"Child, early and forced marriage\", \"Trafficking\"],"
  " \"title\": \"Open-ended mechanism\"},"
  "{\"id\": \"no-year\", \"country\": \"Kenya\", \"region\": \"Africa\","
  " \"types\": \"Policies\", \"forms\": \"Trafficking\", \"title\": \"Undated policy\"}"
  "]";

/* The ids of the measures that @query matches, in order, joined by spaces. */
static char *
matching (MeasuresQuery *query)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);

      if (measures_query_matches (query, measure))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "", measures_measure_get_id (measure));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_matches(query, expected) \
  G_STMT_START { \
    g_autofree char *got = matching (query); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

static void
test_empty (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();

  g_assert_true (measures_query_is_empty (query));
  assert_matches (query, "ro-strategy ro-law md-data open no-year");
}

static void
test_places (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *moldova[] = { "republic of MOLDOVA", NULL };
  const char *africa[] = { "Africa", NULL };
  const char *two[] = { "Romania", "Kenya", NULL };

  measures_query_set_places (query, moldova, NULL);
  assert_matches (query, "md-data");
  /* A country or a region: ORed within the place facet. */
  measures_query_set_places (query, moldova, africa);
  assert_matches (query, "md-data open no-year");
  measures_query_set_places (query, two, NULL);
  assert_matches (query, "ro-strategy ro-law open no-year");
  measures_query_set_places (query, NULL, NULL);
  g_assert_true (measures_query_is_empty (query));
}

static void
test_years (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();

  measures_query_set_years (query, 2020, 2021);
  /* Overlapping ranges and open-ended periods match; undated ones do not. */
  assert_matches (query, "ro-strategy open");
  measures_query_set_years (query, 2018, 2018);
  assert_matches (query, "ro-law open");
  measures_query_set_years (query, MEASURES_YEAR_NONE, 2010);
  assert_matches (query, "md-data");
  measures_query_set_years (query, 2022, MEASURES_YEAR_NONE);
  assert_matches (query, "ro-strategy open");
  measures_query_set_years (query, 2030, MEASURES_YEAR_NONE);
  assert_matches (query, "open");
  measures_query_set_years (query, MEASURES_YEAR_NONE, MEASURES_YEAR_NONE);
  assert_matches (query, "ro-strategy ro-law md-data open no-year");
}

static void
test_types (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *category[] = { "Policies", NULL };
  const char *sub[] = { "administrative data > police", NULL };
  const char *both[] = { "Administrative data", "Institutional mechanisms", NULL };

  /* A category includes its subcategories. */
  measures_query_set_types (query, category);
  assert_matches (query, "ro-strategy no-year");
  measures_query_set_types (query, sub);
  assert_matches (query, "md-data");
  measures_query_set_types (query, both);
  assert_matches (query, "md-data open");
}

static void
test_forms_and_facets (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *trafficking[] = { "trafficking", NULL };
  const char *europe[] = { "Europe", NULL };
  const char *marriage[] = { "Child, early and forced marriage", "Trafficking", NULL };

  measures_query_set_forms (query, trafficking);
  assert_matches (query, "ro-strategy open no-year");
  /* Facets are ANDed. */
  measures_query_set_places (query, NULL, europe);
  assert_matches (query, "ro-strategy");
  measures_query_set_forms (query, marriage);
  measures_query_set_places (query, NULL, NULL);
  assert_matches (query, "ro-strategy open no-year");
}

static void
test_search (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();

  measures_query_set_search (query, "traff");
  assert_matches (query, "ro-strategy open no-year");
  /* Every word must be the start of some word, in any order. */
  measures_query_set_search (query, "strat nation");
  assert_matches (query, "ro-strategy");
  measures_query_set_search (query, "rategy");
  assert_matches (query, "");
  /* Diacritics and case are ignored, cedilla and comma below alike. */
  measures_query_set_search (query, "STIINTA");
  assert_matches (query, "ro-strategy");
  measures_query_set_search (query, "Ştiinţă");
  assert_matches (query, "ro-strategy");
  measures_query_set_search (query, "impotriva");
  assert_matches (query, "ro-strategy");
  /* Words are runs of letters and digits: "174/2018" is two words. */
  measures_query_set_search (query, "2018");
  assert_matches (query, "ro-law");
  measures_query_set_search (query, "moldova domestic");
  assert_matches (query, "md-data");
  /* Punctuation alone is no word, so it matches everything. */
  measures_query_set_search (query, " - ");
  assert_matches (query, "ro-strategy ro-law md-data open no-year");
  g_assert_true (measures_query_is_empty (query));
}

/* Facet values compare without case or diacritics, in the query's rules
 * and in the index alike: a country Measures does not know, a region, a
 * type and a form written with and without them are one value. */
static void
test_facet_diacritics (void)
{
  static const char *json =
    "["
    "{\"id\": \"a\", \"country\": \"Țara Nouă\", \"region\": \"Europa Centrală\", \"year\": 2020,"
    " \"types\": [\"Politici > Strategie națională\"], \"forms\": [\"Violență economică\"], \"title\": \"A\"},"
    "{\"id\": \"b\", \"country\": \"Tara Noua\", \"region\": \"EUROPA CENTRALA\", \"year\": 2021,"
    " \"types\": [\"politici > strategie nationala\"], \"forms\": [\"Violenta economica\"], \"title\": \"B\"},"
    "{\"id\": \"c\", \"country\": \"Türkiye\", \"region\": \"Asia\", \"year\": 2022,"
    " \"types\": [\"Policies\"], \"forms\": [\"Trafficking\"], \"title\": \"C\"}"
    "]";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "diacritics.json");
  GPtrArray *rows = measures_dataset_get_measures (dataset);
  g_autoptr(MeasuresIndex) index = measures_index_new (rows);
  const struct {
    MeasuresFacet facet;
    const char *value;
    const char *expected;
  } cases[] = {
    { MEASURES_FACET_COUNTRY, "tara noua", "a b" },
    { MEASURES_FACET_COUNTRY, "ŢARA NOUĂ", "a b" },
    { MEASURES_FACET_COUNTRY, "turkiye", "c" },
    { MEASURES_FACET_COUNTRY, "TÜRKIYE", "c" },
    { MEASURES_FACET_REGION, "europa centrala", "a b" },
    { MEASURES_FACET_TYPE, "Politici > Strategie Naţională", "a b" },
    { MEASURES_FACET_TYPE, "POLITICI", "a b" },
    { MEASURES_FACET_FORM, "violenta ECONOMICA", "a b" },
    { MEASURES_FACET_FORM, "Violență economica", "a b" },
  };

  g_assert_cmpuint (rows->len, ==, 3);
  /* One value each, not two. */
  g_assert_cmpuint (measures_index_get_n_values (index, MEASURES_FACET_COUNTRY), ==, 2);
  g_assert_cmpuint (measures_index_get_n_values (index, MEASURES_FACET_FORM), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresQuery) query = measures_query_new ();
      g_autoptr(MeasuresResult) result = NULL;
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autoptr(GString) indexed = g_string_new (NULL);
      const char *one[] = { cases[i].value, NULL };

      measures_query_set_values (query, cases[i].facet, one);
      for (guint k = 0; k < rows->len; k++)
        if (measures_query_matches (query, g_ptr_array_index (rows, k)))
          g_string_append_printf (ids, "%s%s", ids->len > 0 ? " " : "",
                                  measures_measure_get_id (g_ptr_array_index (rows, k)));
      g_assert_cmpstr (ids->str, ==, cases[i].expected);

      result = measures_index_evaluate (index, query);
      for (guint k = 0; k < rows->len; k++)
        if (measures_bitset_get (result->matches, k))
          g_string_append_printf (indexed, "%s%s", indexed->len > 0 ? " " : "",
                                  measures_measure_get_id (measures_index_get_measure (index, k)));
      g_assert_cmpstr (indexed->str, ==, cases[i].expected);
    }
}

static void
count_changed (MeasuresQuery *query,
               guint         *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *forms[] = { "Trafficking", NULL };
  guint changes = 0;

  g_signal_connect (query, "changed", G_CALLBACK (count_changed), &changes);

  measures_query_set_search (query, "law");
  measures_query_set_search (query, "law");
  measures_query_set_forms (query, forms);
  measures_query_set_forms (query, forms);
  measures_query_set_years (query, 2018, 2020);
  measures_query_set_years (query, 2018, 2020);

  /* Setting a criterion to what it already is changes nothing. */
  g_assert_cmpuint (changes, ==, 3);
}

static void
test_describe (void)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresQuery) copy = measures_query_new ();
  const char *countries[] = { "Romania", "Republic of Moldova", NULL };
  const char *forms[] = { "Trafficking", "trafficking", NULL };
  g_autofree char *empty = measures_query_describe (query);
  g_autofree char *full = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *open = NULL;

  g_assert_cmpstr (empty, ==, "");

  measures_query_set_places (query, countries, NULL);
  measures_query_set_forms (query, forms);
  measures_query_set_years (query, 2018, 2022);
  measures_query_set_search (query, "  strategy ");
  full = measures_query_describe (query);
  g_assert_cmpstr (full, ==, "Romania or Republic of Moldova · Trafficking · 2018–2022 · “strategy”");

  measures_query_assign (copy, query);
  copied = measures_query_describe (copy);
  g_assert_cmpstr (copied, ==, full);

  measures_query_set_years (query, MEASURES_YEAR_NONE, 2010);
  measures_query_clear (copy);
  g_assert_true (measures_query_is_empty (copy));
  measures_query_set_places (query, NULL, NULL);
  measures_query_set_forms (query, NULL);
  measures_query_set_search (query, NULL);
  open = measures_query_describe (query);
  g_assert_cmpstr (open, ==, "until 2010");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;

  g_test_init (&argc, &argv, NULL);

  bytes = g_bytes_new_static (records, strlen (records));
  dataset = measures_loader_load_bytes (bytes, NULL, "query.json");
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  measures = measures_dataset_get_measures (dataset);

  g_test_add_func ("/query/empty", test_empty);
  g_test_add_func ("/query/places", test_places);
  g_test_add_func ("/query/years", test_years);
  g_test_add_func ("/query/types", test_types);
  g_test_add_func ("/query/forms-and-facets", test_forms_and_facets);
  g_test_add_func ("/query/search", test_search);
  g_test_add_func ("/query/facet-diacritics", test_facet_diacritics);
  g_test_add_func ("/query/changed-signal", test_changed_signal);
  g_test_add_func ("/query/describe", test_describe);

  return g_test_run ();
}
