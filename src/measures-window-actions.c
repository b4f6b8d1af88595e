/* measures-window-actions.c
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
#include "measures-loader.h"
#include "measures-preferences-window.h"
#include "measures-print-operation.h"
#include "measures-summary.h"
#include "measures-text.h"
#include "measures-window-private.h"

/* The window's actions, and the jobs they start: exports in a thread,
 * printing, charts as images. Each job holds the window, and a window
 * that closed shows nothing more of it: see _measures_window_stop_jobs(). */

/* Actions */

static char *
problems_text (MeasuresWindow *self)
{
  GPtrArray *problems = measures_session_get_problems (self->session);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = measures_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}


static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  measures_session_cancel_load (MEASURES_WINDOW (widget)->session);
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (MEASURES_WINDOW (widget)->problem_banner, FALSE);
}

static void
problems_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MeasuresWindow   *self)
{
  if (g_str_equal (response, "copy"))
    {
      g_autofree char *text = problems_text (self);

      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
    }
}

static void
settings_details_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->settings_problems == NULL)
    return;

  body = g_strjoinv ("\n", self->settings_problems);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Settings Reset to Their Defaults"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * measures_window_report_settings:
 * @problems: (element-type utf8): what measures_settings_repair() found
 *
 * Says that settings could not be used and were reset, so that the user
 * knows why the window is not as they left it.
 */
void
measures_window_report_settings (MeasuresWindow *self,
                                 GPtrArray      *problems)
{
  g_autofree char *title = NULL;

  g_return_if_fail (MEASURES_IS_WINDOW (self));

  if (problems == NULL || problems->len == 0)
    return;

  g_strfreev (self->settings_problems);
  self->settings_problems = g_new0 (char *, problems->len + 1);
  for (guint i = 0; i < problems->len; i++)
    self->settings_problems[i] = g_strdup (g_ptr_array_index (problems, i));

  /* Translators: a banner at the top of the window */
  title = g_strdup_printf (ngettext ("A setting could not be used and was reset",
                                     "%u settings could not be used and were reset",
                                     problems->len), problems->len);
  _measures_window_show_status (self, title, _("_Details"), "win.settings-details", FALSE);
}

/**
 * _measures_window_show_status:
 * @text: what stays true until the user deals with it
 * @button_label: (nullable): the label of the button that deals with it
 * @action_name: (nullable): the button's action
 * @error: whether it says what went wrong
 *
 * Shows @text in the banner at the top of the window, until dismissed or
 * replaced.
 */
void
_measures_window_show_status (MeasuresWindow *self,
                              const char     *text,
                              const char     *button_label,
                              const char     *action_name,
                              gboolean        error)
{
  GtkWidget *box = gtk_revealer_get_child (self->status_banner);

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->status_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), action_name);
  gtk_widget_set_visible (GTK_WIDGET (self->status_progress), FALSE);
  if (error)
    gtk_widget_add_css_class (box, "error");
  else
    gtk_widget_remove_css_class (box, "error");
  gtk_revealer_set_reveal_child (self->status_banner, TRUE);
}

void
_measures_window_hide_status (MeasuresWindow *self)
{
  gtk_revealer_set_reveal_child (self->status_banner, FALSE);
}

static void
dismiss_status_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _measures_window_hide_status (MEASURES_WINDOW (widget));
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autofree char *text = problems_text (self);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Could Not Be Read"),
                                   _("Each line names the file, the place in it, the record and what is wrong."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "copy", _("_Copy"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problems while reading the datasets"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_widget_set_size_request (scroller, 520, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  g_signal_connect_object (dialog, "response", G_CALLBACK (problems_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                MeasuresWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->closed)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      measures_window_add_files (self, (GFile * const *) list->pdata, list->len);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_datasets (MeasuresWindow *self,
                 gboolean        folder)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Open a Folder of Datasets") : _("Open Datasets"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (!folder)
    {
      g_autoptr(GtkFileFilter) datasets = gtk_file_filter_new ();
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      gtk_file_filter_set_name (datasets, _("Datasets (JSON or text)"));
      gtk_file_filter_add_suffix (datasets, "json");
      gtk_file_filter_add_suffix (datasets, "txt");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), datasets);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (open_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_datasets (MEASURES_WINDOW (widget), FALSE);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_datasets (MEASURES_WINDOW (widget), TRUE);
}

/* Removing a dataset is undone from its notification. */
static void
remove_dataset_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) bundled = measures_loader_get_bundled_file ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  measures_session_remove_file (self->session, file);

  name = g_file_equal (file, bundled) ? g_strdup (_("Bundled measures")) : g_file_get_basename (file);
  /* Translators: a notification; %s is a file name, or "Bundled measures" */
  title = g_strdup_printf (_("“%s” removed"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove-dataset");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_remove_dataset_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  measures_session_undo_remove (MEASURES_WINDOW (widget)->session);
}

static void
reload_datasets_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  measures_session_reload (MEASURES_WINDOW (widget)->session);
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         MeasuresWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);

  if (list->len == 0)
    return FALSE;

  measures_window_add_files (self, (GFile * const *) list->pdata, list->len);

  return TRUE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  measures_query_clear (measures_session_get_query (MEASURES_WINDOW (widget)->session));
}

/* Narrow: the list and the measure are one after the other. */

/**
 * _measures_window_show_measure:
 *
 * Brings the selected measure into view: where the list and the measure
 * do not fit side by side, goes to the measure.
 */
void
_measures_window_show_measure (MeasuresWindow *self)
{
  measures_browser_show_details (self->browser);
}

static void
list_activate_cb (MeasuresWindow *self)
{
  _measures_window_show_measure (self);
}

/**
 * _measures_window_browser_changed:
 *
 * Follows the browser: folded or not, the list or the measure shown.
 */
