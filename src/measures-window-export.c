/* measures-window-export.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-chart.h"
#include "measures-export-dialog.h"
#include "measures-export.h"
#include "measures-languages.h"
#include "measures-loader.h"
#include "measures-preferences-window.h"
#include "measures-print-operation.h"
#include "measures-summary.h"
#include "measures-text.h"
#include "measures-window-private.h"

/* The window's exports, in a thread, printing, and charts as images.
 * Each job holds the window, and a window that closed shows nothing more
 * of it: see _measures_window_stop_jobs(). */

/* Printing and exporting */

typedef struct
{
  GPtrArray *measures;
  MeasuresQuery *query;
  gboolean single;
  char *collection_name;           /* a collection's measures, by its name */
  MeasuresExportFormat format;
  char *lang;
  MeasuresSummaryOptions *options; /* the matrix and the map */
  GFile *file;
  GCancellable *cancellable;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->measures, g_ptr_array_unref);
  g_clear_object (&job->query);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->options, measures_summary_options_free);
  g_free (job->lang);
  g_free (job->collection_name);
  g_free (job);
}

/* What a summary of the matches carries, as remembered: its index and
 * matches copied from the session's, for the thread. */
static MeasuresSummaryOptions *
remembered_options (MeasuresWindow *self)
{
  g_autofree char *matrix = g_settings_get_string (self->settings, "export-matrix");
  g_autofree char *map = g_settings_get_string (self->settings, "export-map");
  MeasuresSummaryOptions options = { 0, MEASURES_COVERAGE_BY_CATEGORY, MEASURES_MAP_WORLD };

  if (measures_coverage_by_from_name (matrix, &options.by))
    options.parts |= MEASURES_SUMMARY_PART_MATRIX;
  if (measures_map_zoom_from_name (map, &options.zoom))
    options.parts |= MEASURES_SUMMARY_PART_MAP;
  if (options.parts == 0)
    return NULL;

  options.index = measures_session_get_index (self->session);
  options.matches = measures_session_get_result (self->session)->matches;

  return measures_summary_options_copy (&options);
}

static void
remember_options (MeasuresWindow       *self,
                  MeasuresExportDialog *dialog)
{
  MeasuresCoverageBy by;
  MeasuresMapZoom zoom;
  MeasuresSummaryParts parts = measures_export_dialog_get_parts (dialog, &by, &zoom);

  g_settings_set_string (self->settings, "export-matrix",
                         parts & MEASURES_SUMMARY_PART_MATRIX ? measures_coverage_by_get_name (by) : "none");
  g_settings_set_string (self->settings, "export-map",
                         parts & MEASURES_SUMMARY_PART_MAP ? measures_map_zoom_get_name (zoom) : "none");
}

/* What the dialog chose: the selected measure, or the matches in the
 * order shown, with a copy of the filters that the thread can read. */
static ExportJob *
export_job_new (MeasuresWindow       *self,
                gboolean              single,
                MeasuresExportFormat  format,
                const char           *lang)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  GListModel *model;
  g_autoptr(GPtrArray) selection = NULL;

  _measures_window_ensure_panes (self);
  model = measures_measure_list_get_model (self->measure_list);
  selection = measures_measure_list_dup_selection (self->measure_list);

  /* The selected measures: one is a measure's summary, several a
   * summary of them. */
  if (single && selection->len > 1)
    {
      job->format = format;
      job->lang = g_strdup (lang);
      job->measures = g_steal_pointer (&selection);
      job->query = measures_query_new ();
      measures_query_assign (job->query, measures_session_get_query (self->session));
      job->options = remembered_options (self);
      return job;
    }

  job->single = single && measures_detail_pane_get_measure (self->detail_pane) != NULL;
  job->format = format;
  job->lang = g_strdup (lang);
  job->measures = g_ptr_array_new_with_free_func (g_object_unref);
  job->query = measures_query_new ();
  measures_query_assign (job->query, measures_session_get_query (self->session));

  if (job->single)
    g_ptr_array_add (job->measures, g_object_ref (measures_detail_pane_get_measure (self->detail_pane)));
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (job->measures, g_list_model_get_item (model, i));
      job->options = remembered_options (self);
    }

  return job;
}

