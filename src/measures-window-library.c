/* measures-window-library.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-citation.h"
#include "measures-export.h"
#include "measures-window-private.h"

/* The window's actions on the user's library: collections and saved
 * searches made, renamed and deleted (with Undo in a toast), a note
 * deleted (with Undo), the search of notes alone, and the banner that
 * tells when the library's file could not be read or written. The
 * library is the session's; the sidebar and the detail pane show it. */

static MeasuresLibrary *
library_of (MeasuresWindow *self)
{
  return measures_session_get_library (self->session);
}

static void
toast (MeasuresWindow *self,
       const char     *title,
       gboolean        undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-library");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Asking for a name */

typedef void (*NameChosen) (MeasuresWindow *self,
                            const char     *id,
                            const char     *name);

typedef struct
{
  MeasuresWindow *self;
  GtkEntry *entry;
  NameChosen chosen;
  char *id;
} NameRequest;

static void
name_request_free (gpointer data)
{
  NameRequest *request = data;

  g_object_unref (request->self);
  g_free (request->id);
  g_free (request);
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  NameRequest      *request)
{
  if (g_str_equal (response, "accept") && !request->self->closed)
    request->chosen (request->self, request->id, gtk_editable_get_text (GTK_EDITABLE (request->entry)));
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "accept", *name != '\0');
}

static void
name_activate_cb (GtkEntry         *entry,
                  AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "accept"))
    {
      adw_message_dialog_response (dialog, "accept");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
ask_name (MeasuresWindow *self,
          const char     *heading,
          const char     *body,
          const char     *initial,
          const char     *accept,
          NameChosen      chosen,
          const char     *id)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  NameRequest *request = g_new0 (NameRequest, 1);
  GtkWidget *entry = gtk_entry_new ();

  request->self = g_object_ref (self);
  request->entry = GTK_ENTRY (entry);
  request->chosen = chosen;
  request->id = g_strdup (id);

  gtk_editable_set_text (GTK_EDITABLE (entry), initial != NULL ? initial : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept", accept, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (name_activate_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (name_response_cb), request,
                         (GClosureNotify) (void (*)(void))name_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Collections */

static void
collection_created (MeasuresWindow *self,
                    const char     *id,
                    const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *collection = measures_library_create_collection (library_of (self), name, &error);

  if (collection == NULL)
    toast (self, error->message, FALSE);
}

static void
new_collection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ask_name (MEASURES_WINDOW (widget), _("New Collection"),
            _("Collect measures for a report or a question; add them from their details."),
            NULL, _("C_reate"), collection_created, NULL);
}

static void
collection_renamed (MeasuresWindow *self,
                    const char     *id,
                    const char     *name)
{
  g_autoptr(GError) error = NULL;

  if (!measures_library_rename_collection (library_of (self), id, name, &error))
    toast (self, error->message, FALSE);
}

static void
rename_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const char *name = measures_library_get_collection_name (library_of (self), id);

  if (name != NULL)
    ask_name (self, _("Rename Collection"), NULL, name, _("_Rename"), collection_renamed, id);
}

static void
delete_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strdup (measures_library_get_collection_name (library_of (self), id));
  g_autofree char *title = NULL;

  if (name == NULL || !measures_library_delete_collection (library_of (self), id))
    return;

  /* Translators: a notification; %s is the name of a collection */
  title = g_strdup_printf (_("Collection “%s” deleted"), name);
  toast (self, title, TRUE);
}

/* Saved searches */

static void
search_saved (MeasuresWindow *self,
              const char     *id,
              const char     *name)
{
  g_autoptr(JsonObject) query = measures_query_to_json (measures_session_get_query (self->session));
  g_autoptr(GError) error = NULL;
  g_autofree char *search = measures_library_add_search (library_of (self), name, query, &error);

  if (search == NULL)
    toast (self, error->message, FALSE);
}

static void
save_search_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autofree char *described = measures_query_describe (measures_session_get_query (self->session));

  ask_name (self, _("Save the Search"),
            _("The filters and the search words are kept under this name in the sidebar."),
            described, _("_Save"), search_saved, NULL);
}

static void
apply_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  JsonObject *query = measures_library_get_search_query (library_of (self), g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (query != NULL && !measures_query_assign_json (measures_session_get_query (self->session), query, &error))
    toast (self, error->message, FALSE);
}

