/* measures-window-records.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-error.h"
#include "measures-importer.h"
#include "measures-measure-editor.h"
#include "measures-own-records.h"
#include "measures-window-private.h"

/* The window's actions on the user's own measures, My Measures: New
 * Measure (Ctrl+N), Edit, paste from a Global Database page (Ctrl+V),
 * delete with Undo, the original of an edited copy, and export. The
 * records are MeasuresOwnRecords' (one for every window of the process),
 * which saves them; the session loads them again once saved, after every
 * other dataset, and the window then selects the measure changed. */

/* The measure shown, and the dataset it was read from. */
static MeasuresMeasure *
shown_measure (MeasuresWindow *self)
{
  return self->detail_pane != NULL ? measures_detail_pane_get_measure (self->detail_pane) : NULL;
}

static MeasuresDataset *
find_dataset (MeasuresWindow  *self,
              MeasuresMeasure *measure)
{
  GListModel *datasets = measures_session_get_datasets (self->session);

  for (guint i = g_list_model_get_n_items (datasets); i-- > 0;)
    {
      g_autoptr(MeasuresDataset) dataset = g_list_model_get_item (datasets, i);

      if (g_ptr_array_find (measures_dataset_get_measures (dataset), measure, NULL))
        return dataset;
    }

  return NULL;
}

/* The values of a facet that the loaded measures have. */
static GStrv
facet_values (MeasuresWindow *self,
              MeasuresFacet   facet)
{
  MeasuresIndex *index = measures_session_get_index (self->session);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < measures_index_get_n_values (index, facet); i++)
    g_strv_builder_add (builder, measures_index_get_value (index, facet, i));

  return g_strv_builder_end (builder);
}

static void
select_after_load (MeasuresWindow *self,
                   const char     *id)
{
  g_free (self->select_after_load);
  self->select_after_load = g_strdup (id);
}

static void
result_changed_cb (MeasuresWindow *self)
{
  g_autofree char *id = g_steal_pointer (&self->select_after_load);

  if (id != NULL && !measures_session_get_loading (self->session) && measures_window_select (self, id))
    _measures_window_show_measure (self);
  else if (id != NULL && measures_session_get_loading (self->session))
    self->select_after_load = g_steal_pointer (&id);
}

static void
toast (MeasuresWindow *self,
       const char     *title,
       const char     *undo_action)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo_action != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, undo_action);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The ids of every measure shown and of the user's own, which a new
 * record's may not take. */
static GHashTable *
taken_ids (MeasuresWindow *self)
{
  MeasuresIndex *index = measures_session_get_index (self->session);
  GHashTable *taken = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < measures_index_get_n_measures (index); i++)
    g_hash_table_add (taken, (gpointer) measures_measure_get_id (measures_index_get_measure (index, i)));

  return taken;
}

/* @measure with an id no other measure has. */
static MeasuresMeasure *
with_new_id (MeasuresWindow  *self,
             MeasuresMeasure *measure)
{
  g_autoptr(GHashTable) taken = taken_ids (self);
  g_autofree char *id = measures_own_records_unique_id (self->own_records, measures_measure_get_id (measure), taken);
  g_autoptr(JsonNode) node = measures_measure_to_json (measure);

  json_object_set_string_member (json_node_get_object (node), "id", id);

  return measures_measure_new_from_json (json_node_get_object (node), NULL);
}

/* Saving from the form */

static void
editor_save_cb (MeasuresMeasureEditor *editor,
                MeasuresMeasure       *built,
                MeasuresWindow        *self)
{
  MeasuresMeasure *original = measures_measure_editor_get_measure (editor);
  gboolean is_new = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "is-new"));
  g_autoptr(MeasuresMeasure) kept = NULL;
  g_autoptr(GError) error = NULL;

  if (is_new)
    kept = with_new_id (self, built);
  else
    {
      MeasuresMeasure *own = measures_own_records_lookup (self->own_records, measures_measure_get_id (original));
      MeasuresDataset *dataset = own == NULL ? find_dataset (self, original) : NULL;

      /* One of the user's own stays one; an edited copy keeps its
       * original; a measure of another dataset gets an edited copy. */
      if (own != NULL && measures_measure_get_edited_from (own) == NULL)
        kept = g_object_ref (built);
      else
        kept = measures_own_records_make_edited_copy (built, own != NULL ? own : original,
                                                      dataset != NULL ? measures_dataset_get_file (dataset) : NULL,
                                                      &error);
    }

  if (kept == NULL)
    {
      toast (self, error != NULL ? error->message : _("The measure could not be saved"), NULL);
      return;
    }

  select_after_load (self, measures_measure_get_id (kept));
  measures_own_records_put (self->own_records, kept);
  toast (self, _("Saved in My Measures"), NULL);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
