/* test-loader.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "measures-cache.h"
#include "measures-countries.h"
#include "measures-error.h"
#include "measures-file.h"
#include "measures-importer.h"
#include "measures-loader.h"
#include "measures-text.h"
#include "measures-vocabulary.h"

static MeasuresDataset *
load_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return measures_loader_load_bytes (bytes, NULL, "test.json");
}

static MeasuresMeasure *
load_one (const char *record)
{
  g_autofree char *json = g_strdup_printf ("[%s]", record);
  g_autoptr(MeasuresDataset) dataset = load_string (json);

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 1);

  return g_object_ref (g_ptr_array_index (measures_dataset_get_measures (dataset), 0));
}

static const MeasuresProblem *
only_problem (MeasuresDataset *dataset)
{
  GPtrArray *problems = measures_dataset_get_problems (dataset);

  g_assert_cmpuint (problems->len, ==, 1);

  return g_ptr_array_index (problems, 0);
}

static void
test_year_shapes (void)
{
  const struct {
    const char *year;
    int from, to;
  } cases[] = {
    { "2018", 2018, 2018 },
    { "2018.0", 2018, 2018 },
    { "\"2019 - 2022\"", 2019, 2022 },
    { "\"2019-2022\"", 2019, 2022 },
    { "\"2019–2022\"", 2019, 2022 },
    { "\"2018\"", 2018, 2018 },
    { "\"\"", MEASURES_YEAR_NONE, MEASURES_YEAR_NONE },
    { "null", MEASURES_YEAR_NONE, MEASURES_YEAR_NONE },
    { "{\"from\": 2019, \"to\": 2022}", 2019, 2022 },
    { "{\"from\": 2019}", 2019, MEASURES_YEAR_NONE },
    { "{\"from\": 2019, \"to\": null}", 2019, MEASURES_YEAR_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *record = g_strdup_printf ("{\"country\": \"Romania\", \"year\": %s}",
                                                 cases[i].year);
      g_autoptr(MeasuresMeasure) measure = load_one (record);

      g_test_message ("year %s", cases[i].year);
      g_assert_cmpint (measures_measure_get_year_from (measure), ==, cases[i].from);
      g_assert_cmpint (measures_measure_get_year_to (measure), ==, cases[i].to);
    }

  {
    g_autoptr(MeasuresMeasure) measure = load_one ("{\"country\": \"Romania\"}");

    g_assert_cmpint (measures_measure_get_year_from (measure), ==, MEASURES_YEAR_NONE);
  }
}

static void
test_year_bad (void)
{
  const char *bad[] = {
    "\"soon\"", "\"2022 - 2019\"", "{\"to\": 2020}", "{\"from\": \"2019\"}",
    "{\"from\": 2022, \"to\": 2019}", "2018.5", "99999999999", "-5", "true", "[2018]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf ("[{\"country\": \"Romania\", \"year\": %s}]", bad[i]);
      g_autoptr(MeasuresDataset) dataset = load_string (json);
      const MeasuresProblem *problem;

      g_test_message ("year %s", bad[i]);
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 0);
      problem = only_problem (dataset);
      g_assert_cmpuint (problem->index, ==, 1);
      g_assert_nonnull (strstr (problem->message, "year"));
    }
}

static void
test_year_written_as_object (void)
{
  g_autoptr(MeasuresMeasure) measure = load_one ("{\"country\": \"Romania\", \"year\": \"2019 - 2022\"}");
  g_autoptr(MeasuresMeasure) open = load_one ("{\"country\": \"Romania\", \"year\": {\"from\": 2024}}");
  g_autoptr(JsonNode) node = measures_measure_to_json (measure);
  g_autoptr(JsonNode) open_node = measures_measure_to_json (open);
  JsonObject *year = json_object_get_object_member (json_node_get_object (node), "year");
  JsonObject *open_year = json_object_get_object_member (json_node_get_object (open_node), "year");

  g_assert_cmpint (json_object_get_int_member (year, "from"), ==, 2019);
  g_assert_cmpint (json_object_get_int_member (year, "to"), ==, 2022);
  g_assert_cmpint (json_object_get_int_member (open_year, "from"), ==, 2024);
  g_assert_false (json_object_has_member (open_year, "to"));
}

static void
test_fields (void)
{
  g_autoptr(MeasuresMeasure) measure =
    load_one ("{\"country\": \"Romania\", \"region\": \"Europe\", \"year\": 2018,"
              " \"types\": \"Violence against women > Legislation\","
              " \"forms\": [\"Trafficking\", \"Child, early and forced marriage\", \"Trafficking\"],"
              " \"title\": {\"en\": \"Law\", \"ro\": \"Lege\"},"
              " \"description\": \"Text\", \"source\": {\"en\": \"Src\"},"
              " \"more_info\": \"More\", \"url\": \"https://example.org/a\"}");
  const char * const *types = measures_measure_get_types (measure);
  const char * const *forms = measures_measure_get_forms (measure);
  const char *ro[] = { "ro", NULL };

  g_assert_cmpstr (measures_measure_get_country (measure), ==, "Romania");
  g_assert_cmpstr (measures_measure_get_region (measure), ==, "Europe");
  g_assert_cmpuint (g_strv_length ((char **) types), ==, 1);
  g_assert_cmpstr (types[0], ==, "Violence against women > Legislation");
  /* A value given twice is kept once. */
  g_assert_cmpuint (g_strv_length ((char **) forms), ==, 2);
  g_assert_cmpstr (forms[1], ==, "Child, early and forced marriage");
  g_assert_cmpstr (measures_measure_resolve_title (measure, ro), ==, "Lege");
  g_assert_cmpstr (measures_measure_resolve_title (measure, NULL), ==, "Law");
  g_assert_cmpstr (measures_localized_resolve (measures_measure_get_description (measure), ro, NULL),
                   ==, "Text");
  g_assert_cmpstr (measures_localized_resolve (measures_measure_get_source (measure), ro, NULL),
                   ==, "Src");
  g_assert_cmpstr (measures_measure_get_url (measure), ==, "https://example.org/a");
  /* The id comes from the address when the record has none. */
  g_assert_cmpstr (measures_measure_get_id (measure), ==, "https://example.org/a");
}

