/* test-hostile-inputs.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inputs no real dataset has, made at test time: each must load or be
 * refused with a message, never crash or hang (meson's timeout bounds
 * every test).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "measures-index.h"
#include "measures-loader.h"
#include "measures-text.h"

static MeasuresDataset *
load_string (const char *json,
             gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, length);

  return measures_loader_load_bytes (bytes, NULL, "hostile.json");
}

/* The record loads, and searching and indexing it work. */
static void
assert_loads (MeasuresDataset *dataset,
              guint            n)
{
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, n);

  index = measures_index_new (measures_dataset_get_measures (dataset));
  measures_query_set_search (query, "a");
  result = measures_index_evaluate (index, query);
  g_assert_cmpuint (result->n_matches, <=, n);
}

static void
test_huge_description (void)
{
  gsize size = 50 * 1024 * 1024;
  g_autoptr(GString) json = g_string_sized_new (size + 100);
  g_autoptr(MeasuresDataset) dataset = NULL;

  g_string_append (json, "[{\"country\": \"A\", \"description\": \"");
  for (gsize i = 0; i < size / 10; i++)
    g_string_append (json, "ştiinţă a ");
  g_string_append (json, "\"}]");

  dataset = load_string (json->str, json->len);
  assert_loads (dataset, 1);
}

static void
test_many_forms (void)
{
  g_autoptr(GString) json = g_string_new ("[{\"country\": \"A\", \"forms\": [");
  g_autoptr(MeasuresDataset) dataset = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (json, "%s\"form %u\"", i > 0 ? "," : "", i);
  g_string_append (json, "]}]");

  dataset = load_string (json->str, json->len);
  assert_loads (dataset, 1);
  g_assert_cmpuint (g_strv_length ((char **) measures_measure_get_forms (g_ptr_array_index (measures_dataset_get_measures (dataset), 0))), ==, 100000);
}

static void
test_gigabyte_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-huge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresDataset) dataset = NULL;
  FILE *out = fopen (path, "w");

  /* A sparse file: one gigabyte and a byte, made in no time. */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, 1024L * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('[', out), ==, '[');
  fclose (out);

  dataset = measures_loader_load_file (file, NULL);
  g_assert_nonnull (measures_dataset_get_error (dataset));
  g_assert_true (g_str_has_prefix (measures_dataset_get_error (dataset)->message, "the file is too large (1024 MB"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_broken_utf8 (void)
{
  const char *cases[] = {
    "[{\"country\": \"\xc3\"}]",              /* cut sequence */
    "[{\"country\": \"\xc0\xaf\"}]",          /* overlong */
    "[{\"country\": \"\xed\xa0\x80\"}]",      /* surrogate in UTF-8 */
    "[{\"country\": \"\xf4\x90\x80\x80\"}]",  /* beyond U+10FFFF */
    "[{\"country\": \"\xff\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresDataset) dataset = load_string (cases[i], strlen (cases[i]));

      g_assert_nonnull (measures_dataset_get_error (dataset));
      g_assert_true (g_str_has_prefix (measures_dataset_get_error (dataset)->message, "the file is not UTF-8 text"));
    }
}

static void
test_escapes (void)
{
  const struct {
    const char *json;
    guint loaded;
  } cases[] = {
    { "[{\"country\": \"\\ud83d\\ude00 emoji by escapes\"}]", 1 },
    { "[{\"country\": \"\\udc00 alone\"}]", 0 },
    { "[{\"country\": \"\\ud800\\u0041\"}]", 0 },
    { "[{\"country\": \"A\", \"title\": \"\\u0000\"}]", 0 },
    { "[{\"country\": \"A\", \"title\": \"\\u001b[31m\\u0007\"}]", 1 },
    /* json-glib keeps an escape that is no escape as text. */
    { "[{\"country\": \"A\", \"title\": \"\\uZZZZ\"}]", 1 },
    /* Half a pair at the end of a text, where json-glib fails. */
    { "[{\"country\": \"A\", \"title\": \"x \\ud800\"}]", 0 },
    /* An escaped backslash, then “ud800”, then a low half alone. */
    { "[{\"country\": \"A\", \"title\": \"\\\\ud800\\udc00\"}]", 0 },
    /* A key spelt with an escape is the key json-glib reads. */
    { "{\"measur\\u0065s\": [{\"country\": \"A\", \"title\": \"\\u0000\"}]}", 0 },
    { "{\"measur\\u0065s\": [{\"country\": \"A\"}]}", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresDataset) dataset = load_string (cases[i].json, strlen (cases[i].json));

      g_test_message ("%s", cases[i].json);
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, cases[i].loaded);
      g_assert_true (measures_dataset_get_error (dataset) != NULL ||
                     measures_dataset_get_problems (dataset)->len == 1 - cases[i].loaded);
    }
}

static void
test_floods (void)
{
  g_autoptr(GString) json = g_string_new ("[{\"country\": \"A\", \"title\": \"");
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  MeasuresMeasure *measure;

  /* Right-to-left marks and text, combining marks on one letter, emoji,
   * control characters and one 10,000-character word. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "\u202e\u05d0");
  g_string_append (json, "a");
  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "\u0301");
  for (guint i = 0; i < 1000; i++)
    g_string_append (json, "\U0001F469\u200D\U0001F4BB");
  g_string_append (json, "\\t\\r\\b\\f ");
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (json, 'w');
  g_string_append (json, "\"}]");

  dataset = load_string (json->str, json->len);
  assert_loads (dataset, 1);
  measure = g_ptr_array_index (measures_dataset_get_measures (dataset), 0);
  blocks = measures_text_parse_blocks (measures_localized_resolve (measures_measure_get_title (measure), NULL, NULL));
  g_assert_cmpuint (blocks->len, >=, 1);
  /* The long word is found by its start. */
  {
    g_autoptr(MeasuresQuery) query = measures_query_new ();

    measures_query_set_search (query, "wwwww");
    g_assert_true (measures_query_matches (query, measure));
  }
}

static void
test_numbers_and_keys (void)
{
  const struct {
    const char *json;
    guint loaded;
  } cases[] = {
    { "[{\"country\": \"A\", \"year\": 99999999999}]", 0 },
    { "[{\"country\": \"A\", \"year\": -2019}]", 0 },
    { "[{\"country\": \"A\", \"year\": 1e308}]", 0 },
    /* Beyond any integer: their conversion would be undefined. */
    { "[{\"country\": \"A\", \"year\": 1e19}]", 0 },
    { "[{\"country\": \"A\", \"year\": -1e19}]", 0 },
    { "[{\"country\": \"A\", \"year\": 1e400}]", 0 },
    { "[{\"country\": \"A\", \"year\": {\"from\": -1e400}}]", 0 },
    { "[{\"country\": \"A\", \"year\": {\"from\": 2022, \"to\": 2019}}]", 0 },
    { "[{\"country\": \"A\", \"year\": 2019.0000001}]", 0 },
    /* A key given twice: the last wins, as in JSON parsers generally. */
    { "[{\"country\": \"A\", \"country\": \"B\"}]", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresDataset) dataset = load_string (cases[i].json, strlen (cases[i].json));

      g_test_message ("%s", cases[i].json);
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, cases[i].loaded);
    }
}

