/* test-export-large.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports that are written as they are made: thousands of synthetic
 * records in JSON, byte for byte what the whole tree gives and a fixed
 * point of export and load; a PDF of a thousand pages and more, each
 * page counted and drawn; and exports cancelled half-way, which leave
 * the old file as it was and nothing beside it. Not in the core suite:
 * too long for valgrind.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bench/bench-data.h"
#include "measures-export.h"
#include "measures-loader.h"
#include "measures-writer.h"

static char *dir;

static GPtrArray *
load_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);

  g_assert_null (measures_dataset_get_error (dataset));
  g_assert_cmpuint (measures_dataset_get_problems (dataset)->len, ==, 0);

  return g_ptr_array_ref (measures_dataset_get_measures (dataset));
}

/* A synthetic dataset of @shape (see tests/bench/bench-data.c). */
static GPtrArray *
synthetic (const char *shape,
           guint       n)
{
  g_autofree char *name = g_strdup_printf ("%s-%u.json", shape, n);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *measures;

  g_assert_true (bench_write_dataset (shape, n, path, &error));
  g_assert_no_error (error);
  measures = load_file (path);
  g_assert_cmpuint (measures->len, ==, n);
  g_unlink (path);

  return measures;
}

/* Exports @measures as JSON into @path through the job, as the command
 * line and the window do. */
static GBytes *
export_json (GPtrArray  *measures,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresExport) export = measures_export_new_summary (MEASURES_FORMAT_JSON, measures, NULL,
                                                                  FALSE, "en");
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_assert_true (measures_export_write (export, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_bytes_new_take (contents, length);
}

static void
assert_same_as_tree (GPtrArray *measures,
                     GBytes    *written)
{
  gsize length;
  g_autofree char *reference = measures_measure_list_to_json (measures, &length);

  g_assert_cmpuint (g_bytes_get_size (written), ==, length);
  g_assert_cmpmem (g_bytes_get_data (written, NULL), length, reference, length);
}

/* The streamed JSON of 20,000 records of each shape is what the tree of
 * all of them gives, and loading it back and exporting again gives the
 * same file. */
static void
test_json_streamed (void)
{
  static const char * const shapes[] = { "project", "other" };

  for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
    {
      g_autoptr(GPtrArray) measures = synthetic (shapes[s], 20000);
      g_autofree char *path = g_build_filename (dir, "export.json", NULL);
      g_autofree char *again_path = g_build_filename (dir, "again.json", NULL);
      g_autoptr(GBytes) written = export_json (measures, path);
      g_autoptr(GPtrArray) reloaded = load_file (path);
      g_autoptr(GBytes) again = export_json (reloaded, again_path);

      assert_same_as_tree (measures, written);
      g_assert_true (g_bytes_equal (written, again));
      g_unlink (path);
      g_unlink (again_path);
    }
}

/* Every field of measures-1, unknown keys of every kind of JSON value,
 * classification and full text among them, survives an export and a
 * load: the export says what the file said, and is a fixed point. */
static void
test_json_every_field (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "round-trip.json", NULL);
  g_autofree char *path = g_build_filename (dir, "round-trip.json", NULL);
  g_autofree char *again_path = g_build_filename (dir, "round-trip-again.json", NULL);
  g_autoptr(GPtrArray) measures = load_file (source);
  g_autoptr(GBytes) written = export_json (measures, path);
  g_autoptr(GPtrArray) reloaded = load_file (path);
  g_autoptr(GBytes) again = export_json (reloaded, again_path);
  g_autoptr(JsonParser) original = json_parser_new ();
  g_autoptr(JsonParser) exported = json_parser_new ();
  g_autoptr(GError) error = NULL;
  MeasuresMeasure *first;

  assert_same_as_tree (measures, written);
  g_assert_true (g_bytes_equal (written, again));

  g_assert_true (json_parser_load_from_file (original, source, &error));
  g_assert_true (json_parser_load_from_data (exported, g_bytes_get_data (written, NULL),
                                             g_bytes_get_size (written), &error));
  g_assert_no_error (error);
  g_assert_true (json_node_equal (json_parser_get_root (original), json_parser_get_root (exported)));

  first = g_ptr_array_index (reloaded, 0);
  g_assert_cmpstr (measures_localized_get_exact (measures_measure_get_classification (first), "en"), ==,
                   "Chosen by the Measures authors from the text of the decision.");
  g_assert_nonnull (strstr (g_bytes_get_data (written, NULL), "\"big\" : 12345678901234"));

  g_unlink (path);
  g_unlink (again_path);
}

/* The text pdftotext finds in @path, of every page. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

static guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);

  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* A PDF of more than a thousand pages, written as they are drawn: as
 * many pages as the layout counted, each with its footer, and the last
 * measure on the last page. */