static void
test_derived_id (void)
{
  g_autoptr(MeasuresMeasure) measure =
    load_one ("{\"country\": \"Republic of Moldova\", \"year\": \"2010 - 2015\","
              " \"title\": \"National Programme on Gender Equality, 2010–2015\"}");
  g_autoptr(MeasuresMeasure) no_year =
    load_one ("{\"country\": \"România\", \"title\": {\"ro\": \"Lege nouă\"}}");

  g_assert_cmpstr (measures_measure_get_id (measure), ==,
                   "republic-of-moldova/2010/national-programme-on-gender-equality-2010-2015");
  g_assert_cmpstr (measures_measure_get_id (no_year), ==, "romania/na/lege-noua");
}

static void
test_missing_country (void)
{
  g_autoptr(MeasuresDataset) dataset =
    load_string ("{\"format\": \"measures-1\", \"measures\": ["
                 "{\"country\": \"Romania\"},"
                 "{\"country\": \"Romania\"},"
                 "{\"id\": \"no-country\", \"title\": \"Orphan\"},"
                 "{\"country\": \"Republic of Moldova\"}]}");
  const MeasuresProblem *problem = only_problem (dataset);
  g_autofree char *text = measures_problem_to_string (problem);

  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 3);
  g_assert_cmpuint (problem->index, ==, 3);
  g_assert_cmpstr (problem->id, ==, "no-country");
  /* The line and column where the record starts. */
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpuint (problem->column, ==, 85);
  g_assert_cmpstr (text, ==, "test.json:1:85: record 3 (“no-country”): “country” is missing");
}

