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
#include "measures-languages.h"
#include "measures-loader.h"
#include "measures-preferences-window.h"
#include "measures-print-operation.h"
#include "measures-summary.h"
#include "measures-text.h"
#include "measures-window-private.h"

/* The window's actions; those that export and print are
 * measures-window-export.c's. */

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
  /* Translators: told to screen readers */
  _measures_window_announce (MEASURES_WINDOW (widget), _("Loading cancelled"));
}

static void
dismiss_problems_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _measures_window_reveal_banner (MEASURES_WINDOW (widget)->problem_banner, FALSE);
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

static void
show_status (MeasuresWindow *self,
             const char     *text,
             const char     *button_label,
             const char     *action_name,
             GVariant       *target,
             gboolean        error)
{
  GtkWidget *box = gtk_revealer_get_child (self->status_banner);

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->status_button, button_label);
  /* The target first, with no action: they must agree when both are set. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->status_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), action_name);
  _measures_window_announce (self, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_progress), FALSE);
  if (error)
    gtk_widget_add_css_class (box, "error");
  else
    gtk_widget_remove_css_class (box, "error");
  _measures_window_reveal_banner (self->status_banner, TRUE);
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
  show_status (self, text, button_label, action_name, NULL, error);
}

void
_measures_window_hide_status (MeasuresWindow *self)
{
  _measures_window_reveal_banner (self->status_banner, FALSE);
}

/**
 * _measures_window_check_catalogue:
 * @lang: (nullable): the language of a summary; %NULL for the
 *   interface's
 *
 * Says in the banner when the catalogue of @lang cannot be found (a
 * build run without `meson devenv`), rather than showing or writing
 * English without a word.
 *
 * Returns: whether the catalogue is missing
 */
gboolean
_measures_window_check_catalogue (MeasuresWindow *self,
                                  const char     *lang)
{
  g_autofree char *missing = measures_languages_dup_missing_catalogue (lang);

  if (missing == NULL)
    return FALSE;

  _measures_window_show_status (self, missing, NULL, NULL, TRUE);
  return TRUE;
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
                                    "copy", _("Copy _All"),
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

/* A toast that says something a user may still want once it has
 * faded: the banner keeps it, with its button, unless its button was
 * used. */
static void
toast_dismissed_cb (AdwToast       *toast,
                    MeasuresWindow *self)
{
  const char *button = adw_toast_get_button_label (toast);

  if (self->closed || g_object_get_data (G_OBJECT (toast), "used") != NULL ||
      gtk_revealer_get_reveal_child (self->status_banner))
    return;

  show_status (self, adw_toast_get_title (toast), button, adw_toast_get_action_name (toast),
               adw_toast_get_action_target_value (toast), FALSE);
}

static void
toast_button_clicked_cb (AdwToast *toast)
{
  g_object_set_data (G_OBJECT (toast), "used", GINT_TO_POINTER (TRUE));
}

/* Shows @toast, and tells it to screen readers (toasts are not in the
 * accessible tree of libadwaita 1.2); with @keep, the banner holds it
 * after it fades. Takes @toast. */
void
_measures_window_add_toast (MeasuresWindow *self,
                            AdwToast       *toast,
                            gboolean        keep)
{
  _measures_window_announce (self, adw_toast_get_title (toast));
  if (keep)
    {
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb), NULL);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  _measures_window_add_toast (self, toast, FALSE);
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
  _measures_window_ensure_panes (self);
  measures_browser_show_details (self->browser);
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

  if (self->browser != NULL)
    measures_browser_go_back (self->browser);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (self->flap != NULL)
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
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
  gtk_widget_class_install_property_action (widget_class, "win.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
}
