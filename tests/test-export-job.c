/* test-export-job.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export entry point: the table of formats, a job in a thread and in
 * the caller's, its progress, and cancelling it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "measures-export.h"
#include "measures-loader.h"

static GPtrArray *bundled;
static MeasuresIndex *bundled_index;
static GThread *main_thread;

typedef struct
{
  GPtrArray *texts;      /* each text told, in order */
  double last_fraction;
  guint n_fractions;
  gboolean backwards;    /* the fraction went down within a run */
  gboolean wrong_thread;
  const char *cancel_at; /* cancel when a text starting so is told */
  GAsyncResult *result;
} Progress;

static void
progress_clear (Progress *progress)
{
  g_clear_pointer (&progress->texts, g_ptr_array_unref);
  g_clear_object (&progress->result);
}

static void
text_cb (MeasuresExport *export,
         GParamSpec     *pspec,
         Progress       *progress)
{
  const char *text = measures_export_get_text (export);

  if (g_thread_self () != main_thread)
    progress->wrong_thread = TRUE;
  g_ptr_array_add (progress->texts, g_strdup (text));
  if (progress->cancel_at != NULL && g_str_has_prefix (text, progress->cancel_at))
    measures_export_cancel (export);
}

static void
fraction_cb (MeasuresExport *export,
             GParamSpec     *pspec,
             Progress       *progress)
{
  double fraction = measures_export_get_fraction (export);

  if (g_thread_self () != main_thread)
    progress->wrong_thread = TRUE;
  if (fraction < progress->last_fraction && fraction != 0)
    progress->backwards = TRUE;
  progress->last_fraction = fraction;
  progress->n_fractions++;
}

static void
watch (MeasuresExport *export,
       Progress       *progress)
{
  progress->texts = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (export, "notify::text", G_CALLBACK (text_cb), progress);
  g_signal_connect (export, "notify::fraction", G_CALLBACK (fraction_cb), progress);
}

static gboolean
told (Progress   *progress,
      const char *prefix)
{
  for (guint i = 0; i < progress->texts->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (progress->texts, i), prefix))
      return TRUE;

  return FALSE;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_thread_self () == main_thread);
  progress->result = g_object_ref (result);
}

static gboolean
wait_for_result (Progress *progress)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (progress->result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return progress->result != NULL;
}

static char *
temporary_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-export-job-XXXXXX", NULL);

  return g_build_filename (dir, name, NULL);
}