/* A collection's measures, those loaded, in the order the list sorts
 * by; the cover says which collection, as `--collection=NAME` does. */
static ExportJob *
collection_job_new (MeasuresWindow       *self,
                    const char           *collection,
                    MeasuresExportFormat  format,
                    const char           *lang)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  MeasuresLibrary *library = measures_session_get_library (self->session);
  const char *ids[] = { collection, NULL };
  g_autoptr(MeasuresResult) result = NULL;

  job->format = format;
  job->lang = g_strdup (lang);
  job->collection_name = g_strdup (measures_library_get_collection_name (library, collection));
  job->query = measures_query_new ();
  _measures_window_ensure_panes (self);
  measures_query_set_library (job->query, library);
  measures_query_set_collections (job->query, ids);
  result = measures_index_evaluate (measures_session_get_index (self->session), job->query);
  job->measures = measures_measure_list_dup_measures (self->measure_list, result->matches);
  job->options = remembered_options (self);
  if (job->options != NULL)
    {
      /* The matrix and the map count the collection's measures. */
      MeasuresSummaryOptions options = *job->options;

      options.matches = result->matches;
      measures_summary_options_free (job->options);
      job->options = measures_summary_options_copy (&options);
    }

  return job;
}

/* Says how an export ended: what went wrong, or where the file is, with
 * a button to open it; a cancelled summary export is said too. */
static void
show_export_outcome (MeasuresWindow *self,
                     GFile          *file,
                     const GError   *error,
                     gboolean        tell_cancelled)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (!tell_cancelled)
            return;
          /* Translators: a notification; nothing was written */
          title = g_strdup (_("Export cancelled"));
        }
      else
        {
          /* What went wrong stays until dismissed: in the banner. */
          /* Translators: a banner; %s says why */
          title = g_strdup_printf (_("Could not export: %s"), error->message);
          _measures_window_show_status (self, title, NULL, NULL, TRUE);
          return;
        }
      _measures_window_add_toast (self, adw_toast_new (title), FALSE);
      return;
    }

  /* Translators: a notification; %s is a file name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_take_string (g_file_get_uri (file)));
  _measures_window_add_toast (self, toast, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MeasuresWindow) self = user_data;
  ExportJob *job = g_object_get_data (object, "job");
  g_autoptr(GError) error = NULL;

  measures_export_finish (MEASURES_EXPORT (object), result, &error);

  /* An export replaced by a newer one leaves its notification to it. */
  if (self->closed || job->cancellable != self->export_cancellable)
    return;

  if (self->export_banner_source == 0)
    _measures_window_hide_status (self);
  g_clear_handle_id (&self->export_banner_source, g_source_remove);
  g_clear_object (&self->export_cancellable);

  show_export_outcome (self, job->file, error, TRUE);
  if (error == NULL)
    _measures_window_check_catalogue (self, job->lang);
}

/* Progress, for exports that take a while: a notification that stays
 * until the export ends, and that can cancel it. Quick exports show
 * only their result. */
static gboolean
show_export_progress_cb (gpointer user_data)
{
  MeasuresWindow *self = user_data;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;

  self->export_banner_source = 0;

  count = measures_text_format_count (self->export_count);
  /* Translators: a banner while exporting; %s is a number, with the
   * locale's digit grouping */
  title = g_strdup_printf (ngettext ("Exporting %s measure…", "Exporting %s measures…", self->export_count),
                           count);
  _measures_window_show_status (self, title, _("_Cancel"), "win.cancel-export", FALSE);
  gtk_progress_bar_set_fraction (self->status_progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status_progress), TRUE);

  return G_SOURCE_REMOVE;
}

/* The job's own progress, in the banner: "Drawing page 2 of 7…". */
static void
export_progress_cb (MeasuresExport *export,
                    GParamSpec     *pspec,
                    MeasuresWindow *self)
{
  if (self->closed || !gtk_widget_get_visible (GTK_WIDGET (self->status_progress)))
    return;

  gtk_progress_bar_set_fraction (self->status_progress, measures_export_get_fraction (export));
  if (measures_export_get_text (export) != NULL)
    gtk_progress_bar_set_text (self->status_progress, measures_export_get_text (export));
  gtk_progress_bar_set_show_text (self->status_progress, measures_export_get_text (export) != NULL);
}