static void
update_search_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(JsonObject) query = measures_query_to_json (measures_session_get_query (self->session));
  g_autofree char *title = NULL;

  if (!measures_library_update_search (library_of (self), id, query))
    return;

  /* Translators: a notification; %s is the name of a saved search */
  title = g_strdup_printf (_("“%s” now keeps the current filters and search"),
                           measures_library_get_search_name (library_of (self), id));
  toast (self, title, FALSE);
}

static void
search_renamed (MeasuresWindow *self,
                const char     *id,
                const char     *name)
{
  g_autoptr(GError) error = NULL;

  if (!measures_library_rename_search (library_of (self), id, name, &error))
    toast (self, error->message, FALSE);
}

static void
rename_search_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const char *name = measures_library_get_search_name (library_of (self), id);

  if (name != NULL)
    ask_name (self, _("Rename Saved Search"), NULL, name, _("_Rename"), search_renamed, id);
}

static void
delete_search_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strdup (measures_library_get_search_name (library_of (self), id));
  g_autofree char *title = NULL;

  if (name == NULL || !measures_library_delete_search (library_of (self), id))
    return;

  /* Translators: a notification; %s is the name of a saved search */
  title = g_strdup_printf (_("Saved search “%s” deleted"), name);
  toast (self, title, TRUE);
}

/* Notes and Undo */

static void
delete_note_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (measures_library_delete_note (library_of (self), g_variant_get_string (parameter, NULL)))
    toast (self, _("Note deleted"), TRUE);
}

static void
undo_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  measures_library_undo (library_of (MEASURES_WINDOW (widget)));
}

/* The search of notes alone, a switch beside the search entry. */

static void
notes_only_toggled_cb (MeasuresWindow *self)
{
  measures_query_set_notes_only (measures_session_get_query (self->session),
                                 gtk_toggle_button_get_active (self->notes_only_button));
}

static void
query_changed_cb (MeasuresWindow *self)
{
  gtk_toggle_button_set_active (self->notes_only_button,
                                measures_query_get_notes_only (measures_session_get_query (self->session)));
}

/* What went wrong with the library's file stays in the banner. */
static void
problem_changed_cb (MeasuresWindow *self)
{
  const GError *problem = measures_library_get_problem (library_of (self));

  if (problem != NULL)
    _measures_window_show_status (self, problem->message, NULL, NULL, TRUE);
}

/* The measures selected in the list, in the order shown. */
static GPtrArray *
dup_selection (MeasuresWindow *self)
{
  _measures_window_ensure_panes (self);

  return measures_measure_list_dup_selection (self->measure_list);
}

/* The ids of the selected measures, in the order shown. */
static GStrv
selection_ids (MeasuresWindow *self)
{
  g_autoptr(GPtrArray) selection = dup_selection (self);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < selection->len; i++)
    g_strv_builder_add (ids, measures_measure_get_id (g_ptr_array_index (selection, i)));

  return g_strv_builder_end (ids);
}

/* Several measures selected: the detail pane's star and collections act
 * on all of them, and the pane shows what can be done with them. */
static void
n_selected_cb (MeasuresWindow *self)
{
  g_auto(GStrv) ids = selection_ids (self);

  measures_detail_pane_set_selection (self->detail_pane, (const char * const *) ids);
}

/* The language of summaries, as chosen in the preferences. */
static char *
summary_language (MeasuresWindow *self)
{
  g_autofree char *lang = g_settings_get_string (self->settings, "export-language");

  if (g_str_equal (lang, "auto"))
    return measures_get_preferred_language ();

  return g_steal_pointer (&lang);
}

/* Copy (Ctrl+C in the list): the text of each selected measure, one
 * after another, as its summary in Markdown gives it. */