static void
remove_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_formats (void)
{
  MeasuresExportFormat format;
  static const struct {
    const char *path;
    MeasuresExportFormat format;
  } paths[] = {
    { "a.pdf", MEASURES_FORMAT_PDF }, { "a.HTML", MEASURES_FORMAT_HTML }, { "a.htm", MEASURES_FORMAT_HTML },
    { "a.md", MEASURES_FORMAT_MARKDOWN }, { "a.markdown", MEASURES_FORMAT_MARKDOWN },
    { "a.csv", MEASURES_FORMAT_CSV }, { "a.json", MEASURES_FORMAT_JSON },
    { "/x/chart.png", MEASURES_FORMAT_PNG }, { "chart.Svg", MEASURES_FORMAT_SVG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_assert_true (measures_export_format_from_path (paths[i].path, &format));
      g_assert_cmpint (format, ==, paths[i].format);
    }
  g_assert_false (measures_export_format_from_path ("a.docx", &format));
  g_assert_false (measures_export_format_from_path ("a.pdf/b", &format));

  for (format = 0; format < MEASURES_N_FORMATS; format++)
    {
      MeasuresExportFormat back;

      g_assert_true (measures_export_format_from_name (measures_export_format_get_name (format), &back));
      g_assert_cmpint (back, ==, format);
      g_assert_cmpstr (measures_export_format_get_extension (format), !=, "");
    }

  g_assert_false (measures_export_format_is_text (MEASURES_FORMAT_PDF));
  g_assert_false (measures_export_format_is_text (MEASURES_FORMAT_PNG));
  g_assert_true (measures_export_format_is_text (MEASURES_FORMAT_SVG));
  g_assert_true (measures_export_format_is_text (MEASURES_FORMAT_MARKDOWN));
  g_assert_true (measures_export_format_is_chart (MEASURES_FORMAT_PNG));
  g_assert_true (measures_export_format_is_chart (MEASURES_FORMAT_SVG));
  g_assert_false (measures_export_format_is_chart (MEASURES_FORMAT_JSON));
}

/* A PDF in a thread: the file is the document in memory, and every
 * notification of progress comes on the main context, in order. */
static void
test_async_pdf (void)
{
  g_autofree char *path = temporary_path ("summary.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresExport) export = measures_export_new_summary (MEASURES_FORMAT_PDF, bundled, NULL, FALSE, "en");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Progress progress = { 0 };

  watch (export, &progress);
  measures_export_async (export, file, NULL, done_cb, &progress);
  g_assert_true (wait_for_result (&progress));
  g_assert_true (measures_export_finish (export, progress.result, &error));
  g_assert_no_error (error);

  g_assert_true (measures_export_get_file (export) == file);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_false (progress.wrong_thread);
  g_assert_false (progress.backwards);
  g_assert_cmpfloat (measures_export_get_fraction (export), ==, 1);
  g_assert_cmpuint (progress.n_fractions, >=, 2);
  g_assert_true (told (&progress, "Preparing the export"));
  g_assert_true (told (&progress, "Writing the file"));
  g_assert_cmpstr (measures_export_get_text (export), ==, "Writing the file…");

  progress_clear (&progress);
  remove_path (path);
}

/* The caller's cancellable, cancelled at once: nothing is written and
 * the job says it was cancelled. */
static void
test_async_cancelled (void)
{
  g_autofree char *path = temporary_path ("summary.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresExport) export = measures_export_new_summary (MEASURES_FORMAT_HTML, bundled, NULL, FALSE, "en");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  watch (export, &progress);
  measures_export_async (export, file, cancellable, done_cb, &progress);
  g_cancellable_cancel (cancellable);
  g_assert_true (wait_for_result (&progress));
  g_assert_false (measures_export_finish (export, progress.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  progress_clear (&progress);

  /* The job runs again, without the old cancellation. */
  g_clear_error (&error);
  watch (export, &progress);
  measures_export_async (export, file, NULL, done_cb, &progress);
  g_assert_true (wait_for_result (&progress));
  g_assert_true (measures_export_finish (export, progress.result, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  progress_clear (&progress);
  remove_path (path);
}

/* In the caller's thread, progress comes as the job goes, so it can be
 * cancelled between two pages; the old file stays, and nothing of the
 * pages written is left. */
static void
test_sync_cancel_between_pages (void)
{
  g_autofree char *path = temporary_path ("summary.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresExport) export = measures_export_new_summary (MEASURES_FORMAT_PDF, bundled, NULL, FALSE, "ro");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  Progress progress = { 0 };

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  watch (export, &progress);
  progress.cancel_at = "Drawing page 1 ";
  g_assert_false (measures_export_write (export, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (told (&progress, "Preparing the export"));
  g_assert_false (told (&progress, "Drawing page 2 "));
  g_assert_false (told (&progress, "Writing the file"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  /* The pages drawn before were written to a temporary file, now gone. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".measures-export-"));
  }

  progress_clear (&progress);
  remove_path (path);
}

/* Each format of summary makes in a file what it makes in memory. */
static void
test_write_equals_bytes (void)
{
  static const MeasuresExportFormat text_formats[] = {
    MEASURES_FORMAT_HTML, MEASURES_FORMAT_MARKDOWN, MEASURES_FORMAT_CSV, MEASURES_FORMAT_JSON,
  };

  for (guint i = 0; i < G_N_ELEMENTS (text_formats); i++)
    {
      MeasuresExportFormat format = text_formats[i];
      g_autofree char *name = g_strconcat ("out.", measures_export_format_get_extension (format), NULL);
      g_autofree char *path = temporary_path (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(MeasuresExport) export = measures_export_new_summary (format, bundled, NULL, FALSE, "en");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;
      char *contents;
      gsize length;

      bytes = measures_export_to_bytes (export, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (measures_export_write (export, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      written = g_bytes_new_take (contents, length);
      g_assert_true (g_bytes_equal (bytes, written));
      remove_path (path);
    }
}

/* A chart job writes what the chart module draws, PNG or SVG. */
static void
test_chart (void)
{
  g_autoptr(MeasuresBitset) all = measures_bitset_new (bundled->len);
  g_autoptr(MeasuresOverview) overview = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *path = temporary_path ("chart.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresExport) svg = NULL;
  g_autoptr(MeasuresExport) png = NULL;
  g_autoptr(GBytes) svg_bytes = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresChartStyle style = { FALSE };
  g_autofree char *contents = NULL;
  gsize length;
  Progress progress = { 0 };

  measures_bitset_fill (all);
  overview = measures_overview_new (bundled_index, all, g_date_time_get_year (now));

  svg = measures_export_new_chart (MEASURES_FORMAT_SVG, bundled_index, all, MEASURES_CHART_TIMELINE, 1);
  svg_bytes = measures_export_to_bytes (svg, NULL, &error);
  g_assert_no_error (error);
  expected = measures_chart_to_svg (overview, MEASURES_CHART_TIMELINE, MEASURES_CHART_IMAGE_WIDTH, &style);
  g_assert_true (g_bytes_equal (svg_bytes, expected));

  png = measures_export_new_chart (MEASURES_FORMAT_PNG, bundled_index, all, MEASURES_CHART_YEARS, 2);
  watch (png, &progress);
  measures_export_async (png, file, NULL, done_cb, &progress);
  g_assert_true (wait_for_result (&progress));
  g_assert_true (measures_export_finish (png, progress.result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_false (progress.wrong_thread);
  progress_clear (&progress);
  remove_path (path);

  /* A scale out of range fails when it runs, with the chart's message. */
  g_clear_object (&png);
  png = measures_export_new_chart (MEASURES_FORMAT_PNG, bundled_index, all, MEASURES_CHART_YEARS, 20);
  g_assert_null (measures_export_to_bytes (png, NULL, &error));
  g_assert_error (error, MEASURES_CHART_ERROR, MEASURES_CHART_ERROR_BAD_SIZE);
}

/* The job copies what it is given: changing the caller's array and
 * query afterwards changes nothing. */
static void
test_copies_input (void)
{
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresExport) export = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *forms[] = { "Trafficking", NULL };

  for (guint i = 0; i < bundled->len; i++)
    g_ptr_array_add (measures, g_object_ref (g_ptr_array_index (bundled, i)));
  measures_query_set_forms (query, forms);

  export = measures_export_new_summary (MEASURES_FORMAT_MARKDOWN, measures, query, FALSE, "en");
  before = measures_export_to_bytes (export, NULL, NULL);
  g_ptr_array_set_size (measures, 1);
  measures_query_clear (query);
  after = measures_export_to_bytes (export, NULL, NULL);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "Trafficking"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  /* The first eleven bundled records (tests/data/eleven.json). */
  path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  file = g_file_new_for_path (path);
  dataset = measures_loader_load_file (file, NULL);
  bundled = g_ptr_array_ref (measures_dataset_get_measures (dataset));
  bundled_index = measures_index_new (bundled);

  g_test_add_func ("/export-job/formats", test_formats);
  g_test_add_func ("/export-job/async-pdf", test_async_pdf);
  g_test_add_func ("/export-job/async-cancelled", test_async_cancelled);
  g_test_add_func ("/export-job/sync-cancel-between-pages", test_sync_cancel_between_pages);
  g_test_add_func ("/export-job/write-equals-bytes", test_write_equals_bytes);
  g_test_add_func ("/export-job/chart", test_chart);
  g_test_add_func ("/export-job/copies-input", test_copies_input);

  return g_test_run ();
}
