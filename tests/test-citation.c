/* test-citation.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* References to the measures, read back by their consumers: RIS by a
 * small parser of its tags, CSL-JSON by json-glib, and, with --pandoc,
 * CSL-JSON and BibTeX by pandoc's citeproc, which must render each
 * measure in a bibliography (skipped, 77, without pandoc). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "measures-citation.h"
#include "measures-export.h"
#include "measures-loader.h"

static GPtrArray *measures; /* three bundled records and a hard one */

/* A record with what each format must escape or keep on one line. */
static const char hard_json[] =
  "{\"id\": \"x/odd id 1\", \"country\": \"Romania\", \"year\": {\"from\": 2020},"
  " \"types\": [\"Laws\"], \"forms\": [],"
  " \"title\": {\"en\": \"Law {50%} & #7_a on \\\"care\\\"\", \"ro\": \"Legea {50%} și #7_a\"},"
  " \"source\": {\"en\": \"Gazette,\\nno. 3\"},"
  " \"url\": \"https://example.org/a?b=1&c=2\"}";

static char *
title_of (MeasuresMeasure *m,
          const char      *lang)
{
  const char *langs[] = { lang, "en", NULL };

  return g_strdup (measures_localized_resolve (measures_measure_get_title (m), langs, NULL));
}

/* RIS: records from TY to ER, each a table of tag to its values. */
static GPtrArray *
parse_ris (const char *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  GHashTable *record = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *tag = NULL;

      if (*line == '\0')
        continue;
      /* "XX  - value": two characters, two spaces, a dash, a space */
      g_assert_cmpuint (strlen (line), >=, 6);
      g_assert_true (g_ascii_isupper (line[0]) && g_ascii_isalnum (line[1]));
      g_assert_true (strncmp (line + 2, "  - ", 4) == 0 || strcmp (line + 2, "  - ") == 0);
      g_assert_null (strchr (line, '\n'));
      tag = g_strndup (line, 2);
      if (g_str_equal (tag, "TY"))
        {
          g_assert_null (record);
          record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
      g_assert_nonnull (record);
      if (g_str_equal (tag, "ER"))
        {
          g_ptr_array_add (records, g_steal_pointer (&record));
          continue;
        }
      g_assert_false (g_hash_table_contains (record, tag));
      g_hash_table_insert (record, g_steal_pointer (&tag), g_strdup (line + 6));
    }
  g_assert_null (record);

  return g_steal_pointer (&records);
}

static void
test_ris_round_trip (void)
{
  g_autoptr(GBytes) bytes = measures_citation_to_bytes (measures, MEASURES_CITATION_RIS, "ro");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) records = parse_ris (text);

  g_assert_cmpuint (records->len, ==, measures->len);
  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *m = g_ptr_array_index (measures, i);
      GHashTable *r = g_ptr_array_index (records, i);
      g_autofree char *title = title_of (m, "ro");
      g_autofree char *year = g_strdup_printf ("%d", measures_measure_get_year_from (m));
      g_autofree char *key = measures_citation_dup_key (m);

      g_assert_cmpstr (g_hash_table_lookup (r, "TY"), ==, "GEN");
      g_assert_cmpstr (g_hash_table_lookup (r, "ID"), ==, key);
      g_assert_cmpstr (g_hash_table_lookup (r, "TI"), ==, title);
      g_assert_cmpstr (g_hash_table_lookup (r, "CY"), ==, "România");
      g_assert_cmpstr (g_hash_table_lookup (r, "PY"), ==, year);
      g_assert_cmpstr (g_hash_table_lookup (r, "UR"), ==, measures_measure_get_url (m));
      g_assert_cmpstr (g_hash_table_lookup (r, "LA"), ==, "ro");
      g_assert_nonnull (g_hash_table_lookup (r, "N1"));
    }
  /* The source's two lines are one; the period's end is kept. */
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (records, 3), "N1"), ==, "Gazette, no. 3");
  g_assert_cmpstr (g_hash_table_lookup (g_ptr_array_index (records, 0), "C1"), ==, "2022");
  g_assert_false (g_hash_table_contains (g_ptr_array_index (records, 3), "C1"));
}