delete_measure (MeasuresWindow *self,
                const char     *id)
{
  MeasuresMeasure *own = measures_own_records_lookup (self->own_records, id);
  gboolean copy;

  if (own == NULL)
    return;

  copy = measures_measure_get_edited_from (own) != NULL;
  measures_own_records_remove (self->own_records, id);
  if (copy)
    select_after_load (self, id);
  toast (self, copy ? _("Edited copy deleted: the original is shown again") : _("Measure deleted"),
         "win.undo-delete-measure");
}

static void
editor_delete_cb (MeasuresMeasureEditor *editor,
                  MeasuresWindow        *self)
{
  MeasuresMeasure *measure = measures_measure_editor_get_measure (editor);

  if (measure != NULL)
    delete_measure (self, measures_measure_get_id (measure));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* What the user should know of a record before saving it. */
static char *
describe_edit (MeasuresWindow  *self,
               MeasuresMeasure *measure)
{
  MeasuresMeasure *own = measures_own_records_lookup (self->own_records, measures_measure_get_id (measure));
  const char *from = own != NULL ? measures_measure_get_edited_from (own) : NULL;
  MeasuresDataset *dataset;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;

  if (own != NULL && from == NULL)
    return NULL;

  if (from != NULL)
    {
      name = measures_own_records_describe_dataset (from);
      /* Translators: above the form; %s names a dataset */
      return g_strdup_printf (_("Edited copy of a measure of “%s”, in My Measures. Its original is not changed."), name);
    }

  dataset = find_dataset (self, measure);
  uri = dataset != NULL && measures_dataset_get_file (dataset) != NULL
        ? g_file_get_uri (measures_dataset_get_file (dataset)) : NULL;
  name = uri != NULL ? measures_own_records_describe_dataset (uri) : g_strdup (_("another dataset"));
  /* Translators: above the form; %s names a dataset */
  return g_strdup_printf (_("A measure of “%s”, which is never changed: saving keeps an edited copy in My Measures, "
                            "shown instead of it."), name);
}

static MeasuresMeasureEditor *
open_editor (MeasuresWindow  *self,
             MeasuresMeasure *measure,
             gboolean         is_new,
             const char      *note,
             gboolean         deletable)
{
  g_auto(GStrv) types = facet_values (self, MEASURES_FACET_TYPE);
  g_auto(GStrv) forms = facet_values (self, MEASURES_FACET_FORM);
  MeasuresMeasureEditor *editor;

  editor = measures_measure_editor_new (GTK_WINDOW (self), measure, is_new,
                                        (const char * const *) types, (const char * const *) forms);
  g_object_set_data (G_OBJECT (editor), "is-new", GINT_TO_POINTER (is_new));
  measures_measure_editor_set_note (editor, note);
  measures_measure_editor_set_deletable (editor, deletable);
  g_signal_connect_object (editor, "save", G_CALLBACK (editor_save_cb), self, 0);
  g_signal_connect_object (editor, "delete", G_CALLBACK (editor_delete_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));

  return editor;
}

/**
 * measures_window_edit:
 * @self: a window
 * @measure: (nullable): the measure to edit, or %NULL for a new one
 *
 * Opens the form, as New Measure and Edit do.
 *
 * Returns: (transfer none): the form
 */
MeasuresMeasureEditor *
measures_window_edit (MeasuresWindow  *self,
                      MeasuresMeasure *measure)
{
  g_autofree char *note = NULL;
  MeasuresMeasure *own = NULL;

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  if (measure != NULL)
    {
      note = describe_edit (self, measure);
      own = measures_own_records_lookup (self->own_records, measures_measure_get_id (measure));
    }

  return open_editor (self, measure, measure == NULL, note, own != NULL);
}

static void
new_measure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  measures_window_edit (MEASURES_WINDOW (widget), NULL);
}