static void
test_wrong_types (void)
{
  const struct {
    const char *record;
    const char *message;
  } cases[] = {
    { "{\"country\": 7}", "“country” must be a text" },
    { "{\"country\": \"\"}", "“country” is missing" },
    { "{\"country\": \"X\", \"types\": 3}", "“types” must be a text or a list of texts" },
    { "{\"country\": \"X\", \"forms\": [\"a\", 1]}", "“forms” must be a text or a list of texts" },
    { "{\"country\": \"X\", \"title\": [\"a\"]}",
      "“title”: expected a text or an object of texts by language" },
    { "{\"country\": \"X\", \"description\": {\"en\": 1}}",
      "“description”: the text for language “en” is not a string" },
    { "{\"country\": \"X\", \"url\": {}}", "“url” must be a text" },
    { "\"just text\"", "a record must be an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("[{\"country\": \"ok\"}, %s]", cases[i].record);
      g_autoptr(MeasuresDataset) dataset = load_string (json);
      const MeasuresProblem *problem = only_problem (dataset);

      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 1);
      g_assert_cmpuint (problem->index, ==, 2);
      g_assert_cmpstr (problem->message, ==, cases[i].message);
    }
}

static void
test_whole_file_errors (void)
{
  const struct {
    const char *json;
    const char *message_start;
  } cases[] = {
    /* Bytes of no length hold no data at all: NULL. */
    { "", "the file is empty" },
    { "   ", "the file is empty" },
    { "[{\"country\": \"X\"", "not valid JSON at line 1, column 16: " },
    { "42", "the file must hold a list of measures" },
    { "{\"records\": []}", "the file must hold a list of measures" },
    { "{\"format\": \"measures-2\", \"measures\": []}", "the file is in a format other than “measures-1”" },
    { "{\"measures\": {}}", "the file must hold a list of measures" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresDataset) dataset = load_string (cases[i].json);
      const GError *error = measures_dataset_get_error (dataset);

      g_test_message ("file “%s”", cases[i].json);
      g_assert_nonnull (error);
      g_assert_true (error->domain == MEASURES_ERROR);
      g_assert_cmpint (error->code, ==, MEASURES_ERROR_INVALID_JSON);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message_start));
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 0);
    }
}

/* A byte-order mark before the JSON is skipped, and positions count
 * from after it. */
static void
test_byte_order_mark (void)
{
  g_autoptr(MeasuresDataset) bare = load_string ("\xEF\xBB\xBF[{\"country\": \"A\"}]");
  g_autoptr(MeasuresDataset) object = load_string ("\xEF\xBB\xBF{\"measures\": [{\"country\": \"A\"}, {\"country\": 5}]}");
  g_autoptr(MeasuresDataset) only = load_string ("\xEF\xBB\xBF \n");
  const MeasuresProblem *problem;

  g_assert_null (measures_dataset_get_error (bare));
  g_assert_cmpuint (measures_dataset_get_n_measures (bare), ==, 1);

  g_assert_null (measures_dataset_get_error (object));
  g_assert_cmpuint (measures_dataset_get_n_measures (object), ==, 1);
  problem = only_problem (object);
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpuint (problem->column, ==, 33);

  g_assert_cmpstr (measures_dataset_get_error (only)->message, ==, "the file is empty");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("[{\"country\": \"X\", \"deep\": ");
  g_autoptr(MeasuresDataset) dataset = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, ']');
  g_string_append (json, "}]");

  dataset = load_string (json->str);
  g_assert_nonnull (measures_dataset_get_error (dataset));
  g_assert_nonnull (strstr (measures_dataset_get_error (dataset)->message, "nested"));

  /* Brackets inside strings are text, not nesting. */
  {
    g_autoptr(GString) text = g_string_new ("[{\"country\": \"");
    g_autoptr(MeasuresDataset) fine = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (text, "[{\\\"");
    g_string_append (text, "\"}]");
    fine = load_string (text->str);
    g_assert_null (measures_dataset_get_error (fine));
    g_assert_cmpuint (measures_dataset_get_n_measures (fine), ==, 1);
  }
}

static void
test_unknown_keys_round_trip (void)
{
  const char *json =
    "{\"format\": \"measures-1\", \"measures\": [{"
    "\"country\": \"Romania\", \"id\": \"x\","
    " \"notes\": {\"reviewed\": true, \"by\": [\"A\", \"B\"]},"
    " \"priority\": 3, \"tags\": null}]}";
  g_autoptr(MeasuresDataset) first = load_string (json);
  g_autofree char *written = measures_measure_list_to_json (measures_dataset_get_measures (first), NULL);
  g_autoptr(MeasuresDataset) second = load_string (written);
  g_autofree char *rewritten = measures_measure_list_to_json (measures_dataset_get_measures (second), NULL);
  g_autoptr(JsonNode) node = json_from_string (written, NULL);
  JsonObject *record;

  g_assert_cmpstr (written, ==, rewritten);

  record = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "measures"), 0);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (record, "notes"), "reviewed"));
  g_assert_cmpint (json_object_get_int_member (record, "priority"), ==, 3);
  g_assert_true (json_object_has_member (record, "tags"));
  g_assert_true (json_node_is_null (json_object_get_member (record, "tags")));
}