static void
start_export (MeasuresWindow *self,
              ExportJob      *job)
{
  g_autoptr(MeasuresExport) export = NULL;

  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->export_cancellable);

  self->export_count = job->measures->len;
  g_clear_handle_id (&self->export_banner_source, g_source_remove);
  self->export_banner_source = g_timeout_add (400, show_export_progress_cb, self);

  export = measures_export_new_summary (job->format, job->measures, job->query, job->single, job->lang);
  if (job->format == MEASURES_FORMAT_PDF || job->format == MEASURES_FORMAT_HTML ||
      job->format == MEASURES_FORMAT_MARKDOWN)
    measures_export_set_summary_options (export, job->options);
  g_object_set_data_full (G_OBJECT (export), "job", job, export_job_free);
  g_signal_connect_object (export, "notify::fraction", G_CALLBACK (export_progress_cb), self, 0);
  measures_export_async (export, job->file, self->export_cancellable, export_done_cb, g_object_ref (self));
}

/* File choosers call back a window that may be closed by then; their
 * handlers are connected with g_signal_connect_object() and look at
 * self->closed. */
static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                MeasuresWindow  *self)
{
  ExportJob *job = g_object_steal_data (G_OBJECT (chooser), "job");

  if (response == GTK_RESPONSE_ACCEPT && !self->closed && job != NULL)
    {
      job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      start_export (self, g_steal_pointer (&job));
    }
  g_clear_pointer (&job, export_job_free);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (MeasuresWindow *self,
             ExportJob      *job)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = measures_export_dialog_new_filter (job->format);
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  if (job->collection_name != NULL)
    {
      /* A collection's export is named after it. */
      g_autofree char *base = g_strdelimit (g_strdup (job->collection_name), "/\\:", '-');

      name = g_strdup_printf ("%s.%s", base, measures_export_format_get_extension (job->format));
    }
  else
    /* Translators: the suggested file name of an export, without extension */
    name = g_strdup_printf ("%s.%s", job->single ? _("measure") : _("measures-summary"),
                            measures_export_format_get_extension (job->format));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "job", job, export_job_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_print_error (MeasuresWindow *self,
                  const GError   *error)
{
  g_autofree char *title = NULL;

  if (self->closed)
    return;

  /* Translators: a notification; %s says why */
  title = g_strdup_printf (_("Could not print: %s"), error != NULL ? error->message : _("unknown error"));
  _measures_window_add_toast (self, adw_toast_new (title), TRUE);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               MeasuresWindow          *self)
{
  g_object_set_data (G_OBJECT (operation), "done", GINT_TO_POINTER (TRUE));

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_print_error (self, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    measures_print_operation_save (MEASURES_PRINT_OPERATION (operation));
}

/* Shows the print dialog for @operation, on its own from there. */
static void
run_print (MeasuresWindow         *self,
           MeasuresPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;

  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  /* An error found before the operation went on its own is said here;
   * later ones come with "done". */
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      g_object_get_data (G_OBJECT (operation), "done") == NULL)
    show_print_error (self, error);
}

static void
start_print (MeasuresWindow *self,
             ExportJob      *job)
{
  MeasuresSummary *summary = measures_summary_new_full (job->measures, job->query, job->single, job->lang, NULL,
                                                        job->options);
  g_autoptr(MeasuresPrintOperation) operation = measures_print_operation_new (summary);

  _measures_window_check_catalogue (self, job->lang);
  run_print (self, operation);
  export_job_free (job);
}

static void
export_response_cb (MeasuresExportDialog *dialog,
                    const char           *response,
                    MeasuresWindow       *self)
{
  gboolean single = measures_export_dialog_get_single (dialog);
  const char *collection = measures_export_dialog_get_collection (dialog);
  MeasuresExportFormat format = measures_export_dialog_get_format (dialog);
  const char *lang = measures_export_dialog_get_lang (dialog);

  /* Offered first next time. */
  if (g_str_equal (response, "export") || g_str_equal (response, "print"))
    {
      g_settings_set_string (self->settings, "export-scope",
                             collection != NULL ? "collection" : single ? "selected" : "all");
      if (collection != NULL)
        g_settings_set_string (self->settings, "export-collection", collection);
      if (!single)
        remember_options (self, dialog);
      if (g_str_equal (response, "export"))
        g_settings_set_string (self->settings, "export-format", measures_export_format_get_name (format));
    }

  if (g_str_equal (response, "export"))
    choose_file (self, collection != NULL ? collection_job_new (self, collection, format, lang)
                                          : export_job_new (self, single, format, lang));
  else if (g_str_equal (response, "print"))
    start_print (self, collection != NULL ? collection_job_new (self, collection, MEASURES_FORMAT_PDF, lang)
                                          : export_job_new (self, single, MEASURES_FORMAT_PDF, lang));
}

static char *
export_language (MeasuresWindow *self)
{
  g_autofree char *lang = g_settings_get_string (self->settings, "export-language");

  if (g_str_equal (lang, "auto"))
    return measures_get_preferred_language ();

  return g_steal_pointer (&lang);
}

static void
show_export_dialog (MeasuresWindow *self,
                    const char     *default_response)
{
  MeasuresMeasure *selected;
  g_auto(GStrv) langs = measures_get_content_languages ();
  g_autofree char *lang = export_language (self);
  guint n_matching;
  g_autofree char *selected_title = NULL;
  MeasuresLibrary *library = measures_session_get_library (self->session);
  guint n_collections = measures_library_get_n_collections (library);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_null_terminated (n_collections + 1, NULL, TRUE);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (n_collections + 1, NULL, TRUE);
  guint n_selected;
  MeasuresExportDialog *dialog;

  _measures_window_ensure_panes (self);
  selected = measures_detail_pane_get_measure (self->detail_pane);
  n_matching = g_list_model_get_n_items (measures_measure_list_get_model (self->measure_list));

  /* Nothing to export: said, with no dialog to dismiss. */
  if (n_matching == 0 && selected == NULL)
    {
      _measures_window_add_toast (self, adw_toast_new (_("Nothing to export: no measure matches the filters")), FALSE);
      return;
    }

  n_selected = measures_measure_list_get_n_selected (self->measure_list);
  if (n_selected > 1)
    /* Translators: the subtitle of "The selected measures" in the export dialog */
    selected_title = g_strdup_printf (ngettext ("%u measure", "%u measures", n_selected), n_selected);
  else if (selected != NULL)
    selected_title = g_strdup (measures_measure_resolve_title (selected, (const char * const *) langs));
  dialog = measures_export_dialog_new (GTK_WINDOW (self), selected_title, n_matching, lang);
  measures_export_dialog_set_several (dialog, n_selected > 1);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), default_response);
  {
    g_autofree char *scope = g_settings_get_string (self->settings, "export-scope");
    g_autofree char *format_name = g_settings_get_string (self->settings, "export-format");
    g_autofree char *collection = g_settings_get_string (self->settings, "export-collection");
    MeasuresExportFormat format;

    if (!measures_export_format_from_name (format_name, &format) || measures_export_format_is_chart (format))
      format = MEASURES_FORMAT_PDF;
    measures_export_dialog_set_choices (dialog, g_str_equal (scope, "selected"), format);
    for (guint i = 0; i < n_collections; i++)
      {
        const char *id = measures_library_get_collection (library, i);

        g_ptr_array_add (ids, (gpointer) id);
        g_ptr_array_add (names, (gpointer) measures_library_get_collection_name (library, id));
      }
    measures_export_dialog_set_collections (dialog, (const char * const *) ids->pdata,
                                            (const char * const *) names->pdata);
    /* A collection that no longer exists: the matches, as offered. */
    if (g_str_equal (scope, "collection"))
      measures_export_dialog_choose_collection (dialog, collection);
  }
  {
    g_autofree char *matrix = g_settings_get_string (self->settings, "export-matrix");
    g_autofree char *map = g_settings_get_string (self->settings, "export-map");
    MeasuresCoverageBy by = MEASURES_COVERAGE_BY_CATEGORY;
    MeasuresMapZoom zoom = MEASURES_MAP_WORLD;
    MeasuresSummaryParts parts = 0;

    if (measures_coverage_by_from_name (matrix, &by))
      parts |= MEASURES_SUMMARY_PART_MATRIX;
    if (measures_map_zoom_from_name (map, &zoom))
      parts |= MEASURES_SUMMARY_PART_MAP;
    measures_export_dialog_set_parts (dialog, parts, by, zoom);
  }
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  show_export_dialog (MEASURES_WINDOW (widget), "export");
}