static void
test_pdf_many_pages (void)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last_footer = NULL;
  g_autofree char *beyond = NULL;
  const char *last_title;
  const char *p;
  guint n_pages;

  if (g_find_program_in_path ("pdfinfo") == NULL || g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  measures = synthetic ("project", 2500);
  export = measures_export_new_summary (MEASURES_FORMAT_PDF, measures, NULL, FALSE, "en");
  g_assert_true (measures_export_write (export, file, NULL, &error));
  g_assert_no_error (error);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >, 1000);
  text = pdf_text (path);

  /* Every page in order, each told how many there are. */
  p = text;
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, n_pages);

      p = strstr (p, footer);
      g_assert_nonnull (p);
    }
  beyond = g_strdup_printf ("Page %u of", n_pages + 1);
  g_assert_null (strstr (text, beyond));

  /* The last measure comes before the last footer. */
  last_title = measures_localized_get_exact (measures_measure_get_title (g_ptr_array_index (measures, 2499)),
                                             "en");
  last_footer = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (last_title);
  p = g_strrstr (text, last_title);
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p, last_footer));

  g_unlink (path);
}

typedef struct
{
  const char *cancel_at;   /* a text of progress that cancels */
  double cancel_after;     /* or a fraction beyond which it cancels */
  gboolean cancelled;
  GAsyncResult *result;
} Cancelling;

static void
progress_cb (MeasuresExport *export,
             GParamSpec     *pspec,
             Cancelling     *cancelling)
{
  const char *text = measures_export_get_text (export);

  if (cancelling->cancelled)
    return;
  if ((cancelling->cancel_at != NULL && text != NULL && g_str_has_prefix (text, cancelling->cancel_at)) ||
      (cancelling->cancel_at == NULL && measures_export_get_fraction (export) > cancelling->cancel_after))
    {
      cancelling->cancelled = TRUE;
      measures_export_cancel (export);
    }
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Cancelling *cancelling = user_data;

  cancelling->result = g_object_ref (result);
}

static void
assert_no_temporary (void)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".measures-export-"));
}

/* Cancelled while it writes, after part of the document is in the
 * temporary file: the export fails as cancelled, the file it was
 * replacing is as it was (or, new, is not there) and nothing is left
 * beside it. */
static void
cancel_midway (MeasuresExportFormat  format,
               GPtrArray            *measures,
               const char           *cancel_at,
               double                cancel_after,
               gboolean              existing)
{
  g_autofree char *name = g_strconcat ("cancelled.", measures_export_format_get_extension (format), NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresExport) export = measures_export_new_summary (format, measures, NULL, FALSE, "en");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Cancelling cancelling = { cancel_at, cancel_after };
  gint64 deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;

  if (existing)
    g_assert_true (g_file_set_contents (path, "the old file", -1, NULL));
  g_signal_connect (export, "notify::text", G_CALLBACK (progress_cb), &cancelling);
  g_signal_connect (export, "notify::fraction", G_CALLBACK (progress_cb), &cancelling);
  measures_export_async (export, file, NULL, done_cb, &cancelling);
  while (cancelling.result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (cancelling.result);

  g_assert_true (cancelling.cancelled);
  g_assert_false (measures_export_finish (export, cancelling.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (existing)
    {
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the old file");
      g_unlink (path);
    }
  else
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_no_temporary ();
  g_clear_object (&cancelling.result);
}

static void
test_cancel_midway (void)
{
  g_autoptr(GPtrArray) measures = synthetic ("project", 20000);
  g_autoptr(GPtrArray) few = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (few, g_object_ref (g_ptr_array_index (measures, i)));

  /* JSON and CSV once a third of the records are written. */
  cancel_midway (MEASURES_FORMAT_JSON, measures, NULL, 0.3, TRUE);
  cancel_midway (MEASURES_FORMAT_JSON, measures, NULL, 0.3, FALSE);
  cancel_midway (MEASURES_FORMAT_CSV, measures, NULL, 0.3, TRUE);
  /* A PDF while it lays its pages out, and once pages are written. */
  cancel_midway (MEASURES_FORMAT_PDF, few, "Laying out page ", 0, TRUE);
  cancel_midway (MEASURES_FORMAT_PDF, few, "Drawing page 20 ", 0, TRUE);
  cancel_midway (MEASURES_FORMAT_PDF, few, "Drawing page 20 ", 0, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("measures-export-large-XXXXXX", NULL);

  g_test_add_func ("/export-large/json-streamed", test_json_streamed);
  g_test_add_func ("/export-large/json-every-field", test_json_every_field);
  g_test_add_func ("/export-large/pdf-many-pages", test_pdf_many_pages);
  g_test_add_func ("/export-large/cancel-midway", test_cancel_midway);

  status = g_test_run ();
  g_rmdir (dir);
  g_free (dir);

  return status;
}
