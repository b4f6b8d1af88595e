/* test-index.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "measures-cache.h"
#include "measures-index.h"
#include "measures-library.h"
#include "measures-loader.h"
#include "measures-result-model.h"
#include "measures-text.h"

static const char *records =
  "["
  "{\"id\": \"ro-strategy\", \"country\": \"Romania\", \"region\": \"Europe\", \"year\": \"2019 - 2022\","
  " \"types\": [\"Policies > National strategy specific to violence against women\"],"
  " \"forms\": [\"Trafficking\"], \"title\": \"Zeta strategy\"},"
  "{\"id\": \"ro-law\", \"country\": \"Romania\", \"region\": \"Europe\", \"year\": 2018,"
  " \"types\": [\"Violence against women > Legislation\"],"
  " \"forms\": [\"Domestic violence/Intimate partner violence\"], \"title\": \"alpha law\"},"
  "{\"id\": \"md-data\", \"country\": \"Republic of Moldova\", \"region\": \"Europe\", \"year\": 2009,"
  " \"types\": [\"Administrative data > Health\", \"Administrative data > Police\"],"
  " \"forms\": [\"Domestic violence/Intimate partner violence\"], \"title\": \"Beta data\"},"
  "{\"id\": \"ke-open\", \"country\": \"Kenya\", \"region\": \"Africa\", \"year\": {\"from\": 2015},"
  " \"types\": \"Institutional mechanisms\","
  " \"forms\": [\"Child, early and forced marriage\", \"Trafficking\"], \"title\": \"Gamma\"},"
  "{\"id\": \"ke-undated\", \"country\": \"Kenya\", \"region\": \"Africa\","
  " \"types\": \"Policies\", \"forms\": \"Trafficking\", \"title\": \"delta\"}"
  "]";

static MeasuresIndex *
make_index (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "index.json");

  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);

  return measures_index_new (measures_dataset_get_measures (dataset));
}

static guint
count_of (MeasuresIndex  *index,
          MeasuresResult *result,
          MeasuresFacet   facet,
          const char     *value)
{
  int position = measures_index_find_value (index, facet, value);

  g_assert_cmpint (position, >=, 0);

  return result->counts[facet][position];
}

static void
test_values (void)
{
  g_autoptr(MeasuresIndex) index = make_index (records);
  int policies = measures_index_find_value (index, MEASURES_FACET_TYPE, "policies");
  int strategy = measures_index_find_value (index, MEASURES_FACET_TYPE,
                                            "Policies>National strategy specific to violence against women");
  int first, last;

  g_assert_cmpuint (measures_index_get_n_values (index, MEASURES_FACET_COUNTRY), ==, 3);
  g_assert_cmpuint (measures_index_get_n_values (index, MEASURES_FACET_REGION), ==, 2);
  g_assert_cmpuint (measures_index_get_n_values (index, MEASURES_FACET_FORM), ==, 3);
  /* Categories: Policies, Violence against women, Administrative data,
   * Institutional mechanisms; subcategories: four. */
  g_assert_cmpuint (measures_index_get_n_values (index, MEASURES_FACET_TYPE), ==, 8);

  g_assert_cmpint (policies, >=, 0);
  g_assert_cmpint (strategy, >=, 0);
  g_assert_cmpint (measures_index_get_value_parent (index, MEASURES_FACET_TYPE, strategy), ==, policies);
  g_assert_cmpint (measures_index_get_value_parent (index, MEASURES_FACET_TYPE, policies), ==, -1);
  g_assert_cmpstr (measures_index_get_value (index, MEASURES_FACET_TYPE, policies), ==, "Policies");
  g_assert_cmpint (measures_index_find_value (index, MEASURES_FACET_COUNTRY, "Atlantis"), ==, -1);

  /* A category's measures: those of its subcategories and its own, by
   * position in the dataset. */
  {
    const MeasuresBitset *bits = measures_index_get_value_measures (index, MEASURES_FACET_TYPE, policies);

    g_assert_cmpuint (measures_bitset_count (bits), ==, 2);
    g_assert_true (measures_bitset_get (bits, 0));
    g_assert_true (measures_bitset_get (bits, 4));
  }

  g_assert_true (measures_index_get_year_span (index, &first, &last));
  g_assert_cmpint (first, ==, 2009);
  g_assert_cmpint (last, ==, 2022);
}

