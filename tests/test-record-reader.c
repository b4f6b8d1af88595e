/* test-record-reader.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader's reader of plain records against json-glib: every record
 * it reads must be the measure json-glib's tree of it makes, and every
 * record it declines must be one it cannot read plainly.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bench/bench-data.h"
#include "measures-json-scan-private.h"
#include "measures-measure.h"
#include "measures-record-reader-private.h"

/* A measure as text: every field, in the order the JSON writer puts them,
 * and the title's languages in order. */
static char *
describe (MeasuresMeasure *measure)
{
  g_autoptr(JsonNode) node = measures_measure_to_json (measure);
  g_autofree char *json = json_to_string (node, FALSE);

  return g_strdup_printf ("%s derived=%d", json, measures_measure_get_title_derived (measure));
}

/* What json-glib makes of @text, as the loader reads a record it
 * declines; NULL when json-glib cannot read it or it is no measure. */
static MeasuresMeasure *
read_with_json_glib (const char *text,
                     gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(MeasuresStrings) strings = measures_strings_new (4096);

  if (!json_parser_load_from_data (parser, text, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return measures_measure_new_from_json_in (json_node_get_object (json_parser_get_root (parser)), strings, NULL);
}

/* Reads @text both ways. Returns whether the reader read it. */
static gboolean
check_record (MeasuresRecordReader *reader,
              const char           *text,
              gsize                 length)
{
  g_autoptr(MeasuresStrings) strings = measures_strings_new (4096);
  g_autoptr(MeasuresMeasure) plain = _measures_record_reader_read (reader, text, length, strings);
  g_autoptr(MeasuresMeasure) reference = read_with_json_glib (text, length);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  if (plain == NULL)
    return FALSE;

  if (reference == NULL)
    g_error ("read a record json-glib does not make a measure of: %.*s", (int) MIN (length, 400), text);

  expected = describe (reference);
  got = describe (plain);
  g_assert_cmpstr (got, ==, expected);

  return TRUE;
}

/* Every record of a dataset file, found by the loader's scan; the ones
 * with escapes json-glib reads otherwise are left out, as the loader
 * does. Returns how many the reader read. */
static guint
check_file (MeasuresRecordReader *reader,
            const char           *path,
            guint                *n_records)
{
  g_autofree char *contents = NULL;
  gsize length;
  MeasuresJsonScan scan;
  guint read = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (!g_utf8_validate_len (contents, length, NULL))
    return 0;

  _measures_json_scan (contents, length, &scan);
  for (guint i = 0; i < scan.record_starts->len && i < scan.record_ends->len; i++)
    {
      gsize start = g_array_index (scan.record_starts, gsize, i);
      gsize end = g_array_index (scan.record_ends, gsize, i);

      if (end <= start || g_hash_table_contains (scan.bad_records, GUINT_TO_POINTER (i + 1)))
        continue;
      read += check_record (reader, contents + start, end - start);
      (*n_records)++;
    }
  _measures_json_scan_clear (&scan);

  return read;
}

static void
check_folder (MeasuresRecordReader *reader,
              const char           *folder,
              guint                *n_read,
              guint                *n_records)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        *n_read += check_file (reader, path, n_records);
    }
}