/* The classification of a record is kept, in its languages, with the
 * unknown keys after it. */
static void
test_classification_round_trip (void)
{
  const char *json =
    "[{\"country\": \"Romania\", \"id\": \"x\", \"x-reviewer\": \"A\","
    " \"classification\": {\"en\": \"Chosen by hand\", \"ro\": \"Alese de mână\"}}]";
  g_autoptr(MeasuresDataset) first = load_string (json);
  MeasuresMeasure *measure = g_ptr_array_index (measures_dataset_get_measures (first), 0);
  g_autofree char *written = measures_measure_list_to_json (measures_dataset_get_measures (first), NULL);
  g_autoptr(MeasuresDataset) second = load_string (written);
  g_autofree char *rewritten = measures_measure_list_to_json (measures_dataset_get_measures (second), NULL);
  g_autoptr(MeasuresDataset) bad = load_string ("[{\"country\": \"Romania\", \"classification\": 3}]");

  g_assert_cmpstr (measures_localized_get_exact (measures_measure_get_classification (measure), "ro"), ==,
                   "Alese de mână");
  /* A known key, not an unknown one kept aside. */
  g_assert_true (measures_measure_get_extra (measure) != NULL);
  g_assert_false (json_object_has_member (measures_measure_get_extra (measure), "classification"));
  g_assert_cmpstr (written, ==, rewritten);
  g_assert_nonnull (strstr (written, "\"classification\" : {"));
  g_assert_true (strstr (written, "\"classification\"") < strstr (written, "\"x-reviewer\""));
  g_assert_cmpuint (measures_dataset_get_n_measures (bad), ==, 0);
  g_assert_cmpuint (measures_dataset_get_problems (bad)->len, ==, 1);
}

static char *
bundled_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
}

static void
test_bundled (void)
{
  static const char * const expected_ids[] = {
    "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022",
    "romania-2018-national-strategy-on-promoting-gender-equality-and-preventing-domestic-violence-2018-2021",
    "romania-2018-law-no-174-2018-on-domestic-violence",
    "romania-2021-educational-programme-and-campaign-against-trafficking",
    "republic-of-moldova-2009-data-collection-on-domestic-violence",
    "republic-of-moldova-2010-national-programme-on-gender-equality-insurance-2010-2015",
    "republic-of-moldova-2009-trainings-of-the-judiciary-on-domestic-violence",
    "republic-of-moldova-2010-psychological-services-for-perpetrators",
    "romania-2018-national-action-plan-2018-2020-for-implementing-the-national-strategy-against-trafficking-in-persons-2018-2022",
    "romania-2021-national-action-plan-2021-2022-for-implementing-the-national-strategy-against-trafficking-in-persons-2018-2022",
    "romania-2024-national-strategy-against-trafficking-in-persons-2024-2028",
  };
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  GPtrArray *measures = measures_dataset_get_measures (dataset);
  const char *en[] = { "en", NULL };
  const char *ro[] = { "ro", NULL };
  MeasuresMeasure *seed;
  const char *lang;

  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) regions = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);

  /* The eleven records of the project's facts and ours come first, as
   * tests/data/eleven.json has them; the Global Database corpus follows. */
  g_assert_cmpuint (measures->len, >=, 100);
  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    g_assert_cmpstr (measures_measure_get_id (g_ptr_array_index (measures, i)), ==, expected_ids[i]);

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      const MeasuresCountry *country = measures_countries_find (measures_measure_get_country (measure));

      g_assert_nonnull (country);
      g_hash_table_add (countries, (gpointer) country->alpha_2);
      g_hash_table_add (regions, (gpointer) measures_measure_get_region (measure));
    }
  g_assert_cmpuint (g_hash_table_size (countries), >=, 50);
  g_assert_cmpuint (g_hash_table_size (regions), ==, 5);

  seed = g_ptr_array_index (measures, 0);
  g_assert_cmpstr (measures_measure_resolve_title (seed, en), ==,
                   "National Strategy Against Trafficking in Persons 2018-2022");
  g_assert_cmpstr (measures_measure_get_country (seed), ==, "Romania");
  g_assert_cmpint (measures_measure_get_year_from (seed), ==, 2019);
  g_assert_cmpint (measures_measure_get_year_to (seed), ==, 2022);
  g_assert_cmpstr (measures_measure_get_types (seed)[0], ==,
                   "Policies > National strategy specific to violence against women");
  g_assert_cmpstr (measures_measure_get_forms (seed)[0], ==, "Trafficking");
  g_assert_true (g_str_has_prefix (measures_localized_resolve (measures_measure_get_description (seed), ro, &lang),
                                   "Noua Strategie"));
  g_assert_cmpstr (lang, ==, "ro");
}