static void
test_counts (void)
{
  g_autoptr(MeasuresIndex) index = make_index (records);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *romania[] = { "Romania", NULL };
  const char *trafficking[] = { "Trafficking", NULL };
  g_autoptr(MeasuresResult) all = measures_index_evaluate (index, query);
  g_autoptr(MeasuresResult) some = NULL;
  g_autoptr(MeasuresResult) both = NULL;

  g_assert_cmpuint (all->n_matches, ==, 5);
  g_assert_cmpuint (count_of (index, all, MEASURES_FACET_COUNTRY, "Kenya"), ==, 2);
  g_assert_cmpuint (count_of (index, all, MEASURES_FACET_REGION, "Europe"), ==, 3);
  g_assert_cmpuint (count_of (index, all, MEASURES_FACET_TYPE, "Policies"), ==, 2);
  g_assert_cmpuint (count_of (index, all, MEASURES_FACET_TYPE, "Administrative data"), ==, 1);
  g_assert_cmpuint (count_of (index, all, MEASURES_FACET_TYPE, "Administrative data > Police"), ==, 1);
  g_assert_cmpuint (count_of (index, all, MEASURES_FACET_FORM, "Trafficking"), ==, 3);

  measures_query_set_places (query, romania, NULL);
  some = measures_index_evaluate (index, query);
  g_assert_cmpuint (some->n_matches, ==, 2);
  /* A facet's own choice does not shrink its own counts... */
  g_assert_cmpuint (count_of (index, some, MEASURES_FACET_COUNTRY, "Kenya"), ==, 2);
  g_assert_cmpuint (count_of (index, some, MEASURES_FACET_REGION, "Africa"), ==, 2);
  /* ...but it does shrink the others'. */
  g_assert_cmpuint (count_of (index, some, MEASURES_FACET_FORM, "Trafficking"), ==, 1);
  g_assert_cmpuint (count_of (index, some, MEASURES_FACET_TYPE, "Administrative data"), ==, 0);

  measures_query_set_forms (query, trafficking);
  measures_query_set_search (query, "zet");
  both = measures_index_evaluate (index, query);
  g_assert_cmpuint (both->n_matches, ==, 1);
  g_assert_true (measures_bitset_get (both->matches, 0));
  g_assert_cmpuint (count_of (index, both, MEASURES_FACET_COUNTRY, "Kenya"), ==, 0);
  g_assert_cmpuint (count_of (index, both, MEASURES_FACET_FORM, "Domestic violence/Intimate partner violence"), ==, 0);
}

static char *
ids_in_order (MeasuresIndex *index,
              MeasuresSort   sort,
              gboolean       descending)
{
  const guint *order = measures_index_get_order (index, sort, descending);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < measures_index_get_n_measures (index); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            measures_measure_get_id (measures_index_get_measure (index, order[i])));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_order(index, sort, descending, expected) \
  G_STMT_START { \
    g_autofree char *got = ids_in_order (index, sort, descending); \
    g_assert_cmpstr (got, ==, expected); \
  } G_STMT_END

static void
test_orders (void)
{
  g_autoptr(MeasuresIndex) index = make_index (records);

  assert_order (index, MEASURES_SORT_NONE, FALSE, "ro-strategy ro-law md-data ke-open ke-undated");
  assert_order (index, MEASURES_SORT_YEAR, FALSE, "md-data ke-open ro-law ro-strategy ke-undated");
  /* Newest first; undated still last. */
  assert_order (index, MEASURES_SORT_YEAR, TRUE, "ro-strategy ro-law ke-open md-data ke-undated");
  assert_order (index, MEASURES_SORT_COUNTRY, FALSE, "ke-open ke-undated md-data ro-strategy ro-law");
  assert_order (index, MEASURES_SORT_COUNTRY, TRUE, "ro-law ro-strategy md-data ke-undated ke-open");
  /* Asking twice gives the same array. */
  g_assert_true (measures_index_get_order (index, MEASURES_SORT_YEAR, FALSE) ==
                 measures_index_get_order (index, MEASURES_SORT_YEAR, FALSE));
}

/* A measure with no types or forms sorts by an empty key, before the
 * others; an empty key is no undefined shift of its prefix. */