/* The test data and the fuzz corpus, bad files and all. */
static void
test_fixtures (void)
{
  g_autoptr(MeasuresRecordReader) reader = _measures_record_reader_new ();
  const char *folders[][3] = {
    { "data", NULL, NULL },
    { "data", "bad", NULL },
    { "fuzz", "corpus-json", NULL },
  };
  guint n_read = 0, n_records = 0;

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, folders[i][0], folders[i][1], NULL);

      check_folder (reader, folder, &n_read, &n_records);
    }

  /* The bundled dataset too. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);

    if (g_file_test (path, G_FILE_TEST_EXISTS))
      n_read += check_file (reader, path, &n_records);
  }

  g_test_message ("%u of %u records read plainly", n_read, n_records);
  g_assert_cmpuint (n_read, >, 0);
  g_assert_cmpuint (n_read, <, n_records);
}

/* Both synthetic shapes of the benchmarks: all of it is plain. */
static void
test_synthetic (void)
{
  g_autoptr(MeasuresRecordReader) reader = _measures_record_reader_new ();
  g_autofree char *dir = g_dir_make_tmp ("measures-reader-XXXXXX", NULL);
  const char *shapes[] = { "project", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autofree char *path = g_build_filename (dir, shapes[i], NULL);
      g_autoptr(GError) error = NULL;
      guint n_records = 0;
      guint n_read;

      g_assert_true (bench_write_dataset (shapes[i], 1500, path, &error));
      n_read = check_file (reader, path, &n_records);
      g_assert_cmpuint (n_records, ==, 1500);
      g_assert_cmpuint (n_read, ==, 1500);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Records one at a time: what the reader reads (and must read as
 * json-glib does), and what it leaves to json-glib. */
/* The check of unknown keys a cache keeps says yes to exactly the texts
 * read_json() reads as an object, without building them. */
static void
test_check_object (void)
{
  const char *texts[] = {
    "{}", " { } ", "{\"a\":1}", "{\"a\":{\"b\":[1,2.5,-3e2,true,false,null,\"\\u00e9\"]}}",
    "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10}",
    "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"i\":10}",
    "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"b\":10}",
    "{\"a\":1,\"a\":2}", "{\"a\":{\"a\":1},\"b\":{\"a\":2}}", "{\"a\":1}x", "{\"a\":1,}",
    "{\"a\" 1}", "{\"a\":01}", "{\"a\":1234567890123456789}", "{\"a\":123456789012345678}",
    "{\"a\":1e-400}", "{\"a\":1e400}", "{\"a\":1.}", "{\"a\":tru}", "{\"a\":truex}",
    "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\ud83d\\ude00\"}", "[1]", "1", "\"a\"",
    "", " ", "{", "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]"
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]"
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
  };
  g_autoptr(MeasuresRecordReader) reader = _measures_record_reader_new ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) node = _measures_record_reader_read_json (reader, texts[i], strlen (texts[i]));
      gboolean read = node != NULL && JSON_NODE_HOLDS_OBJECT (node);

      if (_measures_record_reader_check_object (reader, texts[i], strlen (texts[i])) != read)
        g_error ("checked otherwise than read: %s", texts[i]);
    }
}

