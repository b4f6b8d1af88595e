/* test-bad-inputs.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of tests/data/bad goes through `measures --count`'s code,
 * and must give exactly the exit status, count and messages that
 * tests/data/bad/expected.tsv lists.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "measures-cli.h"
#include "measures-loader.h"

static char *
unescape (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'n')
        {
          g_string_append_c (out, '\n');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_file (gconstpointer data)
{
  const char *line = data;
  g_auto(GStrv) fields = g_strsplit (line, "\t", 4);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", fields[0], NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *expected_err = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  MeasuresExitStatus status;

  g_assert_cmpuint (g_strv_length (fields), ==, 4);

  status = measures_cli_count (&file, 1, NULL, out, err);

  parts = g_strsplit (fields[3], "FILE", -1);
  {
    g_autofree char *joined = g_strjoinv (name, parts);

    expected_err = unescape (joined);
  }

  g_assert_cmpstr (err->str, ==, expected_err);
  g_assert_cmpint (status, ==, atoi (fields[1]));
  if (g_str_equal (fields[2], "-"))
    g_assert_cmpstr (out->str, ==, "");
  else
    {
      g_autofree char *count = g_strdup_printf ("%s\n", fields[2]);

      g_assert_cmpstr (out->str, ==, count);
    }
}

static void
test_unreadable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-bad-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  GFile *files[2] = { g_file_new_for_path (missing), g_file_new_for_path (dir) };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *name = g_file_get_parse_name (files[0]);
  g_autofree char *folder = g_file_get_parse_name (files[1]);
  g_autofree char *expected = g_strdup_printf ("%s: the file does not exist\n"
                                               "%s: the folder holds no datasets (.json or .txt files)\n",
                                               name, folder);

  /* A missing file; an empty folder holds no datasets, and says so. */
  g_assert_cmpint (measures_cli_count (files, 2, NULL, out, err), ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, expected);
  g_assert_cmpstr (out->str, ==, "");

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_rmdir (dir);
}

/* A folder holding no datasets, only other files and folders, is a
 * problem named with the folder: in the catalog's problems, which the
 * window's banner shows, and on the command line, which exits 1 when
 * nothing else loaded and 2 when something did. */
static void
test_folder_without_datasets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-empty-XXXXXX", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *inner = g_build_filename (dir, "more.json", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  GFile *files[2] = { g_file_new_for_path (dir), g_file_new_for_path (good) };
  g_autofree char *name = g_file_get_parse_name (files[0]);
  g_autofree char *expected = g_strdup_printf ("%s: the folder holds no datasets (.json or .txt files)\n", name);
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  const MeasuresProblem *problem;

  g_assert_true (g_file_set_contents (notes, "# Notes\n", -1, NULL));
  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);

  catalog = measures_loader_load_catalog (files, 1, NULL);
  g_assert_cmpuint (catalog->measures->len, ==, 0);
  g_assert_cmpuint (catalog->problems->len, ==, 1);
  problem = g_ptr_array_index (catalog->problems, 0);
  g_assert_cmpstr (problem->file, ==, name);
  g_assert_cmpstr (problem->message, ==, "the folder holds no datasets (.json or .txt files)");

  g_assert_cmpint (measures_cli_count (files, 1, NULL, out, err), ==, MEASURES_EXIT_FAILURE);
  g_assert_cmpstr (err->str, ==, expected);
  g_assert_cmpstr (out->str, ==, "");

  g_string_truncate (err, 0);
  g_assert_cmpint (measures_cli_count (files, 2, NULL, out, err), ==, MEASURES_EXIT_PARTIAL);
  g_assert_cmpstr (err->str, ==, expected);
  g_assert_cmpstr (out->str, ==, "21\n");

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  g_unlink (notes);
  g_rmdir (inner);
  g_rmdir (dir);
}

/* A folder of good and bad files loads the good records of all. */
static void
test_mixed_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  guint lines = 0;

  g_assert_cmpint (measures_cli_count (&folder, 1, NULL, out, err), ==, MEASURES_EXIT_PARTIAL);
  /* The good records of 08, 09, 10, 23 (one of two with the same id),
   * 30 and 32; those of 08 and 09 share the id "ok", and the later wins. */
  g_assert_cmpstr (out->str, ==, "5\n");
  g_assert_nonnull (strstr (err->str, "09-nul-escape.json:3: record 2 (“ok”): an earlier record has the same id; this one replaces it\n"));
  for (const char *p = err->str; *p != '\0'; p++)
    lines += *p == '\n';
  g_assert_cmpuint (lines, >=, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *table_path = NULL;
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_test_init (&argc, &argv, NULL);

  table_path = g_test_build_filename (G_TEST_DIST, "data", "bad", "expected.tsv", NULL);
  g_assert_true (g_file_get_contents (table_path, &table, NULL, NULL));
  lines = g_strsplit (table, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = NULL;

      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      name = g_strdup_printf ("/bad-inputs/%.*s", (int) strcspn (lines[i], "\t"), lines[i]);
      g_test_add_data_func (name, lines[i], check_file);
      n++;
    }
  g_assert_cmpuint (n, >=, 25);

  g_test_add_func ("/bad-inputs/unreadable", test_unreadable);
  g_test_add_func ("/bad-inputs/mixed-folder", test_mixed_folder);
  g_test_add_func ("/bad-inputs/folder-without-datasets", test_folder_without_datasets);

  return g_test_run ();
}