static void
test_orders_empty_keys (void)
{
  g_autoptr(MeasuresIndex) index = make_index ("["
                                               "{\"id\": \"typed\", \"country\": \"A\", \"types\": \"Policies\", \"forms\": \"Trafficking\"},"
                                               "{\"id\": \"bare\", \"country\": \"B\"},"
                                               "{\"id\": \"bare-too\", \"country\": \"C\"}"
                                               "]");

  assert_order (index, MEASURES_SORT_TYPE, FALSE, "bare bare-too typed");
  assert_order (index, MEASURES_SORT_TYPE, TRUE, "typed bare-too bare");
  assert_order (index, MEASURES_SORT_FORM, FALSE, "bare bare-too typed");
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static void
test_result_model (void)
{
  g_autoptr(MeasuresIndex) index = make_index (records);
  g_autoptr(MeasuresResultModel) model = measures_result_model_new ();
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;
  const char *kenya[] = { "Kenya", NULL };
  guint changes = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &changes);

  result = measures_index_evaluate (index, query);
  measures_result_model_update (model, index, result->matches, MEASURES_SORT_YEAR, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  g_assert_cmpuint (changes, ==, 1);
  {
    g_autoptr(MeasuresMeasure) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (measures_measure_get_id (first), ==, "ro-strategy");
  }

  /* The same result again changes nothing. */
  measures_result_model_update (model, index, result->matches, MEASURES_SORT_YEAR, TRUE);
  g_assert_cmpuint (changes, ==, 1);

  g_clear_pointer (&result, measures_result_free);
  measures_query_set_places (query, kenya, NULL);
  result = measures_index_evaluate (index, query);
  measures_result_model_update (model, index, result->matches, MEASURES_SORT_YEAR, FALSE);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (measures_result_model_get_position (model, 0), ==, 3);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 2));

  measures_result_model_update (model, NULL, NULL, MEASURES_SORT_NONE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

/* Random data: the index must answer exactly as the plain rules do. */

static const char *countries[] = { "Romania", "Republic of Moldova", "Kenya", "Peru", "România" };
static const char *regions[] = { "Europe", "Africa", "Americas" };
static const char *types[] = {
  "Policies", "Policies > National strategy", "Policies > National action plan",
  "Justice > Training", "justice>training", "Prevention > Awareness-raising /Campaigns",
};
static const char *forms[] = { "Trafficking", "Sexual violence", "Stalking", "trafficking" };
static const char *words[] = {
  "știință", "Ştiinţă", "stiinta", "strategie", "strategy", "traffic", "trafficking", "Țară",
  "tara", "lege", "legislation", "violența", "violence", "2018", "174/2018", "a", "ab", "abc",
};

static char *
random_record (GRand *rand,
               guint  i)
{
  g_autoptr(GString) json = g_string_new (NULL);
  guint n;

  g_string_append_printf (json, "{\"id\": \"r%u\", \"country\": \"%s\"", i,
                          countries[g_rand_int_range (rand, 0, G_N_ELEMENTS (countries))]);
  if (g_rand_boolean (rand))
    g_string_append_printf (json, ", \"region\": \"%s\"",
                            regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (regions))]);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      break;
    case 1:
      g_string_append_printf (json, ", \"year\": %d", g_rand_int_range (rand, 2000, 2030));
      break;
    case 2:
      {
        int from = g_rand_int_range (rand, 2000, 2030);

        g_string_append_printf (json, ", \"year\": {\"from\": %d, \"to\": %d}",
                                from, from + g_rand_int_range (rand, 0, 8));
      }
      break;
    default:
      g_string_append_printf (json, ", \"year\": {\"from\": %d}", g_rand_int_range (rand, 2000, 2030));
    }

  g_string_append (json, ", \"types\": [");
  n = g_rand_int_range (rand, 0, 3);
  for (guint k = 0; k < n; k++)
    g_string_append_printf (json, "%s\"%s\"", k > 0 ? ", " : "",
                            types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))]);
  g_string_append (json, "], \"forms\": [");
  n = g_rand_int_range (rand, 0, 3);
  for (guint k = 0; k < n; k++)
    g_string_append_printf (json, "%s\"%s\"", k > 0 ? ", " : "",
                            forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (forms))]);
  g_string_append (json, "], \"description\": {\"en\": \"");
  n = g_rand_int_range (rand, 0, 6);
  for (guint k = 0; k < n; k++)
    g_string_append_printf (json, "%s ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append (json, "\", \"ro\": \"");
  n = g_rand_int_range (rand, 0, 3);
  for (guint k = 0; k < n; k++)
    g_string_append_printf (json, "%s, ", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append (json, "\"}}");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
random_values (GRand       *rand,
               const char **pool,
               guint        n_pool,
               const char **out)
{
  guint n = g_rand_int_range (rand, 0, 3) == 0 ? g_rand_int_range (rand, 1, 3) : 0;

  for (guint k = 0; k < n; k++)
    out[k] = pool[g_rand_int_range (rand, 0, n_pool)];
  out[n] = NULL;
}

static MeasuresQuery *
random_query (GRand *rand)
{
  MeasuresQuery *query = measures_query_new ();
  const char *c[4], *r[4], *t[4], *f[4];
  static const char *searches[] = { "", "s", "st", "stiinta", "ȘTIINȚĂ", "tra", "traffic le", "2018", "174", "zzz", "a ab" };

  random_values (rand, countries, G_N_ELEMENTS (countries), c);
  random_values (rand, regions, G_N_ELEMENTS (regions), r);
  random_values (rand, types, G_N_ELEMENTS (types), t);
  random_values (rand, forms, G_N_ELEMENTS (forms), f);
  measures_query_set_places (query, c, r);
  measures_query_set_types (query, t);
  measures_query_set_forms (query, f);
  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      int from = g_rand_boolean (rand) ? g_rand_int_range (rand, 2000, 2030) : MEASURES_YEAR_NONE;
      int to = g_rand_boolean (rand) ? g_rand_int_range (rand, 2000, 2030) : MEASURES_YEAR_NONE;

      measures_query_set_years (query, from, to);
    }
  measures_query_set_search (query, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);

  return query;
}

