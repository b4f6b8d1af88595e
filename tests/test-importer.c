/* test-importer.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "measures-importer.h"
#include "measures-loader.h"
#include "measures-vocabulary.h"

static MeasuresDataset *
load_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return measures_loader_load_file (file, NULL);
}

static MeasuresMeasure *
nth (MeasuresDataset *dataset,
     guint            i)
{
  return g_ptr_array_index (measures_dataset_get_measures (dataset), i);
}

static const char *
en (MeasuresLocalized *localized)
{
  return localized != NULL ? measures_localized_resolve (localized, NULL, NULL) : NULL;
}

/* Importing the seed file gives the fields of the bundled seed record. */
static void
test_seed (void)
{
  g_autoptr(MeasuresDataset) imported = load_data_file ("seed.txt");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresDataset) bundled = measures_loader_load_file (file, NULL);
  MeasuresMeasure *seed = nth (bundled, 0);
  MeasuresMeasure *measure;

  g_assert_null (measures_dataset_get_error (imported));
  g_assert_cmpuint (measures_dataset_get_problems (imported)->len, ==, 0);
  g_assert_cmpuint (measures_dataset_get_n_measures (imported), ==, 1);
  measure = nth (imported, 0);

  g_assert_cmpstr (measures_measure_get_country (measure), ==, measures_measure_get_country (seed));
  g_assert_cmpstr (measures_measure_get_region (measure), ==, measures_measure_get_region (seed));
  g_assert_cmpint (measures_measure_get_year_from (measure), ==, measures_measure_get_year_from (seed));
  g_assert_cmpint (measures_measure_get_year_to (measure), ==, measures_measure_get_year_to (seed));
  g_assert_true (g_strv_equal (measures_measure_get_types (measure), measures_measure_get_types (seed)));
  g_assert_true (g_strv_equal (measures_measure_get_forms (measure), measures_measure_get_forms (seed)));
  g_assert_cmpstr (en (measures_measure_get_description (measure)), ==,
                   measures_localized_get_exact (measures_measure_get_description (seed), "en"));
  g_assert_cmpstr (en (measures_measure_get_source (measure)), ==,
                   measures_localized_get_exact (measures_measure_get_source (seed), "en"));
  g_assert_cmpstr (en (measures_measure_get_more_info (measure)), ==,
                   measures_localized_get_exact (measures_measure_get_more_info (seed), "en"));

  /* The title is not in the text: it is derived, and marked so. */
  g_assert_true (measures_measure_get_title_derived (measure));
  g_assert_cmpstr (en (measures_measure_get_title (measure)), ==,
                   "The new National Strategy Against Human Trafficking for the period 2018-2022 represents…");
}

static char *
seed_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seed.txt", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  return text;
}

#define SEED_TITLE "National Strategy Against Trafficking in Persons 2018-2022"
#define SEED_ADDRESS "https://evaw-global-database.unwomen.org/en/countries/europe/romania/2018/" \
  "national-strategy-against-trafficking-in-persons-2018-2022"

/* The seed's text with its page heading above it: the heading is the
 * title, not one derived from the description. */
static void
test_seed_with_heading (void)
{
  g_autofree char *seed = seed_text ();
  g_autofree char *text = g_strconcat (SEED_TITLE "\n", seed, NULL);
  g_autoptr(MeasuresDataset) dataset = measures_importer_load_text (text, strlen (text), NULL, "heading.txt");
  MeasuresMeasure *measure;

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 1);
  measure = nth (dataset, 0);
  g_assert_cmpstr (en (measures_measure_get_title (measure)), ==, SEED_TITLE);
  g_assert_false (measures_measure_get_title_derived (measure));
  g_assert_cmpint (measures_measure_get_year_from (measure), ==, 2019);
}

/* A record that ends with its source, no closing line, then a page
 * copied whole: address, heading, record. The heading is the second
 * record's title, not a line of the first one's source; the address is
 * the second record's too, and its Year field wins over the address's. */