/* Every bundled record is complete: a Global Database record cites its
 * page, whose address files it under the region of its country; one of
 * ours cites its legal text and says where its classification comes
 * from. Each has a source text, titles and descriptions in English and
 * Romanian, a type and a form, and a year unless its page has none. */
static void
test_bundled_complete (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  GPtrArray *measures = measures_dataset_get_measures (dataset);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint from_database = 0;

  g_assert_cmpuint (measures->len, >=, 100);
  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      const char *id = measures_measure_get_id (measure);
      const char *url = measures_measure_get_url (measure);
      const char *region = measures_measure_get_region (measure);
      g_autofree char *address_region = NULL;
      g_autofree char *address_year = NULL;
      g_autoptr(GUri) uri = NULL;

      g_test_message ("%s", id);
      g_assert_true (g_hash_table_add (ids, (gpointer) id));

      g_assert_nonnull (url);
      if (measures_importer_parse_address (url, &address_region, &address_year, NULL))
        {
          g_assert_null (measures_measure_get_classification (measure));
          g_assert_cmpstr (region, ==, address_region);
          g_assert_cmpstr (region, ==, measures_vocabulary_region_of (measures_measure_get_country (measure)));
          if (address_year != NULL)
            g_assert_cmpint (measures_measure_get_year_from (measure), !=, MEASURES_YEAR_NONE);
          from_database++;
        }
      else
        {
          /* A legal text, on an official or a legal portal. */
          uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
          g_assert_nonnull (uri);
          g_assert_true (g_str_equal (g_uri_get_scheme (uri), "https") || g_str_equal (g_uri_get_scheme (uri), "http"));
          g_assert_nonnull (measures_localized_get_exact (measures_measure_get_classification (measure), "en"));
          g_assert_nonnull (measures_localized_get_exact (measures_measure_get_classification (measure), "ro"));
          g_assert_cmpint (measures_measure_get_year_from (measure), !=, MEASURES_YEAR_NONE);
        }

      g_assert_nonnull (measures_localized_get_exact (measures_measure_get_source (measure), "en"));
      g_assert_nonnull (measures_localized_get_exact (measures_measure_get_title (measure), "en"));
      g_assert_nonnull (measures_localized_get_exact (measures_measure_get_title (measure), "ro"));
      g_assert_nonnull (measures_localized_get_exact (measures_measure_get_description (measure), "en"));
      g_assert_nonnull (measures_localized_get_exact (measures_measure_get_description (measure), "ro"));
      g_assert_false (measures_measure_get_title_derived (measure));
      g_assert_nonnull (measures_measure_get_types (measure)[0]);
      g_assert_nonnull (measures_measure_get_forms (measure)[0]);
    }
  g_assert_cmpuint (from_database, >=, 100);
}

/* A bundled record that is no Global Database record says so, in both
 * languages, and links its legal text; the Romanian laws and decisions
 * have their official titles. */