/* The count of a facet value is what the plain rules give with that
 * value alone chosen in its facet. */
static guint
plain_count (MeasuresIndex *index,
             MeasuresQuery *query,
             MeasuresFacet  facet,
             const char    *value)
{
  g_autoptr(MeasuresQuery) alone = measures_query_new ();
  const char *one[] = { value, NULL };
  int from, to;
  guint count = 0;

  for (guint f = 0; f < MEASURES_N_FACETS; f++)
    if (f != facet && !(facet <= MEASURES_FACET_REGION && f <= MEASURES_FACET_REGION))
      measures_query_set_values (alone, f, measures_query_get_values (query, f));
  measures_query_set_values (alone, facet, one);
  measures_query_get_years (query, &from, &to);
  measures_query_set_years (alone, from, to);
  measures_query_set_search (alone, measures_query_get_search (query));

  for (guint i = 0; i < measures_index_get_n_measures (index); i++)
    if (measures_query_matches (alone, measures_index_get_measure (index, i)))
      count++;

  return count;
}

static void
test_random_agreement (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(MeasuresIndex) index = NULL;
  guint n_records = 400;
  guint partial = 0;

  for (guint i = 0; i < n_records; i++)
    {
      g_autofree char *record = random_record (rand, i);

      g_string_append_printf (json, "%s%s", i > 0 ? "," : "", record);
    }
  g_string_append (json, "]");
  index = make_index (json->str);

  for (guint q = 0; q < 300; q++)
    {
      g_autoptr(MeasuresQuery) query = random_query (rand);
      g_autoptr(MeasuresResult) result = measures_index_evaluate (index, query);
      guint expected = 0;

      for (guint i = 0; i < n_records; i++)
        {
          gboolean plain = measures_query_matches (query, measures_index_get_measure (index, i));

          if (plain != measures_bitset_get (result->matches, i))
            g_error ("query %u, record %u: the plain rules say %d", q, i, plain);
          expected += plain;
        }
      g_assert_cmpuint (result->n_matches, ==, expected);
      partial += expected > 0 && expected < n_records;

      /* Counts, checked on a sample of queries to keep the test quick. */
      if (q % 10 == 0)
        for (guint facet = 0; facet < MEASURES_N_FACETS; facet++)
          for (guint v = 0; v < measures_index_get_n_values (index, facet); v++)
            g_assert_cmpuint (result->counts[facet][v], ==,
                              plain_count (index, query, facet, measures_index_get_value (index, facet, v)));
    }

  /* The random queries must really narrow the records down. */
  g_assert_cmpuint (partial, >, 150);
}