/**
 * measures_window_new_print:
 *
 * Makes the print job of Ctrl+P: its dialog's tab "Measures" chooses
 * between what matches and the selected measure, or the selected
 * measures when there are several, which it then offers first; the
 * same list of them as their export.
 *
 * Returns: (transfer full) (nullable) (type MeasuresPrintOperation): the
 *   job, or %NULL when there is nothing to print
 */
GtkPrintOperation *
measures_window_new_print (MeasuresWindow *self)
{
  g_autofree char *lang = NULL;
  ExportJob *job;
  MeasuresMeasure *selected;
  MeasuresPrintOperation *operation;
  g_autofree char *scope = NULL;

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  lang = export_language (self);
  job = export_job_new (self, FALSE, MEASURES_FORMAT_PDF, lang);
  selected = measures_detail_pane_get_measure (self->detail_pane);
  if (job->measures->len == 0 && selected == NULL)
    {
      export_job_free (job);
      return NULL;
    }

  scope = g_settings_get_string (self->settings, "export-scope");
  operation = measures_print_operation_new_choice (job->measures, selected,
                                                   job->measures->len == 0 || g_str_equal (scope, "selected"),
                                                   job->query, lang);
  measures_print_operation_set_summary_options (operation, job->options);
  if (measures_measure_list_get_n_selected (self->measure_list) > 1)
    {
      /* The selection, as export_job_new() has it for its export. */
      ExportJob *chosen = export_job_new (self, TRUE, MEASURES_FORMAT_PDF, lang);

      measures_print_operation_set_selection (operation, chosen->measures);
      export_job_free (chosen);
    }
  export_job_free (job);

  return GTK_PRINT_OPERATION (operation);
}