static void
test_bundled_classification (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  GPtrArray *measures = measures_dataset_get_measures (dataset);
  guint ours = 0;

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      MeasuresLocalized *classification = measures_measure_get_classification (measure);
      const char *url = measures_measure_get_url (measure);

      if (url != NULL && measures_importer_parse_address (url, NULL, NULL, NULL))
        {
          g_assert_null (classification);
          continue;
        }

      g_test_message ("%s", measures_measure_get_id (measure));
      g_assert_nonnull (url);
      g_assert_nonnull (classification);
      g_assert_nonnull (measures_localized_get_exact (classification, "en"));
      g_assert_nonnull (measures_localized_get_exact (classification, "ro"));
      ours++;
    }
  g_assert_cmpuint (ours, >=, 3);

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      const char *ro = measures_localized_get_exact (measures_measure_get_title (measure), "ro");
      const char *id = measures_measure_get_id (measure);

      if (g_str_equal (id, "romania-2018-law-no-174-2018-on-domestic-violence"))
        g_assert_cmpstr (ro, ==, "Legea nr. 174 din 13 iulie 2018 privind modificarea și completarea "
                         "Legii nr. 217/2003 pentru prevenirea și combaterea violenței în familie");
      else if (g_str_has_suffix (id, "preventing-domestic-violence-2018-2021"))
        g_assert_cmpstr (ro, ==, "Strategia națională privind promovarea egalității de șanse și de tratament "
                         "între femei și bărbați și prevenirea și combaterea violenței domestice "
                         "pentru perioada 2018–2021");
    }
}

/* The seed record keeps the text of ../shared/seed as given. */
static void
test_bundled_seed_text (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  MeasuresMeasure *seed = g_ptr_array_index (measures_dataset_get_measures (dataset), 0);
  const char *description = measures_localized_get_exact (measures_measure_get_description (seed), "en");
  g_autoptr(GPtrArray) blocks = measures_text_parse_blocks (description);
  const MeasuresBlock *first_item = g_ptr_array_index (blocks, 1);

  g_assert_true (g_str_has_prefix (description,
                                   "The new National Strategy Against Human Trafficking for the period 2018-2022"));
  g_assert_nonnull (strstr (description, "assiatance"));
  g_assert_cmpuint (blocks->len, ==, 12);
  g_assert_cmpint (first_item->kind, ==, MEASURES_BLOCK_LIST_ITEM);
  g_assert_cmpstr (first_item->text, ==, "To strengthen and diversify the measures to prevent trafficking in persons.");
  g_assert_cmpstr (measures_localized_get_exact (measures_measure_get_source (seed), "en"), ==,
                   "Romania's submission for National Review for Implementation of the Beijing "
                   "Platform for Action, Beijing+25, 2019, p.41");
}

static void
load_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  MeasuresCatalog **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = measures_loader_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/measures.json");
  GFile *files[2];
  g_autoptr(MeasuresCatalog) catalog = NULL;

  files[0] = g_file_new_for_path (path);
  files[1] = missing;

  measures_loader_load_async (files, 2, NULL, load_async_cb, &catalog);
  while (catalog == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (catalog->datasets->len, ==, 2);
  g_assert_cmpuint (measures_dataset_get_n_measures (g_ptr_array_index (catalog->datasets, 0)), ==, 11);
  g_assert_error ((GError *) measures_dataset_get_error (g_ptr_array_index (catalog->datasets, 1)),
                  MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);

  g_assert_cmpuint (catalog->measures->len, ==, 11);
  g_assert_cmpuint (measures_index_get_n_measures (catalog->index), ==, 11);
  g_assert_cmpuint (catalog->problems->len, ==, 1);
  g_assert_cmpstr (((MeasuresProblem *) g_ptr_array_index (catalog->problems, 0))->message, ==,
                   "the file does not exist");

  g_object_unref (files[0]);
}

typedef struct
{
  gboolean done;
  MeasuresCatalog *catalog;
  GError *error;
} CancelledResult;

static void
load_cancelled_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CancelledResult *out = user_data;

  out->catalog = measures_loader_load_finish (result, &out->error);
  out->done = TRUE;
}

static void
test_load_async_cancelled (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelledResult out = { 0 };

  g_cancellable_cancel (cancellable);
  measures_loader_load_async (&file, 1, cancellable, load_cancelled_cb, &out);
  while (!out.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (out.catalog);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&out.error);
}