static void
test_heading_after_source (void)
{
  g_autofree char *seed = seed_text ();
  g_autofree char *text =
    g_strconcat ("Country Republic of Moldova\n"
                 "Year 2010\n"
                 "Type of Measure Justice > Training\n"
                 "Form of Violence Domestic violence/Intimate partner violence\n"
                 "Brief Description\n"
                 "A made-up training.\n"
                 "Source of Information\n"
                 "Response of the Government of the Republic of Moldova to the questionnaire on violence against women 2010\n"
                 "\n",
                 SEED_ADDRESS "\n",
                 SEED_TITLE "\n",
                 seed, NULL);
  g_autoptr(MeasuresDataset) dataset = measures_importer_load_text (text, strlen (text), NULL, "two.txt");
  MeasuresMeasure *first, *second;

  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 2);
  first = nth (dataset, 0);
  second = nth (dataset, 1);

  g_assert_cmpstr (en (measures_measure_get_source (first)), ==,
                   "Response of the Government of the Republic of Moldova to the questionnaire on violence against women 2010");
  g_assert_null (measures_measure_get_url (first));
  g_assert_true (measures_measure_get_title_derived (first));

  g_assert_cmpstr (en (measures_measure_get_title (second)), ==, SEED_TITLE);
  g_assert_false (measures_measure_get_title_derived (second));
  g_assert_cmpstr (measures_measure_get_url (second), ==, SEED_ADDRESS);
  g_assert_cmpint (measures_measure_get_year_from (second), ==, 2019);
  g_assert_cmpint (measures_measure_get_year_to (second), ==, 2022);
  g_assert_cmpstr (measures_measure_get_region (second), ==, "Europe");
}

/* Without a heading or fields that say, the address gives the region,
 * the year and, from its last part, a title marked as made. */
static void
test_address_fills_in (void)
{
  const char *text =
    "https://evaw-global-database.unwomen.org/fr/countries/europe/kosovo/2012/law-on-protection-against-domestic-violence\n"
    "Country Kosovo\n"
    "Type of Measure Violence against women > Legislation\n"
    "Form of Violence Domestic violence/Intimate partner violence\n"
    "Brief Description\n"
    "A made-up law, to test the importer.\n"
    "Country Atlantis\n"
    "Brief Description\n"
    "Nothing says where. Its title is made from this.\n"
    "https://example.org/not-a-record-page\n";
  g_autoptr(MeasuresDataset) dataset = measures_importer_load_text (text, strlen (text), NULL, "kosovo.txt");
  MeasuresMeasure *kosovo, *atlantis;

  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 2);
  kosovo = nth (dataset, 0);
  g_assert_cmpstr (measures_measure_get_region (kosovo), ==, "Europe");
  g_assert_cmpint (measures_measure_get_year_from (kosovo), ==, 2012);
  g_assert_cmpstr (en (measures_measure_get_title (kosovo)), ==, "Law on protection against domestic violence");
  g_assert_true (measures_measure_get_title_derived (kosovo));

  atlantis = nth (dataset, 1);
  g_assert_null (measures_measure_get_region (atlantis));
  g_assert_cmpint (measures_measure_get_year_from (atlantis), ==, MEASURES_YEAR_NONE);
  g_assert_cmpstr (en (measures_measure_get_title (atlantis)), ==, "Nothing says where");
  g_assert_cmpstr (measures_measure_get_url (atlantis), ==, "https://example.org/not-a-record-page");
}

static void
test_parse_address (void)
{
  g_autofree char *region = NULL;
  g_autofree char *year = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *title = NULL;
  g_autofree char *hotline = NULL;
  const char *not_records[] = {
    "https://evaw-global-database.unwomen.org/en/countries/europe/romania",
    "https://evaw-global-database.unwomen.org/en/countries/atlantis/romania/2018/x",
    "https://evaw-global-database.unwomen.org/en/countries/europe/romania/soon/x",
    "https://example.org/en/countries/europe/romania/2018/x",
    "ftp://evaw-global-database.unwomen.org/en/countries/europe/romania/2018/x",
    "not an address",
  };

  g_assert_true (measures_importer_parse_address (SEED_ADDRESS, &region, &year, &slug));
  g_assert_cmpstr (region, ==, "Europe");
  g_assert_cmpstr (year, ==, "2018");
  g_assert_cmpstr (slug, ==, "national-strategy-against-trafficking-in-persons-2018-2022");
  g_clear_pointer (&year, g_free);
  g_assert_true (measures_importer_parse_address ("https://evaw-global-database.unwomen.org/es/countries/americas/"
                                                  "colombia/na/publications/", NULL, &year, NULL));
  g_assert_null (year);

  for (guint i = 0; i < G_N_ELEMENTS (not_records); i++)
    g_assert_false (measures_importer_parse_address (not_records[i], NULL, NULL, NULL));

  title = measures_importer_title_from_slug (slug);
  g_assert_cmpstr (title, ==, "National strategy against trafficking in persons 2018-2022");
  hotline = measures_importer_title_from_slug ("domestic-violence-hotline---800-save");
  g_assert_cmpstr (hotline, ==, "Domestic violence hotline 800 save");
}