/* The user's marks as set operations agree with the plain rules: stars,
 * collections (ORed) and notes, searched with the rest of the text or
 * alone; and "Starred" and each collection are counted against every
 * other criterion. Marks on ids no record has are kept and change
 * nothing. */
static void
test_marks_agreement (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresLibrary) library = measures_library_new (NULL);
  static const char *note_words[] = { "report", "reportage", "ștampilă", "follow", "up", "strategy", "2018" };
  const char *collections[3];
  guint n_records = 300;
  guint partial = 0;

  for (guint i = 0; i < n_records; i++)
    {
      g_autofree char *record = random_record (rand, i);

      g_string_append_printf (json, "%s%s", i > 0 ? "," : "", record);
    }
  g_string_append (json, "]");
  index = make_index (json->str);

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      g_autofree char *name = g_strdup_printf ("Collection %u", c);
      g_autofree char *id = measures_library_create_collection (library, name, NULL);

      collections[c] = measures_library_get_collection (library, c);
      g_assert_cmpstr (collections[c], ==, id);
    }
  for (guint i = 0; i < n_records + 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      const char *one[] = { id, NULL };

      if (g_rand_int_range (rand, 0, 4) == 0)
        measures_library_set_starred (library, one, TRUE);
      for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
        if (g_rand_int_range (rand, 0, 5) == 0)
          measures_library_add_to_collection (library, collections[c], one);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          g_autofree char *note = g_strdup_printf ("%s\n\n%s %s",
                                                   note_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (note_words))],
                                                   note_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (note_words))],
                                                   note_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (note_words))]);

          measures_library_set_note (library, id, note);
        }
    }

  for (guint q = 0; q < 300; q++)
    {
      g_autoptr(MeasuresQuery) query = random_query (rand);
      g_autoptr(MeasuresResult) result = NULL;
      static const char *searches[] = { "", "rep", "report st", "stampila", "up", "strategy", "zzz" };
      const char *chosen[4] = { NULL, };
      guint n_chosen = 0, expected = 0;

      if (g_rand_boolean (rand))
        measures_query_set_search (query, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
      measures_query_set_notes_only (query, g_rand_int_range (rand, 0, 3) == 0);
      measures_query_set_starred (query, g_rand_int_range (rand, 0, 3) == 0);
      for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
        if (g_rand_int_range (rand, 0, 4) == 0)
          chosen[n_chosen++] = collections[c];
      measures_query_set_collections (query, chosen);
      measures_query_set_library (query, library);

      result = measures_index_evaluate (index, query);
      for (guint i = 0; i < n_records; i++)
        {
          gboolean plain = measures_query_matches (query, measures_index_get_measure (index, i));

          if (plain != measures_bitset_get (result->matches, i))
            g_error ("query %u, record %u: the plain rules say %d", q, i, plain);
          expected += plain;
        }
      g_assert_cmpuint (result->n_matches, ==, expected);
      partial += expected > 0 && expected < n_records;

      /* "Starred" with every other criterion as it is. */
      {
        g_autoptr(MeasuresQuery) alone = measures_query_new ();
        guint count = 0;

        measures_query_assign (alone, query);
        measures_query_set_library (alone, library);
        measures_query_set_starred (alone, TRUE);
        for (guint i = 0; i < n_records; i++)
          count += measures_query_matches (alone, measures_index_get_measure (index, i));
        g_assert_cmpuint (result->n_starred, ==, count);
      }

      /* Each collection alone in its filter. */
      g_assert_cmpuint (result->n_collections, ==, G_N_ELEMENTS (collections));
      for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
        {
          g_autoptr(MeasuresQuery) alone = measures_query_new ();
          const char *one[] = { collections[c], NULL };
          guint count = 0;

          measures_query_assign (alone, query);
          measures_query_set_library (alone, library);
          measures_query_set_collections (alone, one);
          for (guint i = 0; i < n_records; i++)
            count += measures_query_matches (alone, measures_index_get_measure (index, i));
          g_assert_cmpuint (result->collection_counts[c], ==, count);
        }
    }

  g_assert_cmpuint (partial, >, 100);
}

/* A note is found by its words, as part of its measure or alone; a
 * change to the library shows at the next evaluation. */