static void
edit_measure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (shown_measure (self) != NULL)
    measures_window_edit (self, shown_measure (self));
}

static void
delete_measure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (shown_measure (self) != NULL)
    delete_measure (self, measures_measure_get_id (shown_measure (self)));
}

static void
undo_delete_measure_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  MeasuresMeasure *back = measures_own_records_undo_remove (self->own_records);

  if (back != NULL)
    select_after_load (self, measures_measure_get_id (back));
}

/* The original of an edited copy */

static void
show_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  MeasuresMeasure *measure = shown_measure (self);
  g_autoptr(MeasuresMeasure) original = measure != NULL ? measures_measure_dup_original (measure) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *window, *box, *header, *title, *pane;

  if (original == NULL)
    return;

  name = measures_own_records_describe_dataset (measures_measure_get_edited_from (measure));
  /* Translators: the subtitle of the window of an original measure; %s names a dataset */
  subtitle = g_strdup_printf (_("As “%s” has it"), name);
  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), _("Original Measure"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Original Measure"), subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  pane = g_object_new (MEASURES_TYPE_DETAIL_PANE, "vexpand", TRUE, NULL);
  measures_detail_pane_set_editable (MEASURES_DETAIL_PANE (pane), FALSE);
  measures_detail_pane_set_measure (MEASURES_DETAIL_PANE (pane), original);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), pane);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
restore_original_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  MeasuresMeasure *measure = shown_measure (self);

  if (measure != NULL && measures_measure_get_edited_from (measure) != NULL)
    delete_measure (self, measures_measure_get_id (measure));
}

/* Pasting records copied from a Global Database page */

static void
add_pasted_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        MeasuresWindow   *self)
{
  GPtrArray *measures = g_object_get_data (G_OBJECT (dialog), "measures");
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "add") || self->closed)
    return;

  for (guint i = 0; i < measures->len; i++)
    {
      g_autoptr(MeasuresMeasure) kept = with_new_id (self, g_ptr_array_index (measures, i));

      if (i == 0)
        select_after_load (self, measures_measure_get_id (kept));
      measures_own_records_put (self->own_records, kept);
    }

  /* Translators: a notification; %u is a number */
  title = g_strdup_printf (ngettext ("%u measure added to My Measures", "%u measures added to My Measures",
                                     measures->len), measures->len);
  toast (self, title, NULL);
}

/* Several records: the list of them, to add or not. */
static void
review_pasted (MeasuresWindow *self,
               GPtrArray      *measures,
               guint           n_problems)
{
  g_auto(GStrv) langs = measures_get_content_languages ();
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      g_autofree char *years = measures_measure_dup_years_label (measure);

      g_string_append_printf (list, "%s• %s (%s%s%s)", i > 0 ? "\n" : "",
                              measures_measure_resolve_title (measure, (const char * const *) langs),
                              measures_measure_get_country (measure), *years != '\0' ? ", " : "", years);
    }
  if (n_problems > 0)
    {
      g_string_append (list, "\n\n");
      /* Translators: under the list of pasted records; %u is a number */
      g_string_append_printf (list, ngettext ("%u record could not be read and is left out",
                                              "%u records could not be read and are left out", n_problems),
                              n_problems);
    }

  /* Translators: the heading of a dialog; %u is a number, 2 or more */
  heading = g_strdup_printf (ngettext ("Add %u Measure to My Measures?", "Add %u Measures to My Measures?",
                                       measures->len), measures->len);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, list->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "measures", g_ptr_array_ref (measures), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_pasted_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * measures_window_paste_text:
 * @self: a window
 * @text: text copied from Global Database pages
 *
 * Reads the records of @text as the text importer does and shows them
 * for review: one in the form, several in a list, to keep or not.
 *
 * Returns: how many records were read
 */