static void
test_merge_duplicates (void)
{
  g_autoptr(MeasuresDataset) a = load_string ("[{\"id\": \"same\", \"country\": \"A\"}, {\"id\": \"other\", \"country\": \"B\"}]");
  g_autoptr(MeasuresDataset) b = load_string ("[{\"id\": \"same\", \"country\": \"C\"}]");
  g_autoptr(GPtrArray) datasets = g_ptr_array_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);
  g_autoptr(GPtrArray) merged = NULL;

  g_ptr_array_add (datasets, a);
  g_ptr_array_add (datasets, b);
  merged = measures_datasets_merge (datasets, problems);

  g_assert_cmpuint (merged->len, ==, 2);
  /* The later file wins, in the place of the earlier record. */
  g_assert_cmpstr (measures_measure_get_country (g_ptr_array_index (merged, 0)), ==, "C");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((MeasuresProblem *) g_ptr_array_index (problems, 0))->id, ==, "same");
}

/* Cancel stops a load inside one large file, while its records are
 * parsed, and no cache is written of what was not read whole. */
typedef struct
{
  gint progress;
  GCancellable *cancellable;
  gint seen;
} Watch;

static gpointer
cancel_while_parsing (gpointer data)
{
  Watch *watch = data;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  /* A tenth is reading the file; parsing comes after. */
  while (g_atomic_int_get (&watch->progress) <= 100 && g_get_monotonic_time () < deadline)
    g_usleep (200);
  g_atomic_int_set (&watch->seen, g_atomic_int_get (&watch->progress));
  g_cancellable_cancel (watch->cancellable);

  return NULL;
}

static void
test_cancel_inside_file (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"measures-1\", \"measures\": [");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) cache = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch watch = { 0, cancellable, 0 };
  MeasuresCatalog *catalog;
  GThread *thread;
  int fd;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s{\"id\": \"m%u\", \"country\": \"Romania\", \"year\": %u, "
                            "\"title\": {\"en\": \"Measure %u against trafficking\"}, "
                            "\"description\": {\"en\": \"What measure %u does, in a few words.\"}}",
                            i > 0 ? "," : "", i, 1990 + i % 30, i, i);
  g_string_append (json, "]}");
  fd = g_file_open_tmp ("measures-cancel-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  cache = measures_cache_get_file (file);

  thread = g_thread_new ("cancel", cancel_while_parsing, &watch);
  catalog = measures_loader_load_catalog_with_progress (&file, 1, cancellable, &watch.progress);
  g_thread_join (thread);

  g_test_message ("Cancelled at %d/1000, stopped at %d/1000", watch.seen, g_atomic_int_get (&watch.progress));
  g_assert_null (catalog);
  g_assert_cmpint (watch.seen, <, 900);
  /* It stopped while parsing, not at the end of the file. */
  g_assert_cmpint (g_atomic_int_get (&watch.progress), <, 900);
  g_assert_false (g_file_query_exists (cache, NULL));

  g_unlink (path);
}

/* A mapped file that another program cuts short: what lay past its new
 * end reads as zeros, and the mapping says so, instead of SIGBUS stopping
 * the process. */
static void
test_mapped_cut_short (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = g_malloc (1024 * 1024);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) whole = NULL;
  const guchar *data;
  gboolean mapped;
  guint64 sum = 0;
  gsize size;
  int fd;

  memset (contents, 'x', 1024 * 1024);
  fd = g_file_open_tmp ("measures-cut-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, 1024 * 1024, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  bytes = measures_file_map (file, G_MAXUINT64, NULL, &mapped, &error);
  g_assert_no_error (error);
  g_assert_true (mapped);
  g_assert_true (measures_file_map_is_unchanged (bytes));
  g_assert_cmpint (truncate (path, 4096), ==, 0);

  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, ==, 1024 * 1024);
  for (gsize i = 0; i < size; i++)
    sum += data[i];
  g_assert_cmpuint (sum, ==, (guint64) 'x' * 4096);
  g_assert_false (measures_file_map_is_unchanged (bytes));

  /* Another mapping of the same file is whole. */
  whole = measures_file_map (file, G_MAXUINT64, NULL, &mapped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (whole), ==, 4096);
  g_assert_true (measures_file_map_is_unchanged (whole));

  g_unlink (path);
}