static void
test_csl_json (void)
{
  g_autoptr(GBytes) bytes = measures_citation_to_bytes (measures, MEASURES_CITATION_CSL_JSON, "en");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first, *hard;
  JsonArray *dates;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, measures->len);

  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==,
                   "National Strategy Against Trafficking in Persons 2018-2022");
  g_assert_cmpstr (json_object_get_string_member (first, "jurisdiction"), ==, "Romania");
  g_assert_cmpstr (json_object_get_string_member (first, "publisher-place"), ==, "Romania");
  dates = json_object_get_array_member (json_object_get_object_member (first, "issued"), "date-parts");
  g_assert_cmpint (json_array_get_int_element (json_array_get_array_element (dates, 0), 0), ==, 2019);
  g_assert_cmpint (json_array_get_int_element (json_array_get_array_element (dates, 1), 0), ==, 2022);
  hard = json_array_get_object_element (array, 3);
  g_assert_cmpstr (json_object_get_string_member (hard, "id"), ==, "x-odd-id-1");
  g_assert_cmpstr (json_object_get_string_member (hard, "title"), ==, "Law {50%} & #7_a on \"care\"");
  g_assert_cmpstr (json_object_get_string_member (hard, "note"), ==, "Gazette,\nno. 3");
  g_assert_cmpstr (json_object_get_string_member (hard, "URL"), ==, "https://example.org/a?b=1&c=2");

  /* No measures, an empty list. */
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    g_autoptr(GBytes) empty = measures_citation_to_bytes (none, MEASURES_CITATION_CSL_JSON, "en");

    g_assert_cmpmem (g_bytes_get_data (empty, NULL), g_bytes_get_size (empty), "[]\n", 3);
  }
}

static void
test_bibtex_escapes (void)
{
  g_autoptr(GBytes) bytes = measures_citation_to_bytes (measures, MEASURES_CITATION_BIBTEX, "en");
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "@misc{x-odd-id-1,\n"));
  g_assert_nonnull (strstr (text, "  title = {Law \\{50\\%\\} \\& \\#7\\_a on \"care\"},\n"));
  g_assert_nonnull (strstr (text, "  note = {Gazette, no. 3},\n"));
  g_assert_nonnull (strstr (text, "  date = {2019/2022},\n"));
  g_assert_nonnull (strstr (text, "  url = {https://example.org/a?b=1&c=2},\n"));
}

static void
test_text (void)
{
  g_autofree char *en = measures_citation_dup_text (measures, "en");
  g_autofree char *ro = measures_citation_dup_text (measures, "ro");
  g_auto(GStrv) lines = g_strsplit (en, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, measures->len + 1);
  g_assert_cmpstr (lines[measures->len], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], "National Strategy Against Trafficking in Persons 2018-2022. "
                                   "Romania, 2019–2022. "));
  g_assert_true (g_str_has_suffix (lines[0], ". https://evaw-global-database.unwomen.org/en/countries/europe/"
                                   "romania/2018/national-strategy-against-trafficking-in-persons-2018-2022"));
  g_assert_cmpstr (lines[3], ==, "Law {50%} & #7_a on \"care\". Romania, 2020. Gazette, no. 3. "
                   "https://example.org/a?b=1&c=2");
  g_assert_true (g_str_has_prefix (ro, "Strategia națională împotriva traficului de persoane 2018–2022. "
                                   "România, 2019–2022. "));
}