/* Ctrl+P: straight to the print dialog. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = measures_window_new_print (self);

  if (operation != NULL)
    run_print (self, MEASURES_PRINT_OPERATION (operation));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_cancellable_cancel (MEASURES_WINDOW (widget)->export_cancellable);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  /* Newer than GDK_VERSION_MAX_ALLOWED, and guarded. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GFile) file = g_file_new_for_uri (uri);
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

    gtk_file_launcher_launch (launcher, GTK_WINDOW (widget), NULL, NULL, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
#endif
}

/* Charts as images */

static void
chart_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MeasuresWindow) self = user_data;
  MeasuresExport *export = MEASURES_EXPORT (object);
  g_autoptr(GError) error = NULL;

  measures_export_finish (export, result, &error);
  if (!self->closed)
    show_export_outcome (self, measures_export_get_file (export), error, FALSE);
}

/**
 * measures_window_export_chart:
 * @self: a window
 * @chart: which chart of the overview
 * @format: PNG or SVG
 * @file: where to write
 *
 * Writes @chart of the measures that match as an image, in a thread, as
 * Export Chart… does once a file is chosen; a notification tells how it
 * went.
 */
void
measures_window_export_chart (MeasuresWindow      *self,
                              MeasuresChart        chart,
                              MeasuresChartFormat  format,
                              GFile               *file)
{
  g_autoptr(MeasuresExport) export = NULL;
  const MeasuresResult *result;
  MeasuresIndex *index;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (chart < MEASURES_N_CHARTS);
  g_return_if_fail (G_IS_FILE (file));

  index = measures_session_get_index (self->session);
  result = measures_session_get_result (self->session);
  if (result == NULL)
    return;

  export = measures_export_new_chart (format == MEASURES_CHART_SVG ? MEASURES_FORMAT_SVG : MEASURES_FORMAT_PNG,
                                      index, result->matches, chart, 2);

  if (self->chart_cancellable == NULL)
    self->chart_cancellable = g_cancellable_new ();
  measures_export_async (export, file, self->chart_cancellable, chart_done_cb, g_object_ref (self));
}