/* json-glib overflows its stack from about 70,000 levels, wherever they
 * are: after a first value, after a number or a text, after a comment.
 * None of these reaches it. */
static void
test_deep_anywhere (void)
{
  const struct {
    const char *before;
    const char *message;
  } cases[] = {
    { "\"x\"", "unexpected text after the data, at line 1, column 4" },
    { "1", "unexpected text after the data, at line 1, column 2" },
    { " \n \"x\" ", "unexpected text after the data, at line 2, column 6" },
    { "/* c */", "comments are not allowed in JSON, at line 1, column 1" },
    { "\n// c\n", "comments are not allowed in JSON, at line 2, column 1" },
    { "{\"measures\": [{\"country\": \"A\"}]}\n", "unexpected text after the data, at line 2, column 1" },
    { "[{\"country\": \"A\"}] ", "unexpected text after the data, at line 1, column 20" },
    { "[{\"country\": \"A\"}] \"]\" ", "unexpected text after the data, at line 1, column 20" },
    { "[{\"country\": \"A\", \"x\": ", "the data is nested more than 64 levels deep" },
    { "'\"' ", "neither JSON nor records that start with a “Country” line" },
    { "true", "neither JSON nor records that start with a “Country” line" },
    { "Some notes ", "neither JSON nor records that start with a “Country” line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (cases[i].before);
      g_autoptr(MeasuresDataset) dataset = NULL;

      for (guint k = 0; k < 200000; k++)
        g_string_append_c (json, '[');

      g_test_message ("%s followed by 200,000 levels", cases[i].before);
      dataset = load_string (json->str, json->len);
      g_assert_nonnull (measures_dataset_get_error (dataset));
      g_assert_cmpstr (measures_dataset_get_error (dataset)->message, ==, cases[i].message);
      g_assert_cmpuint (measures_dataset_get_n_measures (dataset), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/huge-description", test_huge_description);
  g_test_add_func ("/hostile/many-forms", test_many_forms);
  g_test_add_func ("/hostile/gigabyte-file", test_gigabyte_file);
  g_test_add_func ("/hostile/broken-utf8", test_broken_utf8);
  g_test_add_func ("/hostile/escapes", test_escapes);
  g_test_add_func ("/hostile/floods", test_floods);
  g_test_add_func ("/hostile/numbers-and-keys", test_numbers_and_keys);
  g_test_add_func ("/hostile/deep-anywhere", test_deep_anywhere);

  return g_test_run ();
}
