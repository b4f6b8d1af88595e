/* test-cli.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "measures-cli.h"

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

  g_assert_cmpint (measures_cli_count (&file, 1, out, err), ==, MEASURES_EXIT_OK);
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

  g_assert_cmpint (measures_cli_count (files, 2, out, err), ==, MEASURES_EXIT_PARTIAL);
  /* 11 bundled, 2 good of 4 in the second file. */
  g_assert_cmpstr (out->str, ==, "13\n");

  expected = g_strdup_printf ("%s: record 2: “country” is missing\n"
                              "%s: record 4 (“bad-year”): “year” must look like “2018” or “2019 - 2022”\n",
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

  g_assert_cmpint (measures_cli_count (files, 2, out, err), ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (out->str, ==, "");
  expected = g_strdup_printf ("%s: the file does not exist\n", missing);
  g_assert_true (g_str_has_prefix (err->str, expected));
  g_assert_nonnull (strstr (err->str, "not-json.json: not valid JSON: "));

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
  g_assert_cmpint (measures_cli_count (&file, 1, out, err), ==, MEASURES_EXIT_OK);
  g_assert_cmpstr (out->str, ==, "0\n");
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

  return g_test_run ();
}