static void
test_several (void)
{
  g_autoptr(MeasuresDataset) dataset = load_data_file ("several.txt");
  MeasuresMeasure *moldova, *law, *kenya;
  const char *moldova_forms[] = { "Domestic violence/Intimate partner violence", "Trafficking",
                                  "Child, early and forced marriage", NULL };
  const char *kenya_types[] = { "Some new type > With a subtype", "Prevention > Awareness-raising /Campaigns", NULL };
  const char *kenya_forms[] = { "Harmful practices, including things never seen before", "Stalking", NULL };

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 3);

  /* A byte-order mark, CRLF and "Country:" with a colon. */
  moldova = nth (dataset, 0);
  g_assert_cmpstr (measures_measure_get_country (moldova), ==, "Republic of Moldova");
  g_assert_cmpint (measures_measure_get_year_from (moldova), ==, 2010);
  g_assert_cmpint (measures_measure_get_year_to (moldova), ==, 2015);
  g_assert_cmpuint (g_strv_length ((char **) measures_measure_get_types (moldova)), ==, 2);
  g_assert_true (g_strv_equal (measures_measure_get_forms (moldova), moldova_forms));
  g_assert_cmpstr (en (measures_measure_get_description (moldova)), ==,
                   "A made-up test programme for the importer. It has lettered items:\n"
                   "a) first lettered item;\nb) second lettered item.");
  g_assert_cmpstr (en (measures_measure_get_source (moldova)), ==, "Test source one");

  /* No Year line, a Title line, Full Text, a closing line and an address;
   * no blank line before the record. */
  law = nth (dataset, 1);
  g_assert_cmpint (measures_measure_get_year_from (law), ==, MEASURES_YEAR_NONE);
  g_assert_cmpstr (en (measures_measure_get_title (law)), ==, "A test law with a title line");
  g_assert_false (measures_measure_get_title_derived (law));
  g_assert_cmpstr (en (measures_measure_get_full_text (law)), ==, "The test law, as published");
  g_assert_cmpstr (en (measures_measure_get_more_info (law)), ==, "Please click here for more information.");
  g_assert_cmpstr (measures_measure_get_url (law), ==, "https://example.org/test-law");

  /* Values never seen before, commas included; French text kept. */
  kenya = nth (dataset, 2);
  g_assert_cmpstr (measures_measure_get_country (kenya), ==, "Kenya");
  /* Its region is the Global Database's, from the table of countries. */
  g_assert_cmpstr (measures_measure_get_region (kenya), ==, "Africa");
  g_assert_true (g_strv_equal (measures_measure_get_types (kenya), kenya_types));
  g_assert_true (g_strv_equal (measures_measure_get_forms (kenya), kenya_forms));
  g_assert_true (g_str_has_prefix (en (measures_measure_get_description (kenya)),
                                   "Une mesure de test écrite en français"));
}

static void
test_split_values (void)
{
  const struct {
    const char *line;
    int facet;
    const char *expected[5];
  } cases[] = {
    { "Child, early and forced marriage, Trafficking", MEASURES_FACET_FORM,
      { "Child, early and forced marriage", "Trafficking", NULL } },
    { "Trafficking,Child, early and forced marriage", MEASURES_FACET_FORM,
      { "Trafficking", "Child, early and forced marriage", NULL } },
    { "Administrative data > Health, Administrative data > Police, Administrative data > Social Services",
      MEASURES_FACET_TYPE,
      { "Administrative data > Health", "Administrative data > Police", "Administrative data > Social Services", NULL } },
    { "Perpetrators Programme", MEASURES_FACET_TYPE, { "Perpetrators Programme", NULL } },
    { "New form, with a comma, Stalking", MEASURES_FACET_FORM, { "New form, with a comma", "Stalking", NULL } },
    { " , ", MEASURES_FACET_FORM, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) values = measures_importer_split_values (cases[i].line, cases[i].facet);

      g_test_message ("%s", cases[i].line);
      g_assert_true (g_strv_equal ((const char * const *) values, cases[i].expected));
    }
}

/* A line of thousands of commas, found by fuzzing to take minutes: runs
 * are bounded by the longest known value, so it is split at once (the
 * test's time limit would catch a return of the old cost). */
static void
test_split_many_commas (void)
{
  g_autoptr(GString) line = g_string_new ("Child, early and forced marriage");
  g_auto(GStrv) values = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append (line, i % 3 == 0 ? ",co" : ",");
  g_string_append (line, ",Trafficking");

  values = measures_importer_split_values (line->str, MEASURES_FACET_FORM);
  g_assert_cmpstr (values[0], ==, "Child, early and forced marriage");
  g_assert_cmpstr (values[1], ==, "co");
  g_assert_cmpuint (g_strv_length (values), ==, 1000 + 2);
  g_assert_cmpstr (values[1001], ==, "Trafficking");
  g_assert_cmpuint (measures_vocabulary_get_max_commas (MEASURES_FACET_FORM), >=, 1);
}