static void
test_cases (void)
{
  static const struct {
    const char *text;
    gboolean plain;
  } cases[] = {
    { "{\"country\":\"Romania\"}", TRUE },
    { " {\n\t\"country\" : \"Romania\" ,\r\n \"id\" : \"x\" } ", TRUE },
    { "{\"countr\\u0079\":\"Rom\\u00e2nia\",\"id\":\"\\ud83d\\ude00 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}", TRUE },
    { "{\"country\":\"R\",\"year\":2018}", TRUE },
    { "{\"country\":\"R\",\"year\":999}", TRUE },
    { "{\"country\":\"R\",\"year\":{\"from\":12,\"to\":1}}", FALSE },
    { "{\"country\":\"R\",\"year\":{\"from\":7,\"to\":45}}", TRUE },
    { "{\"country\":\"R\",\"year\":\"2019 - 2022\"}", TRUE },
    { "{\"country\":\"R\",\"year\":\"\"}", TRUE },
    { "{\"country\":\"R\",\"year\":null}", TRUE },
    { "{\"country\":\"R\",\"year\":{\"from\":2019}}", TRUE },
    { "{\"country\":\"R\",\"year\":{\"to\":null,\"from\":2019,\"note\":[1,{\"a\":true}]}}", TRUE },
    { "{\"country\":\"R\",\"year\":{\"from\":2019,\"to\":2022}}", TRUE },
    { "{\"country\":\"R\",\"types\":\"Policies\",\"forms\":[\"A\",\"\",\"B\",\"A\"]}", TRUE },
    { "{\"country\":\"R\",\"types\":[],\"forms\":null}", TRUE },
    { "{\"country\":\"R\",\"title\":\"\"}", TRUE },
    { "{\"country\":\"R\",\"title\":{}}", TRUE },
    { "{\"country\":\"R\",\"title\":{\"ro\":\"Ă\",\"en\":\"A\",\"\":\"n\"}}", TRUE },
    { "{\"country\":\"R\",\"description\":null,\"source\":\"s\",\"more_info\":{\"fr\":\"é\"}}", TRUE },
    { "{\"country\":\"R\",\"title_derived\":true,\"full_text\":\"f\"}", TRUE },
    { "{\"country\":\"R\",\"title_derived\":false,\"url\":\"https://x\"}", TRUE },
    { "{\"country\":\"R\",\"url\":\"https://x\",\"title\":\"T\"}", TRUE },
    { "{\"notes\":{\"a\":[1,2.5,-3e2,true,false,null,\"x\"]},\"country\":\"R\",\"n\":0,\"z\":-0.5}", TRUE },
    { "{\"country\":\"  R  \",\"region\":\"\",\"id\":\"\"}", TRUE },
    { "{\"country\":\"R\",\"n\":[0.1,7.5,-3e-2,1.5E3,1e22,123456789.123456789,-0,-0.0,123456789012345678]}", TRUE },
    { "{\"country\":\"R\",\"n\":{\"\":{},\"a\":[[],{\"b\":null}],\"é\":\"\\u00e9\"}}", TRUE },

    /* Declined: json-glib says what is wrong, or reads it its own way. */
    { "{}", FALSE },
    { "{\"id\":\"x\"}", FALSE },
    { "{\"country\":\"\"}", FALSE },
    { "{\"country\":\" \"}", FALSE },
    { "{\"country\":\"\\u200b\"}", FALSE },
    { "{\"country\":null}", FALSE },
    { "{\"country\":1}", FALSE },
    { "{\"country\":\"R\",\"country\":\"M\"}", FALSE },
    { "{\"country\":\"R\",\"x\":1,\"x\":2}", FALSE },
    { "{\"country\":\"R\",\"title\":{\"en\":\"a\",\"en\":\"b\"}}", FALSE },
    { "{\"country\":\"R\",\"title\":{\"en\":1}}", FALSE },
    { "{\"country\":\"R\",\"title\":[\"a\"]}", FALSE },
    { "{\"country\":\"R\",\"types\":[1]}", FALSE },
    { "{\"country\":\"R\",\"types\":[null]}", FALSE },
    { "{\"country\":\"R\",\"forms\":{}}", FALSE },
    { "{\"country\":\"R\",\"year\":2018.0}", FALSE },
    { "{\"country\":\"R\",\"year\":2e3}", FALSE },
    { "{\"country\":\"R\",\"year\":-5}", FALSE },
    { "{\"country\":\"R\",\"year\":0}", FALSE },
    { "{\"country\":\"R\",\"year\":02018}", FALSE },
    { "{\"country\":\"R\",\"year\":012}", FALSE },
    { "{\"country\":\"R\",\"year\":{\"from\":201e400}}", FALSE },
    { "{\"country\":\"R\",\"year\":10000}", FALSE },
    { "{\"country\":\"R\",\"year\":\"later\"}", FALSE },
    { "{\"country\":\"R\",\"year\":{}}", FALSE },
    { "{\"country\":\"R\",\"year\":{\"from\":null}}", FALSE },
    { "{\"country\":\"R\",\"year\":{\"from\":2020,\"to\":2019}}", FALSE },
    { "{\"country\":\"R\",\"year\":{\"from\":2020,\"from\":2021}}", FALSE },
    { "{\"country\":\"R\",\"year\":true}", FALSE },
    { "{\"country\":\"R\",\"title_derived\":\"yes\"}", FALSE },
    { "{\"country\":\"R\",\"title_derived\":1}", FALSE },
    { "{\"country\":\"R\",}", FALSE },
    { "{\"country\":\"R\" \"id\":\"x\"}", FALSE },
    { "{\"country\":\"R\nM\"}", FALSE },
    { "{\"country\":\"R\tM\"}", FALSE },
    { "{\"country\":\"R\\x41\"}", FALSE },
    { "{\"country\":\"R\\u12\"}", FALSE },
    { "{\"country\":\"R\",\"n\":01}", FALSE },
    { "{\"country\":\"R\",\"n\":1.}", FALSE },
    { "{\"country\":\"R\",\"n\":True}", FALSE },
    { "{\"country\":\"R\",\"n\":nulls}", FALSE },
    { "{\"country\":\"R\",\"n\":1234567890123456789}", FALSE },
    { "{\"country\":\"R\",\"n\":1e400}", FALSE },
    { "{\"country\":\"R\",\"n\":1e-400}", FALSE },
    { "{\"country\":\"R\",\"n\":{\"a\":1,\"a\":2}}", FALSE },
    { "{\"country\":\"R\"\f}", FALSE },
    { "{\"country\":\"R\"} x", FALSE },
  };
  g_autoptr(MeasuresRecordReader) reader = _measures_record_reader_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (check_record (reader, cases[i].text, strlen (cases[i].text)), ==, cases[i].plain);
    }

  /* More types than a short list: json-glib's, with its hash. */
  {
    g_autoptr(GString) many = g_string_new ("{\"country\":\"R\",\"types\":[");

    for (guint i = 0; i < 100; i++)
      g_string_append_printf (many, "%s\"t%u\"", i > 0 ? "," : "", i % 70);
    g_string_append (many, "]}");
    g_assert_false (check_record (reader, many->str, many->len));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-reader/cases", test_cases);
  g_test_add_func ("/record-reader/check-object", test_check_object);
  g_test_add_func ("/record-reader/fixtures", test_fixtures);
  g_test_add_func ("/record-reader/synthetic", test_synthetic);

  return g_test_run ();
}