static void
test_notes_search (void)
{
  g_autoptr(MeasuresIndex) index = make_index (records);
  g_autoptr(MeasuresLibrary) library = measures_library_new (NULL);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;

  measures_query_set_library (query, library);
  measures_query_set_search (query, "follow");
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, ==, 0);
  g_clear_pointer (&result, measures_result_free);

  measures_library_set_note (library, "md-data", "Follow up with the ministry.\n\nAsk for 2024.");
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, ==, 1);
  g_assert_true (measures_bitset_get (result->matches, 2));
  g_clear_pointer (&result, measures_result_free);

  /* Words of the record and of its note together. */
  measures_query_set_search (query, "beta ministry");
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, ==, 1);
  g_clear_pointer (&result, measures_result_free);

  /* Alone: the record's own words no longer count. */
  measures_query_set_notes_only (query, TRUE);
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, ==, 0);
  g_clear_pointer (&result, measures_result_free);
  measures_query_set_search (query, "ministry");
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, ==, 1);
  g_clear_pointer (&result, measures_result_free);

  measures_library_delete_note (library, "md-data");
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, ==, 0);
  g_clear_pointer (&result, measures_result_free);
  g_assert_true (measures_library_undo (library));
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, ==, 1);
}

/* The search of @index agrees with the plain rules, for every word and
 * prefix the records are made of. */
static void
check_searches (MeasuresIndex *index)
{
  static const char *searches[] = {
    "s", "st", "stiinta", "ȘTIINȚĂ", "tra", "traffic le", "2018", "174", "zzz", "a ab", "romania",
    "europe", "justice", "training", "statistic", "stalking", "tara lege", "violen",
  };

  for (guint q = 0; q < G_N_ELEMENTS (searches); q++)
    {
      g_autoptr(MeasuresQuery) query = measures_query_new ();
      g_autoptr(MeasuresResult) result = NULL;

      measures_query_set_search (query, searches[q]);
      result = measures_index_evaluate (index, query);
      for (guint i = 0; i < measures_index_get_n_measures (index); i++)
        {
          gboolean plain = measures_query_matches (query, measures_index_get_measure (index, i));

          if (plain != measures_bitset_get (result->matches, i))
            g_error ("“%s”, record %u: the plain rules say %d", searches[q], i, plain);
        }
    }
}

/* The words of measures from several datasets, each with its word index:
 * used in place where their measures stand in order, renumbered where a
 * later dataset replaced some, made anew for measures with none or in the
 * index twice; from the loader and from caches alike. */
static void
test_word_segments (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1804);
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cached = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GPtrArray) merged_cached = NULL;
  g_autoptr(GPtrArray) mixed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MeasuresIndex) index = NULL;

  for (guint d = 0; d < 3; d++)
    {
      g_autoptr(GString) json = g_string_new ("[");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) cache = NULL;
      g_autoptr(GFile) file = g_file_new_for_path ("/segments.json");
      g_autoptr(GError) error = NULL;
      MeasuresCacheKey key = { "file:///segments.json", 1, 2, 3, FALSE };
      MeasuresDataset *dataset;

      /* The second dataset holds ids of the first. */
      for (guint i = 0; i < 120; i++)
        {
          g_autofree char *record = random_record (rand, d == 1 && i % 7 == 0 ? i : 1000 * d + i);

          g_string_append_printf (json, "%s%s", i > 0 ? "," : "", record);
        }
      g_string_append (json, "]");
      bytes = g_bytes_new (json->str, json->len);
      dataset = measures_loader_load_bytes (bytes, NULL, "segments.json");
      g_ptr_array_add (datasets, dataset);

      cache = measures_cache_serialize (dataset, &key);
      g_ptr_array_add (cached, measures_cache_read_bytes (cache, file, "segments.json", &key, &error));
      g_assert_no_error (error);
    }

  /* One dataset, in place. */
  index = measures_index_new (measures_dataset_get_measures (g_ptr_array_index (datasets, 0)));
  check_searches (index);
  g_clear_object (&index);

  /* Merged, some replaced: from the loader, then from the caches. */
  merged = measures_datasets_merge (datasets, NULL);
  g_assert_cmpuint (merged->len, <, 360);
  index = measures_index_new (merged);
  check_searches (index);
  g_clear_object (&index);

  merged_cached = measures_datasets_merge (cached, NULL);
  index = measures_index_new (merged_cached);
  check_searches (index);
  g_clear_object (&index);

  /* Out of order, one measure twice, and measures with no word index. */
  for (guint i = merged_cached->len; i > 0; i--)
    g_ptr_array_add (mixed, g_object_ref (g_ptr_array_index (merged_cached, i - 1)));
  g_ptr_array_add (mixed, g_object_ref (g_ptr_array_index (merged_cached, 5)));
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *record = random_record (rand, 5000 + i);
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, record, -1, NULL));
      g_ptr_array_add (mixed, measures_measure_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                                              NULL));
    }
  index = measures_index_new (mixed);
  check_searches (index);
}

