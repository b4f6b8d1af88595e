/* test-cli.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "measures-cli.h"
#include "measures-text.h"

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

static void
test_count_bundled (void)
{
  g_autoptr(GFile) file = bundled_file ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (measures_cli_count (&file, 1, NULL, out, err), ==, MEASURES_EXIT_OK);
  g_assert_cmpstr (out->str, ==, "11\n");
  g_assert_cmpstr (err->str, ==, "");
}

static void
test_count_partial (void)
{
  GFile *files[2] = { bundled_file (), data_file ("some-bad.json") };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *name = g_file_get_parse_name (files[1]);
  g_autofree char *expected = NULL;

  g_assert_cmpint (measures_cli_count (files, 2, NULL, out, err), ==, MEASURES_EXIT_PARTIAL);
  /* 11 bundled, 2 good of 4 in the second file. */
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
  g_autoptr(GFile) file = bundled_file ();
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/count/bundled", test_count_bundled);
  g_test_add_func ("/cli/count/partial", test_count_partial);
  g_test_add_func ("/cli/count/failure", test_count_failure);
  g_test_add_func ("/cli/count/empty-dataset", test_count_empty_dataset);
  g_test_add_func ("/cli/count/filters", test_count_filters);
  g_test_add_func ("/cli/parse-years", test_parse_years);
  g_test_add_func ("/cli/bad-options", test_bad_options);

  return g_test_run ();
}