void
_measures_window_browser_changed (MeasuresWindow *self)
{
  gboolean folded = measures_browser_get_folded (self->browser);
  gboolean reading = measures_browser_get_showing_details (self->browser);

  /* Reading one measure: back to the list, and nothing that acts on it. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), reading);
  gtk_widget_set_visible (self->sidebar_button, !reading);
  gtk_widget_set_visible (self->sort_button, !reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", reading);
  measures_measure_list_set_compact (self->measure_list, folded);
}

/* Whether the user keeps the sidebar: a narrow window hides it over the
 * list by itself, and shows it again once wide, which is not their
 * choice. */
void
_measures_window_sidebar_shown (MeasuresWindow *self)
{
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "sidebar-visible", adw_flap_get_reveal_flap (self->flap));
}

/* The flap is locked: folded, it is hidden over the list until asked
 * for; unfolded, it is as the user left it. */
void
_measures_window_sidebar_folded (MeasuresWindow *self)
{
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap) &&
                            g_settings_get_boolean (self->settings, "sidebar-visible"));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  measures_browser_go_back (self->browser);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Printing and exporting */

typedef struct
{
  GPtrArray *measures;
  MeasuresQuery *query;
  gboolean single;
  MeasuresExportFormat format;
  char *lang;
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
  g_free (job->lang);
  g_free (job);
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
  GListModel *model = measures_measure_list_get_model (self->measure_list);

  job->single = single && measures_detail_pane_get_measure (self->detail_pane) != NULL;
  job->format = format;
  job->lang = g_strdup (lang);
  job->measures = g_ptr_array_new_with_free_func (g_object_unref);
  job->query = measures_query_new ();
  measures_query_assign (job->query, measures_session_get_query (self->session));

  if (job->single)
    g_ptr_array_add (job->measures, g_object_ref (measures_detail_pane_get_measure (self->detail_pane)));
  else
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      g_ptr_array_add (job->measures, g_list_model_get_item (model, i));

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
      toast = adw_toast_new (title);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  /* Translators: a notification; %s is a file name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_take_string (g_file_get_uri (file)));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
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
  MeasuresSummary *summary = measures_summary_new (job->measures, job->query, job->single, job->lang, NULL);
  g_autoptr(MeasuresPrintOperation) operation = measures_print_operation_new (summary);

  run_print (self, operation);
  export_job_free (job);
}

static void
export_response_cb (MeasuresExportDialog *dialog,
                    const char           *response,
                    MeasuresWindow       *self)
{
  gboolean single = measures_export_dialog_get_single (dialog);
  MeasuresExportFormat format = measures_export_dialog_get_format (dialog);
  const char *lang = measures_export_dialog_get_lang (dialog);

  /* Offered first next time. */
  if (g_str_equal (response, "export") || g_str_equal (response, "print"))
    {
      g_settings_set_string (self->settings, "export-scope", single ? "selected" : "all");
      if (g_str_equal (response, "export"))
        g_settings_set_string (self->settings, "export-format", measures_export_format_get_name (format));
    }

  if (g_str_equal (response, "export"))
    choose_file (self, export_job_new (self, single, format, lang));
  else if (g_str_equal (response, "print"))
    start_print (self, export_job_new (self, single, MEASURES_FORMAT_PDF, lang));
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
  MeasuresMeasure *selected = measures_detail_pane_get_measure (self->detail_pane);
  g_auto(GStrv) langs = measures_get_content_languages ();
  g_autofree char *lang = export_language (self);
  guint n_matching = g_list_model_get_n_items (measures_measure_list_get_model (self->measure_list));
  MeasuresExportDialog *dialog;

  /* Nothing to export: said, with no dialog to dismiss. */
  if (n_matching == 0 && selected == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Nothing to export: no measure matches the filters")));
      return;
    }

  dialog = measures_export_dialog_new (GTK_WINDOW (self),
                                       selected != NULL ? measures_measure_resolve_title (selected, (const char * const *) langs) : NULL,
                                       n_matching, lang);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), default_response);
  {
    g_autofree char *scope = g_settings_get_string (self->settings, "export-scope");
    g_autofree char *format_name = g_settings_get_string (self->settings, "export-format");
    MeasuresExportFormat format;

    if (!measures_export_format_from_name (format_name, &format) || measures_export_format_is_chart (format))
      format = MEASURES_FORMAT_PDF;
    measures_export_dialog_set_choices (dialog, g_str_equal (scope, "selected"), format);
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

/* Ctrl+P: straight to the print dialog, whose tab "Measures" chooses
 * between what matches and the selected measure. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autofree char *lang = export_language (self);
  ExportJob *job = export_job_new (self, FALSE, MEASURES_FORMAT_PDF, lang);
  MeasuresMeasure *selected = measures_detail_pane_get_measure (self->detail_pane);
  g_autoptr(MeasuresPrintOperation) operation = NULL;
  g_autofree char *scope = NULL;

  if (job->measures->len == 0 && selected == NULL)
    {
      export_job_free (job);
      return;
    }

  scope = g_settings_get_string (self->settings, "export-scope");
  operation = measures_print_operation_new_choice (job->measures, selected,
                                                   job->measures->len == 0 || g_str_equal (scope, "selected"),
                                                   job->query, lang);
  run_print (self, operation);
  export_job_free (job);
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
_measures_window_actions_init (MeasuresWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
_measures_window_class_actions_init (MeasuresWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.settings-details", NULL, settings_details_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.remove-dataset", "s", remove_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove-dataset", NULL, undo_remove_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.reload-datasets", NULL, reload_datasets_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL, dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-status", NULL, dismiss_status_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-bundled", "show-bundled");
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_property_action (widget_class, "win.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
}