static void
chart_file_chosen_cb (GtkNativeDialog *chooser,
                      int              response,
                      MeasuresWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->closed)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      MeasuresChart chart = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "chart"));
      MeasuresChartFormat format;

      /* A name without .png or .svg gets the one of the chosen filter. */
      if (path == NULL || !measures_chart_format_from_path (path, &format))
        {
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *name = NULL;
          g_autoptr(GFile) parent = g_file_get_parent (file);

          format = filter != NULL && filter == g_object_get_data (G_OBJECT (chooser), "svg-filter")
                   ? MEASURES_CHART_SVG : MEASURES_CHART_PNG;
          name = g_strconcat (base, format == MEASURES_CHART_SVG ? ".svg" : ".png", NULL);
          g_clear_object (&file);
          file = parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
        }

      measures_window_export_chart (self, chart, format, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = measures_export_dialog_new_filter (MEASURES_FORMAT_PNG);
  g_autoptr(GtkFileFilter) svg = measures_export_dialog_new_filter (MEASURES_FORMAT_SVG);
  g_autofree char *name = NULL;
  MeasuresChart chart;

  if (!measures_chart_from_name (g_variant_get_string (parameter, NULL), &chart))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  g_object_set_data_full (G_OBJECT (chooser), "svg-filter", g_object_ref (svg), g_object_unref);
  g_object_set_data (G_OBJECT (chooser), "chart", GUINT_TO_POINTER (chart));

  /* Translators: the suggested name of a chart image, without extension;
   * %s is years, forms, types or timeline */
  name = g_strdup_printf (_("measures-%s.png"), measures_chart_get_name (chart));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chart_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}


/**
 * measures_window_export:
 * @self: a window
 * @file: where to write
 * @single: the selected measure alone, rather than all that match
 * @format: the format
 * @lang: the language of the summary
 *
 * Exports in a thread, as the Export dialog does once a file is chosen;
 * a notification tells how it went.
 */
void
measures_window_export (MeasuresWindow       *self,
                        GFile                *file,
                        gboolean              single,
                        MeasuresExportFormat  format,
                        const char           *lang)
{
  ExportJob *job;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  job = export_job_new (self, single, format, lang);
  job->file = g_object_ref (file);
  start_export (self, job);
}

/**
 * measures_window_export_collection:
 * @self: a window
 * @file: where to write
 * @collection: the id of a collection
 * @format: the format
 * @lang: the language of the summary
 *
 * Exports the measures of @collection that are loaded, in the order the
 * list shows, as the Export dialog does for "A collection".
 */
void
measures_window_export_collection (MeasuresWindow       *self,
                                   GFile                *file,
                                   const char           *collection,
                                   MeasuresExportFormat  format,
                                   const char           *lang)
{
  ExportJob *job;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (collection != NULL);

  job = collection_job_new (self, collection, format, lang);
  job->file = g_object_ref (file);
  start_export (self, job);
}

/**
 * measures_window_get_exporting:
 *
 * Returns: whether an export is running
 */
gboolean
measures_window_get_exporting (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), FALSE);

  return self->export_cancellable != NULL;
}

/**
 * _measures_window_stop_jobs:
 *
 * Cancels the exports and chart images under way, for a window that
 * closes; their callbacks find it closed.
 */
void
_measures_window_stop_jobs (MeasuresWindow *self)
{
  GCancellable *cancellables[] = { self->export_cancellable, self->chart_cancellable };

  for (guint i = 0; i < G_N_ELEMENTS (cancellables); i++)
    if (cancellables[i] != NULL)
      g_cancellable_cancel (cancellables[i]);

  g_clear_handle_id (&self->export_banner_source, g_source_remove);
}

void
_measures_window_class_export_init (MeasuresWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
}