/* A large dataset cut short by another program while its records are
 * read: a clear error naming the file, or, if the load was done first, a
 * good load; never a crash. */
typedef struct
{
  gint progress;
  const char *path;
  gsize size;
  gint seen;
} Cutter;

static gpointer
cut_while_parsing (gpointer data)
{
  Cutter *cutter = data;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&cutter->progress) <= 100 && g_get_monotonic_time () < deadline)
    g_usleep (100);
  g_atomic_int_set (&cutter->seen, g_atomic_int_get (&cutter->progress));
  g_assert_cmpint (truncate (cutter->path, cutter->size / 3), ==, 0);

  return NULL;
}

static void
test_cut_short_while_loading (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"measures-1\", \"measures\": [");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresCatalog) catalog = NULL;
  Cutter cutter = { 0, };
  GThread *thread;
  int fd;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (json, "%s{\"id\": \"m%u\", \"country\": \"Romania\", \"year\": %u, "
                            "\"title\": {\"en\": \"Measure %u against trafficking\"}, "
                            "\"description\": {\"en\": \"What measure %u does, in a few words.\"}}",
                            i > 0 ? "," : "", i, 1990 + i % 30, i, i);
  g_string_append (json, "]}");
  fd = g_file_open_tmp ("measures-cut-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, json->str, json->len, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  base = g_path_get_basename (path);

  cutter.path = path;
  cutter.size = json->len;
  thread = g_thread_new ("cut", cut_while_parsing, &cutter);
  catalog = measures_loader_load_catalog_with_progress (&file, 1, NULL, &cutter.progress);
  g_thread_join (thread);

  g_test_message ("Cut short at %d/1000: %u measures, %u problems", cutter.seen,
                  catalog->measures->len, catalog->problems->len);
  g_assert_nonnull (catalog);
  if (catalog->problems->len == 0)
    g_assert_cmpuint (catalog->measures->len, ==, 200000);
  else
    {
      g_autofree char *message = measures_problem_to_string (g_ptr_array_index (catalog->problems, 0));

      g_test_message ("%s", message);
      g_assert_cmpuint (catalog->problems->len, ==, 1);
      g_assert_cmpuint (catalog->measures->len, ==, 0);
      g_assert_nonnull (strstr (message, base));
      g_assert_nonnull (strstr (message, "another program changed or cut short the file while it was read"));
    }

  /* A good load wrote a cache. */
  {
    g_autoptr(GFile) cache = measures_cache_get_file (file);

    g_file_delete (cache, NULL, NULL);
  }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/year/shapes", test_year_shapes);
  g_test_add_func ("/loader/year/bad", test_year_bad);
  g_test_add_func ("/loader/year/written-as-object", test_year_written_as_object);
  g_test_add_func ("/loader/fields", test_fields);
  g_test_add_func ("/loader/derived-id", test_derived_id);
  g_test_add_func ("/loader/missing-country", test_missing_country);
  g_test_add_func ("/loader/wrong-types", test_wrong_types);
  g_test_add_func ("/loader/whole-file-errors", test_whole_file_errors);
  g_test_add_func ("/loader/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/loader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/loader/unknown-keys-round-trip", test_unknown_keys_round_trip);
  g_test_add_func ("/loader/classification-round-trip", test_classification_round_trip);
  g_test_add_func ("/loader/bundled-classification", test_bundled_classification);
  g_test_add_func ("/loader/bundled", test_bundled);
  g_test_add_func ("/loader/bundled-complete", test_bundled_complete);
  g_test_add_func ("/loader/bundled-seed-text", test_bundled_seed_text);
  g_test_add_func ("/loader/async", test_load_async);
  g_test_add_func ("/loader/async-cancelled", test_load_async_cancelled);
  g_test_add_func ("/loader/cancel-inside-file", test_cancel_inside_file);
  g_test_add_func ("/loader/merge-duplicates", test_merge_duplicates);
  g_test_add_func ("/loader/mapped-cut-short", test_mapped_cut_short);
  g_test_add_func ("/loader/cut-short-while-loading", test_cut_short_while_loading);

  return g_test_run ();
}