/* A copy of a result model kept only from its items-changed signals,
 * as a list view keeps its rows. */
typedef struct
{
  GPtrArray *items;
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Shadow;

static void
shadow_changed (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                Shadow     *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->items->len);
  g_ptr_array_remove_range (shadow->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow->items, position + i, g_list_model_get_item (model, position + i));

  shadow->n_signals++;
  shadow->position = position;
  shadow->removed = removed;
  shadow->added = added;
}

/* Each change of the results says only what changed: the items before
 * and after the stretch it names are the ones that were there. */
static void
test_result_model_changes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (29112026);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresResultModel) model = measures_result_model_new ();
  Shadow shadow = { g_ptr_array_new_with_free_func (g_object_unref) };
  guint narrow = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *record = random_record (rand, i);

      g_string_append_printf (json, "%s%s", i > 0 ? "," : "", record);
    }
  g_string_append (json, "]");
  index = make_index (json->str);
  g_signal_connect (model, "items-changed", G_CALLBACK (shadow_changed), &shadow);

  for (guint q = 0; q < 200; q++)
    {
      g_autoptr(MeasuresQuery) query = random_query (rand);
      g_autoptr(MeasuresResult) result = measures_index_evaluate (index, query);
      MeasuresSort sort = q % 40 < 30 ? MEASURES_SORT_YEAR : MEASURES_SORT_COUNTRY;
      g_autoptr(GPtrArray) before = g_ptr_array_copy (shadow.items, (GCopyFunc) g_object_ref, NULL);
      guint n_signals = shadow.n_signals;
      guint n;

      g_ptr_array_set_free_func (before, g_object_unref);
      measures_result_model_update (model, index, result->matches, sort, FALSE);
      n = g_list_model_get_n_items (G_LIST_MODEL (model));

      /* The copy made from the signals is the model. */
      g_assert_cmpuint (shadow.items->len, ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MeasuresMeasure) item = g_list_model_get_item (G_LIST_MODEL (model), i);

          g_assert_true (item == g_ptr_array_index (shadow.items, i));
        }

      if (shadow.n_signals == n_signals)
        {
          /* No signal: nothing changed. */
          g_assert_cmpuint (before->len, ==, n);
          continue;
        }

      /* The stretch is as short as it can be: its first and last items
       * differ from the ones they replace. */
      g_assert_cmpuint (shadow.n_signals, ==, n_signals + 1);
      if (shadow.removed > 0 && shadow.added > 0)
        {
          g_assert_true (g_ptr_array_index (before, shadow.position) !=
                         g_ptr_array_index (shadow.items, shadow.position));
          g_assert_true (g_ptr_array_index (before, shadow.position + shadow.removed - 1) !=
                         g_ptr_array_index (shadow.items, shadow.position + shadow.added - 1));
        }
      narrow += shadow.position > 0 || shadow.removed + shadow.added < before->len + n;
    }

  /* Many changes really were narrower than the whole list. */
  g_assert_cmpuint (narrow, >, 20);
  g_ptr_array_unref (shadow.items);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/index/values", test_values);
  g_test_add_func ("/index/counts", test_counts);
  g_test_add_func ("/index/orders", test_orders);
  g_test_add_func ("/index/orders-empty-keys", test_orders_empty_keys);
  g_test_add_func ("/index/result-model", test_result_model);
  g_test_add_func ("/index/result-model-changes", test_result_model_changes);
  g_test_add_func ("/index/random-agreement", test_random_agreement);
  g_test_add_func ("/index/marks-agreement", test_marks_agreement);
  g_test_add_func ("/index/notes-search", test_notes_search);
  g_test_add_func ("/index/word-segments", test_word_segments);

  return g_test_run ();
}