guint
measures_window_paste_text (MeasuresWindow *self,
                            const char     *text)
{
  g_autoptr(MeasuresDataset) dataset = NULL;
  GPtrArray *measures;
  guint n_problems;

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if (!g_utf8_validate (text, -1, NULL))
    {
      toast (self, _("The clipboard holds no text that can be read"), NULL);
      return 0;
    }

  dataset = measures_importer_load_text (text, strlen (text), NULL, _("Clipboard"));
  measures = measures_dataset_get_measures (dataset);
  n_problems = measures_dataset_get_problems (dataset)->len;

  if (measures->len == 0)
    {
      toast (self, _("Nothing to paste: copy a measure’s page of the Global Database, from its title to its source"),
             NULL);
      return 0;
    }

  if (measures->len == 1)
    {
      open_editor (self, g_ptr_array_index (measures, 0), TRUE,
                   _("Pasted from the clipboard: check it, then save it in My Measures."), FALSE);
      return 1;
    }

  review_pasted (self, measures, n_problems);

  return measures->len;
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MeasuresWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (self->closed)
    return;
  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, _("The clipboard holds no text that can be read"), NULL);
      return;
    }

  measures_window_paste_text (self, text);
}

static void
paste_measures_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_text_cb, g_object_ref (widget));
}

/* Exporting My Measures */

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MeasuresWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *text = NULL;

      if (self->closed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: a banner; %s says why */
      text = g_strdup_printf (_("My Measures could not be exported: %s"), error->message);
      _measures_window_show_status (self, text, NULL, NULL, TRUE);
      return;
    }

  if (!self->closed)
    toast (self, _("My Measures exported"), NULL);
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  MeasuresWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->closed)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      gsize length;
      char *text = measures_measure_list_to_json (measures_own_records_get_measures (self->own_records), &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                           export_written_cb, g_object_ref (self));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_own_records_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export My Measures"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), MEASURES_OWN_RECORDS_FILE_NAME);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Following the measure shown and the records */

static void
update_actions (MeasuresWindow *self)
{
  MeasuresMeasure *measure = shown_measure (self);
  MeasuresMeasure *own = measure != NULL ? measures_own_records_lookup (self->own_records,
                                                                        measures_measure_get_id (measure)) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-measure", measure != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-measure", own != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-original",
                                 measure != NULL && measures_measure_get_edited_from (measure) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-original",
                                 own != NULL && measures_measure_get_edited_from (own) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-own-records",
                                 measures_own_records_get_measures (self->own_records)->len > 0);
}

static void
save_failed_cb (MeasuresWindow *self)
{
  const GError *error = measures_own_records_get_save_error (self->own_records);

  if (error != NULL && !self->closed)
    _measures_window_show_status (self, error->message, NULL, NULL, TRUE);
}

/**
 * _measures_window_records_init:
 *
 * Shows the user's own measures in the window's session, and says in
 * the banner when their file could not be read.
 */
void
_measures_window_records_init (MeasuresWindow *self)
{
  const char *problem;

  self->own_records = measures_own_records_get_default ();
  measures_session_set_own_records (self->session, self->own_records);

  /* After the list took the new result. */
  g_signal_connect_object (self->session, "result-changed", G_CALLBACK (result_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->own_records, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->own_records, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);

  problem = measures_own_records_get_problem (self->own_records);
  if (problem != NULL)
    _measures_window_show_status (self, problem, NULL, NULL, TRUE);
}

/**
 * _measures_window_records_panes_built:
 *
 * What can be done to a measure follows the one the detail pane shows.
 */
void
_measures_window_records_panes_built (MeasuresWindow *self)
{
  g_signal_connect_object (self->detail_pane, "notify::measure", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/**
 * _measures_window_records_stop:
 *
 * Writes what is left of the user's changes, for a window that closes.
 */
void
_measures_window_records_stop (MeasuresWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->own_records != NULL && !measures_own_records_flush (self->own_records, &error) &&
      !g_error_matches (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE))
    g_warning ("%s", error->message);
}

void
_measures_window_class_records_init (MeasuresWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-measure", NULL, new_measure_action);
  gtk_widget_class_install_action (widget_class, "win.edit-measure", NULL, edit_measure_action);
  gtk_widget_class_install_action (widget_class, "win.delete-measure", NULL, delete_measure_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-measure", NULL, undo_delete_measure_action);
  gtk_widget_class_install_action (widget_class, "win.show-original", NULL, show_original_action);
  gtk_widget_class_install_action (widget_class, "win.restore-original", NULL, restore_original_action);
  gtk_widget_class_install_action (widget_class, "win.paste-measures", NULL, paste_measures_action);
  gtk_widget_class_install_action (widget_class, "win.export-own-records", NULL, export_own_records_action);

  /* Not among the application's accelerators, which come before the
   * focused widget: the search entry pastes first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste-measures", NULL);
}