/* 20,000 records, 4 MB of lines: read line by line in linear time, which
 * under AddressSanitizer, where g_strsplit() was quadratic, took minutes. */
static void
test_many_lines (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MeasuresDataset) dataset = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text,
                            "Country Romania\n"
                            "Year 2019 - 2022\n"
                            "Type of Measure Policies > National strategy specific to violence against women\n"
                            "Form of Violence Trafficking\n"
                            "Brief Description\n"
                            "Measure number %u, with a paragraph of some length to read.\n"
                            "- a first item;\n"
                            "- a second item.\n"
                            "Source of Information\n"
                            "Source %u\n"
                            "https://example.org/measure/%u\n\n",
                            i, i, i);
  g_assert_cmpuint (text->len, >, 4 * 1000 * 1000);

  dataset = measures_importer_load_text (text->str, text->len, NULL, "many.txt");
  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 20000);
}

/* Lines ended by “\r” alone read as lines, as “\n” and “\r\n” do. */
static void
test_line_ends (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "several.txt", NULL);
  g_autofree char *crlf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  const char *ends[] = { "\r\n", "\r" };

  /* The file has CRLF line ends: made LF first. */
  g_assert_true (g_file_get_contents (path, &crlf, NULL, NULL));
  {
    g_auto(GStrv) lines = g_strsplit (crlf, "\r\n", -1);

    text = g_strjoinv ("\n", lines);
  }
  {
    g_autoptr(MeasuresDataset) dataset = measures_importer_load_text (text, strlen (text), NULL, "lf.txt");

    g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 3);
    expected = measures_measure_list_to_json (measures_dataset_get_measures (dataset), NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *other = g_strjoinv (ends[i], lines);
      g_autoptr(MeasuresDataset) dataset = measures_importer_load_text (other, strlen (other), NULL, "other.txt");
      g_autofree char *json = measures_measure_list_to_json (measures_dataset_get_measures (dataset), NULL);

      g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);
      g_assert_cmpstr (json, ==, expected);
    }

  /* Through the loader, as a file is read. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_autofree char *cr = g_strjoinv ("\r", lines);
    g_autoptr(GBytes) bytes = g_bytes_new (cr, strlen (cr));
    g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "cr.txt");

    g_assert_null (measures_dataset_get_error (dataset));
    g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 3);
    g_assert_cmpstr (measures_measure_get_country (nth (dataset, 0)), ==, "Republic of Moldova");
  }

  /* Lines are counted whatever ends them. */
  {
    const char *mixed = "Country Romania\r\rCountry\r\nCountry Kenya\n";
    g_autoptr(MeasuresDataset) dataset = measures_importer_load_text (mixed, strlen (mixed), NULL, "mixed.txt");
    const MeasuresProblem *problem;

    g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 2);
    g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 1);
    problem = g_ptr_array_index (measures_dataset_get_problems (dataset), 0);
    g_assert_cmpuint (problem->index, ==, 2);
    g_assert_cmpuint (problem->line, ==, 3);
  }
}

static void
test_derive_title (void)
{
  g_autofree char *short_title = measures_importer_derive_title ("A short law. It does things.");
  g_autofree char *colon = measures_importer_derive_title ("\n\nObjectives of the plan: many");
  g_autofree char *abbrev = measures_importer_derive_title ("Law No.174/2018 on domestic violence.");
  g_autofree char *none = measures_importer_derive_title ("  \n ");

  g_assert_cmpstr (short_title, ==, "A short law");
  g_assert_cmpstr (colon, ==, "Objectives of the plan");
  g_assert_cmpstr (abbrev, ==, "Law No.174/2018 on domestic violence");
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/importer/seed", test_seed);
  g_test_add_func ("/importer/seed-with-heading", test_seed_with_heading);
  g_test_add_func ("/importer/heading-after-source", test_heading_after_source);
  g_test_add_func ("/importer/address-fills-in", test_address_fills_in);
  g_test_add_func ("/importer/parse-address", test_parse_address);
  g_test_add_func ("/importer/several", test_several);
  g_test_add_func ("/importer/split-values", test_split_values);
  g_test_add_func ("/importer/split-many-commas", test_split_many_commas);
  g_test_add_func ("/importer/derive-title", test_derive_title);
  g_test_add_func ("/importer/many-lines", test_many_lines);
  g_test_add_func ("/importer/line-ends", test_line_ends);

  return g_test_run ();
}
