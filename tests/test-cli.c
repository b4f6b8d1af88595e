/* test-cli.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "measures-cli.h"
#include "measures-error.h"
#include "measures-resolver.h"
#include "measures-text.h"
#include "measures-translations.h"

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
bundled_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);

  return g_file_new_for_path (path);
}

/* The first eleven bundled records: the figures below are theirs. */
static GFile *
eleven_file (void)
{
  return data_file ("eleven.json");
}

static void
test_count_bundled (void)
{
  g_autoptr(GFile) file = bundled_file ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (measures_cli_count (&file, 1, NULL, out, err), ==, MEASURES_EXIT_OK);
  g_assert_cmpstr (out->str, ==, "115\n");
  g_assert_cmpstr (err->str, ==, "");
}

static void
test_count_partial (void)
{
  GFile *files[2] = { eleven_file (), data_file ("some-bad.json") };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *name = g_file_get_parse_name (files[1]);
  g_autofree char *expected = NULL;

  g_assert_cmpint (measures_cli_count (files, 2, NULL, out, err), ==, MEASURES_EXIT_PARTIAL);
  /* Eleven, and 2 good of 4 in the second file. */
  g_assert_cmpstr (out->str, ==, "13\n");

  expected = g_strdup_printf ("%s:5:5: record 2: “country” is missing\n"
                              "%s:7:5: record 4 (“bad-year”): “year” must look like “2018” or “2019 - 2022”\n",
                              name, name);
  g_assert_cmpstr (err->str, ==, expected);

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_count_failure (void)
{
  GFile *files[2] = { data_file ("does-not-exist.json"), data_file ("not-json.json") };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *missing = g_file_get_parse_name (files[0]);
  g_autofree char *expected = NULL;

  g_assert_cmpint (measures_cli_count (files, 2, NULL, out, err), ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (out->str, ==, "");
  expected = g_strdup_printf ("%s: the file does not exist\n", missing);
  g_assert_true (g_str_has_prefix (err->str, expected));
  g_assert_nonnull (strstr (err->str, "not-json.json: not valid JSON at line 2, column 0: "));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

static void
test_count_empty_dataset (void)
{
  g_autoptr(GFile) file = data_file ("empty-list.json");
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  /* An empty list is a valid dataset with no measures. */
  g_assert_cmpint (measures_cli_count (&file, 1, NULL, out, err), ==, MEASURES_EXIT_OK);
  g_assert_cmpstr (out->str, ==, "0\n");
}

/* An empty FILE would be the current folder: refused, with a message. */
static void
test_file_names (void)
{
  const char *good[] = { "a.json", ".", "-", NULL };
  const char *empty[] = { "a.json", "", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (measures_cli_check_file_names (NULL, &error));
  g_assert_true (measures_cli_check_file_names (good, &error));
  g_assert_no_error (error);
  g_assert_false (measures_cli_check_file_names (empty, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==, "a file name is empty; give a file or a folder, or “.” for the current folder");
}

static void
test_parse_years (void)
{
  const struct {
    const char *text;
    gboolean ok;
    int from, to;
  } cases[] = {
    { "2018", TRUE, 2018, 2018 },
    { "2018-2022", TRUE, 2018, 2022 },
    { "2018-", TRUE, 2018, MEASURES_YEAR_NONE },
    { "-2010", TRUE, MEASURES_YEAR_NONE, 2010 },
    { "2022-2018", FALSE, 0, 0 },
    { "-", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "soon", FALSE, 0, 0 },
    { "--2010", FALSE, 0, 0 },
    { "-2010-2012", FALSE, 0, 0 },
    { "99999999999", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      int from = -1, to = -1;
      gboolean ok = measures_cli_parse_years (cases[i].text, &from, &to, &error);

      g_test_message ("--year=%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (from, ==, cases[i].from);
          g_assert_cmpint (to, ==, cases[i].to);
        }
      else
        g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    }
}

static void
test_count_filters (void)
{
  g_autoptr(GFile) file = eleven_file ();
  const struct {
    const char *countries[3];
    const char *regions[2];
    const char *types[2];
    const char *forms[2];
    const char *years;
    const char *search;
    const char *expected;
  } cases[] = {
    { { NULL }, { NULL }, { NULL }, { NULL }, NULL, NULL, "11\n" },
    { { "Romania", NULL }, { NULL }, { NULL }, { NULL }, NULL, NULL, "7\n" },
    { { "romania", NULL }, { NULL }, { NULL }, { "TRAFFICKING", NULL }, NULL, NULL, "5\n" },
    { { "Romania", "Republic of Moldova", NULL }, { NULL }, { NULL }, { NULL }, NULL, NULL, "11\n" },
    { { NULL }, { "Europe", NULL }, { "Policies", NULL }, { NULL }, NULL, NULL, "6\n" },
    { { NULL }, { NULL }, { "Policies > National strategy specific to violence against women", NULL },
      { "Trafficking", NULL }, "2018-2022", NULL, "1\n" },
    { { NULL }, { NULL }, { NULL }, { NULL }, "2024-", NULL, "1\n" },
    { { NULL }, { NULL }, { NULL }, { NULL }, "-2010", NULL, "4\n" },
    { { NULL }, { NULL }, { NULL }, { NULL }, NULL, "strategie", "5\n" },
    { { NULL }, { NULL }, { NULL }, { NULL }, NULL, "ȘTIINȚĂ", "0\n" },
    { { "Romania", NULL }, { NULL }, { NULL }, { NULL }, NULL, "traficului persoane", "5\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresQuery) query =
        measures_cli_query_new (cases[i].countries, cases[i].regions, cases[i].types,
                                cases[i].forms, cases[i].years, cases[i].search, &error);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpint (measures_cli_count (&file, 1, query, out, err), ==, MEASURES_EXIT_OK);
      g_assert_cmpstr (out->str, ==, cases[i].expected);
    }
}

static guint
count (const char * const *countries,
       const char * const *regions,
       const char * const *types,
       const char * const *forms)
{
  g_autoptr(GFile) file = eleven_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresQuery) query = measures_cli_query_new (countries, regions, types, forms,
                                                           NULL, NULL, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (measures_cli_count (&file, 1, query, out, err), ==, MEASURES_EXIT_OK);
  g_assert_cmpstr (err->str, ==, "");

  return (guint) g_ascii_strtoull (out->str, NULL, 10);
}

static guint
count_one (MeasuresFacet  facet,
           const char    *value)
{
  const char *one[] = { value, NULL };

  g_test_message ("%s", value);

  return count (facet == MEASURES_FACET_COUNTRY ? one : NULL,
                facet == MEASURES_FACET_REGION ? one : NULL,
                facet == MEASURES_FACET_TYPE ? one : NULL,
                facet == MEASURES_FACET_FORM ? one : NULL);
}

/* The stored value, its English label and its Romanian label filter
 * alike, whatever their case and diacritics. */
static void
test_count_either_language (void)
{
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  const struct {
    MeasuresFacet facet;
    const char *value;
  } cases[] = {
    { MEASURES_FACET_COUNTRY, "Romania" },
    { MEASURES_FACET_COUNTRY, "Republic of Moldova" },
    { MEASURES_FACET_REGION, "Europe" },
    { MEASURES_FACET_FORM, "Trafficking" },
    { MEASURES_FACET_FORM, "Domestic violence/Intimate partner violence" },
    { MEASURES_FACET_TYPE, "Policies" },
    { MEASURES_FACET_TYPE, "Policies > National strategy specific to violence against women" },
    { MEASURES_FACET_TYPE, "Justice > Training" },
  };
  /* As the issue gives them. */
  const struct {
    MeasuresFacet facet;
    const char *typed;
    const char *value;
  } typed[] = {
    { MEASURES_FACET_COUNTRY, "România", "Romania" },
    { MEASURES_FACET_COUNTRY, "romania", "Romania" },
    { MEASURES_FACET_COUNTRY, "moldova", "Republic of Moldova" },
    { MEASURES_FACET_FORM, "Trafic de persoane", "Trafficking" },
    { MEASURES_FACET_FORM, "trafficking", "Trafficking" },
    { MEASURES_FACET_COUNTRY, "ROMÂNIA", "Romania" },
    /* The first words of a label, when they name one value. */
    { MEASURES_FACET_FORM, "trafic", "Trafficking" },
    { MEASURES_FACET_FORM, "TRAFIC", "Trafficking" },
    /* A subcategory alone stands for the types with it. */
    { MEASURES_FACET_TYPE, "Training", "Justice > Training" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = measures_vocabulary_label_in (ro, cases[i].facet, cases[i].value);
      g_autofree char *plain = measures_fold (label);
      guint expected = count_one (cases[i].facet, cases[i].value);

      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpstr (label, !=, cases[i].value);
      g_assert_cmpuint (count_one (cases[i].facet, label), ==, expected);
      g_assert_cmpuint (count_one (cases[i].facet, plain), ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_cmpuint (count_one (typed[i].facet, typed[i].typed), ==, count_one (typed[i].facet, typed[i].value));

  /* A country Measures knows by any of its names counts, even with no
   * measure of its own. */
  g_assert_cmpuint (count_one (MEASURES_FACET_COUNTRY, "turkiye"), ==, 0);
}

/* A value that names nothing is an error naming the closest values. */
static void
test_count_unknown_value (void)
{
  g_autoptr(GFile) file = eleven_file ();
  const struct {
    const char *option[2];
    MeasuresFacet facet;
    const char *message;
  } cases[] = {
    { { "Atlantis", NULL }, MEASURES_FACET_COUNTRY,
      "measures: no known country is called “Atlantis”; the closest are: " },
    { { "Europaa", NULL }, MEASURES_FACET_REGION,
      "measures: no known region is called “Europaa”; the closest are: Europe, " },
    { { "Trafic de persoanee", NULL }, MEASURES_FACET_FORM,
      "measures: no known form of violence is called “Trafic de persoanee”; the closest are: Trafficking, " },
    { { "Politics > Nothing", NULL }, MEASURES_FACET_TYPE,
      "measures: no known type of measure is called “Politics > Nothing”; the closest are: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresQuery) query = measures_query_new ();
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);

      measures_query_set_values (query, cases[i].facet, cases[i].option);
      g_assert_cmpint (measures_cli_count (&file, 1, query, out, err), ==, MEASURES_EXIT_FAILURE);
      g_test_message ("%s", err->str);
      g_assert_true (g_str_has_prefix (err->str, cases[i].message));
      /* Three values, on one line. */
      g_assert_cmpuint (strlen (strrchr (err->str, ':')), >, 3);
      g_assert_true (g_str_has_suffix (err->str, "\n"));
      g_assert_cmpstr (out->str, ==, "");
    }
}

static void
test_resolve_value (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *turkey = measures_resolve_value (MEASURES_FACET_COUNTRY, "turkiye", NULL, &error);
  g_autofree char *macedonia = measures_resolve_value (MEASURES_FACET_COUNTRY, "Macedonia de Nord", NULL, &error);
  g_autofree char *form = measures_resolve_value (MEASURES_FACET_FORM, "TRAFIC DE PERSOANE", NULL, &error);
  g_autofree char *first_words = measures_resolve_value (MEASURES_FACET_FORM, "trafic", NULL, &error);
  g_autofree char *romania = measures_resolve_value (MEASURES_FACET_COUNTRY, "România", NULL, &error);
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  g_autofree char *training = measures_vocabulary_label_in (ro, MEASURES_FACET_TYPE, "Justice > Training");
  g_autofree char *americas = measures_vocabulary_label_in (ro, MEASURES_FACET_REGION, "Americas");
  g_autofree char *type = measures_resolve_value (MEASURES_FACET_TYPE, training, NULL, &error);
  g_autofree char *region = measures_resolve_value (MEASURES_FACET_REGION, americas, NULL, &error);
  g_autofree char *unknown = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (turkey, ==, "Türkiye");
  g_assert_cmpstr (macedonia, ==, "North Macedonia");
  g_assert_cmpstr (form, ==, "Trafficking");
  g_assert_cmpstr (first_words, ==, "Trafficking");
  g_assert_cmpstr (romania, ==, "Romania");
  g_assert_cmpstr (type, ==, "Justice > Training");
  g_assert_cmpstr (region, ==, "Americas");
  g_assert_cmpstr (training, !=, "Justice > Training");

  unknown = measures_resolve_value (MEASURES_FACET_COUNTRY, "Romaniaa", NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "no known country is called “Romaniaa”; the closest are: Romania, "));
  g_clear_error (&error);

  /* First words that several values start with name none of them. */
  g_clear_pointer (&unknown, g_free);
  unknown = measures_resolve_value (MEASURES_FACET_FORM, "sexual", NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNKNOWN_VALUE);
}

static void
test_bad_options (void)
{
  const char *blank[] = { "  ", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresQuery) query = NULL;

  query = measures_cli_query_new (blank, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (query);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_assert_cmpstr (error->message, ==, "--country needs a value in UTF-8 text");
  g_clear_error (&error);

  query = measures_cli_query_new (NULL, NULL, NULL, NULL, "2020-2010", NULL, &error);
  g_assert_null (query);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

static void
test_export_chart (void)
{
  g_autoptr(GFile) file = eleven_file ();
  g_autofree char *dir = g_dir_make_tmp ("measures-cli-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "overview.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "overview.svg", NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *moldova[] = { "Republic of Moldova", NULL };
  g_autoptr(GBytes) out = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (measures_cli_is_chart_export (png, NULL));
  g_assert_true (measures_cli_is_chart_export ("-", "svg"));
  g_assert_false (measures_cli_is_chart_export ("x.pdf", NULL));
  g_assert_false (measures_cli_is_chart_export ("x.png", "pdf"));

  g_assert_cmpint (measures_cli_export_chart (&file, 1, NULL, png, NULL, "timeline", 2, NULL, err), ==,
                   MEASURES_EXIT_OK);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  /* Width 800 at scale 2, in the IHDR chunk. */
  g_assert_cmpuint ((guint8) contents[18] << 8 | (guint8) contents[19], ==, 1600);
  g_assert_cmpuint ((guint8) contents[16] | (guint8) contents[17], ==, 0);

  /* Filters choose what the chart shows. */
  measures_query_set_places (query, moldova, NULL);
  g_assert_cmpint (measures_cli_export_chart (&file, 1, query, svg, NULL, "forms", 1, NULL, err), ==,
                   MEASURES_EXIT_OK);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, ">Domestic violence/Intimate partner violence</text>"));
  g_assert_nonnull (strstr (contents, ">4</text>"));

  g_assert_cmpint (measures_cli_export_chart (&file, 1, NULL, "-", "svg", NULL, 1, &out, err), ==,
                   MEASURES_EXIT_OK);
  g_assert_nonnull (out);
  g_assert_nonnull (strstr (g_bytes_get_data (out, NULL), "<title id=\"title\">Measures in Force per Year</title>"));

  /* Mistakes, before anything is loaded or written. */
  g_assert_cmpint (measures_cli_export_chart (&file, 1, NULL, png, NULL, "pie", 1, NULL, err), ==,
                   MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: unknown chart “pie”; use years, forms, types, timeline, coverage or map\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_chart (&file, 1, NULL, png, NULL, NULL, 20, NULL, err), ==,
                   MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: --scale must be from 0.25 to 8, not 20\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_chart (&file, 1, NULL, "-", "png", NULL, 1, NULL, err), ==,
                   MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: a PNG image cannot be written to standard output; give a file name\n");

  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

static void
test_export_coverage (void)
{
  g_autoptr(GFile) file = eleven_file ();
  g_autofree char *dir = g_dir_make_tmp ("measures-cli-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "matrix.csv", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "none.svg", NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  const char *trafficking[] = { "Trafficking", NULL };
  g_autoptr(GBytes) out = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (measures_cli_is_coverage_chart ("coverage"));
  g_assert_true (measures_cli_is_coverage_chart ("map"));
  g_assert_false (measures_cli_is_coverage_chart ("years"));
  g_assert_false (measures_cli_is_coverage_chart (NULL));

  /* The matrix by form, of the measures against trafficking. */
  measures_query_set_forms (query, trafficking);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, query, csv, NULL, "coverage", "form", NULL, 1, NULL, err),
                   ==, MEASURES_EXIT_OK);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==,
                   "\"country\",\"code\",\"region\",\"Domestic violence/Intimate partner violence\",\"Trafficking\","
                   "\"matches\"\r\n"
                   "\"Republic of Moldova\",\"MD\",\"Europe\",1,1,1\r\n"
                   "\"Romania\",\"RO\",\"Europe\",0,5,5\r\n");

  /* By category by default, to standard output. */
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, "-", "csv", "coverage", NULL, NULL, 1, &out, err),
                   ==, MEASURES_EXIT_OK);
  g_assert_nonnull (out);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (out, NULL), "\"country\",\"code\",\"region\",\"Administrative data\""));
  g_clear_pointer (&out, g_bytes_unref);

  /* The map of Europe, as PNG 1,000 pixels wide, and as SVG. */
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, png, NULL, "map", NULL, "europe", 1, NULL, err),
                   ==, MEASURES_EXIT_OK);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint ((guint8) contents[18] << 8 | (guint8) contents[19], ==, 1000);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, "-", "svg", "map", NULL, NULL, 1, &out, err),
                   ==, MEASURES_EXIT_OK);
  g_assert_nonnull (strstr (g_bytes_get_data (out, NULL), "<title>Romania: 7 matching measures</title>"));

  /* Mistakes, before anything is loaded or written. */
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, missing, NULL, "map", "form", NULL, 1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: --by is for --chart=coverage\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, missing, NULL, "coverage", "year", NULL, 1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: --by must be category or form, not “year”\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, missing, NULL, "map", NULL, "mars", 1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: --zoom must be world or europe, not “mars”\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, missing, NULL, "coverage", NULL, "europe", 1, NULL,
                                                 err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: --zoom is for --chart=map\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, csv, NULL, "map", NULL, NULL, 1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: the map is an image; write it as .png or .svg\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, "-", NULL, "coverage", NULL, NULL, 1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==,
                   "measures: cannot tell the format of “-” from its name; add --format= and one of csv, png, svg\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, "-", "pdf", "map", NULL, NULL, 1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: “pdf” is no format of this chart; use png, svg\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, "-", "png", "map", NULL, NULL, 1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: a PNG image cannot be written to standard output; give a file name\n");
  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_export_coverage (&file, 1, NULL, missing, NULL, "map", NULL, NULL, 0.1, NULL, err),
                   ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, "measures: --scale must be from 0.25 to 8, not 0.1\n");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unlink (csv);
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The catalogues of the build tree, for the Romanian labels. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/count/bundled", test_count_bundled);
  g_test_add_func ("/cli/count/partial", test_count_partial);
  g_test_add_func ("/cli/count/failure", test_count_failure);
  g_test_add_func ("/cli/count/empty-dataset", test_count_empty_dataset);
  g_test_add_func ("/cli/count/filters", test_count_filters);
  g_test_add_func ("/cli/count/either-language", test_count_either_language);
  g_test_add_func ("/cli/count/unknown-value", test_count_unknown_value);
  g_test_add_func ("/cli/resolve-value", test_resolve_value);
  g_test_add_func ("/cli/parse-years", test_parse_years);
  g_test_add_func ("/cli/file-names", test_file_names);
  g_test_add_func ("/cli/bad-options", test_bad_options);
  g_test_add_func ("/cli/export-chart", test_export_chart);
  g_test_add_func ("/cli/export-coverage", test_export_coverage);

  return g_test_run ();
}