static void
test_formats (void)
{
  MeasuresExportFormat format;

  g_assert_true (measures_export_format_from_name ("csl-json", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_CSL_JSON);
  g_assert_true (measures_export_format_from_name ("bibtex", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_BIBTEX);
  g_assert_true (measures_export_format_from_name ("json", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_JSON);
  g_assert_true (measures_export_format_from_path ("refs.bib", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_BIBTEX);
  g_assert_true (measures_export_format_from_path ("refs.RIS", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_RIS);
  g_assert_true (measures_export_format_from_path ("refs.json", &format));
  g_assert_cmpint (format, ==, MEASURES_FORMAT_JSON);
  g_assert_cmpstr (measures_export_format_get_extension (MEASURES_FORMAT_CSL_JSON), ==, "json");
  g_assert_true (measures_export_format_is_citation (MEASURES_FORMAT_RIS));
  g_assert_true (measures_export_format_is_text (MEASURES_FORMAT_BIBTEX));
  g_assert_false (measures_export_format_is_citation (MEASURES_FORMAT_JSON));
  g_assert_false (measures_export_format_is_chart (MEASURES_FORMAT_CSL_JSON));
}

/* pandoc --citeproc: a bibliography of every measure. */

static char *
squash (const char *text)
{
  g_autofree char *down = g_utf8_casefold (text, -1);
  g_auto(GStrv) words = g_strsplit_set (down, " \n\t", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);

  return g_string_free (out, FALSE);
}

static void
render_with_pandoc (MeasuresExportFormat format,
                    const char          *extension)
{
  g_autoptr(MeasuresExport) export = measures_export_new_summary (format, measures, NULL, FALSE, "en");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-citation-XXXXXX", &error);
  g_autofree char *name = g_strdup_printf ("refs.%s", extension);
  g_autofree char *bib = g_build_filename (dir, name, NULL);
  g_autofree char *doc = g_build_filename (dir, "doc.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bib);
  g_autofree char *out = NULL, *err = NULL, *flat = NULL;
  int status;
  const char *argv[] = { "pandoc", "--citeproc", "--wrap=none", "-t", "plain", "--bibliography", bib, doc, NULL };

  g_assert_no_error (error);
  g_assert_true (measures_export_write (export, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (doc, "---\nnocite: \"@*\"\n---\n", -1, NULL));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pandoc failed on %s: %s", bib, err);
  g_assert_cmpstr (err, ==, "");
  flat = squash (out);

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *m = g_ptr_array_index (measures, i);
      g_autofree char *title = title_of (m, "en");
      g_autofree char *want = NULL;

      /* citeproc changes the case of titles: each title (but the one
       * with markup) and each address are there, whatever the case. */
      want = squash (measures_measure_get_url (m));
      g_assert_nonnull (strstr (flat, want));
      if (i < 3)
        {
          g_autofree char *t = squash (title);

          g_assert_nonnull (strstr (flat, t));
        }
    }
  g_assert_nonnull (strstr (flat, "romania"));
  g_assert_nonnull (strstr (flat, "2019–2022"));

  g_unlink (doc);
  g_unlink (bib);
  g_rmdir (dir);
}

static void
test_pandoc_csl_json (void)
{
  render_with_pandoc (MEASURES_FORMAT_CSL_JSON, "json");
}

static void
test_pandoc_bibtex (void)
{
  render_with_pandoc (MEASURES_FORMAT_BIBTEX, "bib");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gboolean pandoc = argc > 1 && g_str_equal (argv[argc - 1], "--pandoc");
  g_autofree char *pandoc_path = NULL;

  if (pandoc)
    argc--;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  file = g_file_new_for_path (path);
  dataset = measures_loader_load_file (file, NULL);
  measures = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (measures, g_object_ref (g_ptr_array_index (measures_dataset_get_measures (dataset), i)));
  json_parser_load_from_data (parser, hard_json, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (measures, measures_measure_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                                             &error));
  g_assert_no_error (error);

  if (pandoc)
    {
      pandoc_path = g_find_program_in_path ("pandoc");
      if (pandoc_path == NULL)
        {
          g_printerr ("pandoc is not installed\n");
          return 77;
        }
      g_test_add_func ("/citation/pandoc-csl-json", test_pandoc_csl_json);
      g_test_add_func ("/citation/pandoc-bibtex", test_pandoc_bibtex);
    }
  else
    {
      g_test_add_func ("/citation/ris-round-trip", test_ris_round_trip);
      g_test_add_func ("/citation/csl-json", test_csl_json);
      g_test_add_func ("/citation/bibtex-escapes", test_bibtex_escapes);
      g_test_add_func ("/citation/text", test_text);
      g_test_add_func ("/citation/formats", test_formats);
    }

  return g_test_run ();
}