static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(GPtrArray) selection = dup_selection (self);
  g_autofree char *lang = summary_language (self);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (selection->len == 0)
    {
      toast (self, _("Select the measures to copy"), FALSE);
      return;
    }

  for (guint i = 0; i < selection->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(MeasuresExport) export = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (one, g_object_ref (g_ptr_array_index (selection, i)));
      export = measures_export_new_summary (MEASURES_FORMAT_MARKDOWN, one, NULL, TRUE, lang);
      bytes = measures_export_to_bytes (export, NULL, &error);
      if (bytes == NULL)
        {
          toast (self, error->message, FALSE);
          return;
        }
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_len (text, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
  /* Translators: a notification; %u is how many measures */
  title = g_strdup_printf (ngettext ("Measure copied", "%u measures copied", selection->len), selection->len);
  toast (self, title, FALSE);
}

/* Star: the selected measures, all starred, or all unstarred when they
 * all were. */
static void
star_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_auto(GStrv) ids = selection_ids (self);
  gboolean all = ids[0] != NULL;

  for (guint i = 0; all && ids[i] != NULL; i++)
    all = measures_library_is_starred (library_of (self), ids[i]);
  if (ids[0] != NULL)
    measures_library_set_starred (library_of (self), (const char * const *) ids, !all);
}

/* Add to Collection: the selected measures, to the collection of the
 * given id. */
static void
add_to_collection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  const char *collection = g_variant_get_string (parameter, NULL);
  const char *name = measures_library_get_collection_name (library_of (self), collection);
  g_auto(GStrv) ids = selection_ids (self);
  g_autofree char *title = NULL;
  guint n = g_strv_length (ids);

  if (name == NULL || n == 0)
    return;

  measures_library_add_to_collection (library_of (self), collection, (const char * const *) ids);
  /* Translators: a notification; %u is how many measures, %s the name
   * of a collection */
  title = g_strdup_printf (ngettext ("%u measure is in “%s”", "%u measures are in “%s”", n), n, name);
  toast (self, title, FALSE);
}

/* Copy Citation: a citation of each selected measure, one a line, in
 * the language of summaries. */
static void
copy_citation_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(GPtrArray) selection = dup_selection (self);
  g_autofree char *lang = summary_language (self);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  if (selection->len == 0)
    {
      toast (self, _("Select the measures to cite"), FALSE);
      return;
    }

  text = measures_citation_dup_text (selection, lang);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  /* Translators: a notification; %u is how many citations */
  title = g_strdup_printf (ngettext ("Citation copied", "%u citations copied", selection->len), selection->len);
  toast (self, title, FALSE);
}

void
_measures_window_library_init (MeasuresWindow *self)
{
  MeasuresLibrary *library = library_of (self);
  MeasuresQuery *query = measures_session_get_query (self->session);

  g_signal_connect_object (self->notes_only_button, "toggled", G_CALLBACK (notes_only_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (query, "changed", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
  query_changed_cb (self);

  g_signal_connect_object (library, "notify::problem", G_CALLBACK (problem_changed_cb), self, G_CONNECT_SWAPPED);
  problem_changed_cb (self);
}

/**
 * _measures_window_library_panes_built:
 *
 * The sidebar and the detail pane show the library's marks, and the
 * pane acts on the measures selected in the list.
 */
void
_measures_window_library_panes_built (MeasuresWindow *self)
{
  MeasuresLibrary *library = library_of (self);

  measures_filter_sidebar_set_library (self->filter_sidebar, library);
  measures_detail_pane_set_library (self->detail_pane, library);
  g_signal_connect_object (self->measure_list, "notify::n-selected", G_CALLBACK (n_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_measures_window_class_library_init (MeasuresWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-collection", NULL, new_collection_action);
  gtk_widget_class_install_action (widget_class, "win.rename-collection", "s", rename_collection_action);
  gtk_widget_class_install_action (widget_class, "win.delete-collection", "s", delete_collection_action);
  gtk_widget_class_install_action (widget_class, "win.save-search", NULL, save_search_action);
  gtk_widget_class_install_action (widget_class, "win.apply-search", "s", apply_search_action);
  gtk_widget_class_install_action (widget_class, "win.update-search", "s", update_search_action);
  gtk_widget_class_install_action (widget_class, "win.rename-search", "s", rename_search_action);
  gtk_widget_class_install_action (widget_class, "win.delete-search", "s", delete_search_action);
  gtk_widget_class_install_action (widget_class, "win.delete-note", "s", delete_note_action);
  gtk_widget_class_install_action (widget_class, "win.undo-library", NULL, undo_library_action);
  gtk_widget_class_install_action (widget_class, "win.copy-citation", NULL, copy_citation_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.star-selection", NULL, star_selection_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-collection", "s", add_to_collection_action);
}
