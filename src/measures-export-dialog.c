/* measures-export-dialog.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-accessible.h"
#include "measures-export-dialog.h"
#include "measures-languages.h"
#include "measures-text.h"

/* Asks what to print or export: the selected measures, all that match
 * or a collection's, in which format and language, and whether a summary of the matches
 * carries the coverage matrix and the world map. */
struct _MeasuresExportDialog
{
  AdwMessageDialog parent_instance;

  /* Template children */
  AdwActionRow *all_row;
  GtkCheckButton *all_check;
  AdwActionRow *selected_row;
  GtkCheckButton *selected_check;
  AdwComboRow *collection_row;
  GtkCheckButton *collection_check;
  GtkStringList *collection_list;
  AdwComboRow *format_row;
  GtkStringList *format_list;
  AdwComboRow *matrix_row;
  AdwComboRow *map_row;
  AdwComboRow *language_row;
  GtkStringList *language_list;

  /* State */
  GStrv collection_ids;        /* in the order of collection_list */
  gboolean has_selection;
  gboolean filling;            /* the collections are put in the combo */
  gboolean several;
};

G_DEFINE_FINAL_TYPE (MeasuresExportDialog, measures_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The rows of the format combo are the summary formats of the table of
 * formats, in its order; those of the language combo the languages of
 * the table of languages. */

/* The matrix and the map go in a summary of the matches in PDF, HTML
 * or Markdown, and in print; not in one measure's, nor in CSV or JSON. */
static void
update_parts (MeasuresExportDialog *self)
{
  MeasuresExportFormat format;
  gboolean summary, sensitive;

  /* Signals of the template may come before its children are bound. */
  if (self->format_row == NULL || self->matrix_row == NULL || self->map_row == NULL)
    return;

  format = measures_export_dialog_get_format (self);
  summary = format == MEASURES_FORMAT_PDF || format == MEASURES_FORMAT_HTML ||
            format == MEASURES_FORMAT_MARKDOWN;
  sensitive = summary && (!measures_export_dialog_get_single (self) || self->several);

  gtk_widget_set_sensitive (GTK_WIDGET (self->matrix_row), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->map_row), sensitive);
}

/* Choosing a collection chooses to export it. */
static void
collection_chosen_cb (MeasuresExportDialog *self)
{
  if (!self->filling && self->collection_check != NULL && self->collection_ids != NULL &&
      self->collection_ids[0] != NULL)
    gtk_check_button_set_active (self->collection_check, TRUE);
}

static void
measures_export_dialog_dispose (GObject *object)
{
  g_clear_pointer (&MEASURES_EXPORT_DIALOG (object)->collection_ids, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (measures_export_dialog_parent_class)->dispose (object);
}

static void
measures_export_dialog_class_init (MeasuresExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, all_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, selected_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, selected_check);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, collection_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, collection_check);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, collection_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, format_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, matrix_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, map_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, language_list);
  gtk_widget_class_bind_template_callback (widget_class, update_parts);
  gtk_widget_class_bind_template_callback (widget_class, collection_chosen_cb);
}

static void
measures_export_dialog_init (MeasuresExportDialog *self)
{
  const char * const *langs = measures_languages_get_codes ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (MeasuresExportFormat format = 0; format < MEASURES_N_FORMATS; format++)
    if (!measures_export_format_is_chart (format))
      gtk_string_list_append (self->format_list, measures_export_format_get_label (format));

  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *name = measures_languages_dup_name (langs[i]);

      gtk_string_list_append (self->language_list, name);
    }

  /* A choice reads as its title and what is chosen. */
  measures_accessible_follow_combo_row (self->collection_row);
  measures_accessible_follow_combo_row (self->format_row);
  measures_accessible_follow_combo_row (self->matrix_row);
  measures_accessible_follow_combo_row (self->map_row);
  measures_accessible_follow_combo_row (self->language_row);
}

/**
 * measures_export_dialog_new:
 * @parent: the window
 * @selected_title: (nullable): the title of the selected measure
 * @n_matching: how many measures match
 * @lang: the language to offer first, one of measures_languages_get_codes()
 */
MeasuresExportDialog *
measures_export_dialog_new (GtkWindow  *parent,
                            const char *selected_title,
                            guint       n_matching,
                            const char *lang)
{
  MeasuresExportDialog *self = g_object_new (MEASURES_TYPE_EXPORT_DIALOG,
                                             "transient-for", parent,
                                             "modal", TRUE,
                                             NULL);
  const char * const *codes = measures_languages_get_codes ();
  g_autofree char *all = NULL;
  g_autofree char *count = measures_text_format_count (n_matching);

  /* Translators: a choice of what to export; %s is how many measures
   * match, with the locale's digit grouping */
  all = g_strdup_printf (ngettext ("The %s matching measure", "All %s matching measures", n_matching),
                         count);
  self->has_selection = selected_title != NULL;
  /* Rows, not a drop-down: their labels wrap, never cut short. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_row), all);
  gtk_widget_set_visible (GTK_WIDGET (self->all_row), n_matching > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->selected_row), self->has_selection);
  /* The check buttons read as their rows (their titles label them),
   * the selected measure with its title. */
  if (self->has_selection)
    {
      adw_action_row_set_subtitle (self->selected_row, selected_title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->selected_check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      selected_title, -1);
    }
  if (n_matching == 0)
    gtk_check_button_set_active (self->selected_check, TRUE);
  update_parts (self);

  lang = measures_languages_find (lang);
  for (guint i = 0; lang != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], lang))
      adw_combo_row_set_selected (self->language_row, i);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", n_matching > 0 || self->has_selection);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "print", n_matching > 0 || self->has_selection);

  return self;
}

/**
 * measures_export_dialog_set_choices:
 * @single: the selected measure alone, when there is one
 * @format: a summary format
 *
 * Offers what the user chose last time.
 */
void
measures_export_dialog_set_choices (MeasuresExportDialog *self,
                                    gboolean              single,
                                    MeasuresExportFormat  format)
{
  guint row = 0;

  g_return_if_fail (MEASURES_IS_EXPORT_DIALOG (self));

  if (single && self->has_selection)
    gtk_check_button_set_active (self->selected_check, TRUE);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->all_row)))
    gtk_check_button_set_active (self->all_check, TRUE);

  for (MeasuresExportFormat f = 0; f < MEASURES_N_FORMATS; f++)
    if (!measures_export_format_is_chart (f))
      {
        if (f == format)
          adw_combo_row_set_selected (self->format_row, row);
        row++;
      }
}

/**
 * measures_export_dialog_get_single:
 *
 * Returns: whether the user chose the selected measure alone
 */
gboolean
measures_export_dialog_get_single (MeasuresExportDialog *self)
{
  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), FALSE);

  return self->has_selection && gtk_check_button_get_active (self->selected_check);
}

MeasuresExportFormat
measures_export_dialog_get_format (MeasuresExportDialog *self)
{
  guint row;

  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), MEASURES_FORMAT_PDF);

  row = adw_combo_row_get_selected (self->format_row);
  for (MeasuresExportFormat format = 0; format < MEASURES_N_FORMATS; format++)
    if (!measures_export_format_is_chart (format) && row-- == 0)
      return format;

  return MEASURES_FORMAT_PDF;
}

const char *
measures_export_dialog_get_lang (MeasuresExportDialog *self)
{
  const char * const *codes = measures_languages_get_codes ();
  guint row;

  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), "en");

  row = adw_combo_row_get_selected (self->language_row);

  return row < g_strv_length ((char **) codes) ? codes[row] : "en";
}

/**
 * measures_export_dialog_set_parts:
 * @parts: what a summary of the matches carries
 * @by: the columns of the matrix
 * @zoom: the part of the world the map shows
 *
 * Offers what the user chose last time.
 */
void
measures_export_dialog_set_parts (MeasuresExportDialog *self,
                                  MeasuresSummaryParts  parts,
                                  MeasuresCoverageBy    by,
                                  MeasuresMapZoom       zoom)
{
  g_return_if_fail (MEASURES_IS_EXPORT_DIALOG (self));

  /* Rows: not included, then each choice in the order of its enum. */
  adw_combo_row_set_selected (self->matrix_row, parts & MEASURES_SUMMARY_PART_MATRIX ? 1 + by : 0);
  adw_combo_row_set_selected (self->map_row, parts & MEASURES_SUMMARY_PART_MAP ? 1 + zoom : 0);
}

/**
 * measures_export_dialog_get_parts:
 * @by: (out): the columns of the matrix
 * @zoom: (out): the part of the world the map shows
 *
 * Returns: what the user chose a summary of the matches to carry, as
 *   the rows show it, whether or not the format takes it
 */
MeasuresSummaryParts
measures_export_dialog_get_parts (MeasuresExportDialog *self,
                                  MeasuresCoverageBy   *by,
                                  MeasuresMapZoom      *zoom)
{
  guint matrix, map;
  MeasuresSummaryParts parts = 0;

  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), 0);

  matrix = adw_combo_row_get_selected (self->matrix_row);
  map = adw_combo_row_get_selected (self->map_row);
  *by = matrix == 1 + MEASURES_COVERAGE_BY_FORM ? MEASURES_COVERAGE_BY_FORM : MEASURES_COVERAGE_BY_CATEGORY;
  *zoom = map == 1 + MEASURES_MAP_EUROPE ? MEASURES_MAP_EUROPE : MEASURES_MAP_WORLD;
  if (matrix > 0 && matrix != GTK_INVALID_LIST_POSITION)
    parts |= MEASURES_SUMMARY_PART_MATRIX;
  if (map > 0 && map != GTK_INVALID_LIST_POSITION)
    parts |= MEASURES_SUMMARY_PART_MAP;

  return parts;
}

/**
 * measures_export_dialog_new_filter:
 * @format: a format of the table of formats
 *
 * Returns: (transfer full): a filter for a file chooser that shows the
 *   files of @format, under its name
 */
GtkFileFilter *
measures_export_dialog_new_filter (MeasuresExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  const char * const *extensions = measures_export_format_get_extensions (format);

  gtk_file_filter_set_name (filter, measures_export_format_get_label (format));
  for (guint i = 0; extensions[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, extensions[i]);

  return filter;
}

/**
 * measures_export_dialog_set_several:
 * @several: whether several measures are selected: the choice of the
 *   selection reads "The selected measures"
 */
void
measures_export_dialog_set_several (MeasuresExportDialog *self,
                                    gboolean              several)
{
  g_return_if_fail (MEASURES_IS_EXPORT_DIALOG (self));

  self->several = !!several;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->selected_row),
                                 several ? _("The selected measures") : _("The selected measure"));
  update_parts (self);
}

/**
 * measures_export_dialog_set_collections:
 * @ids: (array zero-terminated=1): the ids of the user's collections
 * @names: (array zero-terminated=1): their names, in the same order
 *
 * Offers to export one of them; with none, says how to make one.
 */
void
measures_export_dialog_set_collections (MeasuresExportDialog *self,
                                        const char * const   *ids,
                                        const char * const   *names)
{
  guint n;
  gboolean none;

  g_return_if_fail (MEASURES_IS_EXPORT_DIALOG (self));
  g_return_if_fail (ids != NULL && names != NULL);

  g_strfreev (self->collection_ids);
  self->collection_ids = g_strdupv ((char **) ids);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->collection_list));
  self->filling = TRUE;
  gtk_string_list_splice (self->collection_list, 0, n, names);
  self->filling = FALSE;
  none = ids[0] == NULL;

  if (none && gtk_check_button_get_active (self->collection_check))
    gtk_check_button_set_active (gtk_widget_get_visible (GTK_WIDGET (self->all_row)) ? self->all_check
                                                                                       : self->selected_check,
                                 TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->collection_row), !none);
  /* Translators: under "A collection" in the export dialog, when the
   * user has none */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->collection_row),
                               none ? _("No collections yet: make one in the sidebar, under Collections") : NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export",
                                           !none || self->has_selection ||
                                           gtk_widget_get_visible (GTK_WIDGET (self->all_row)));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "print",
                                           !none || self->has_selection ||
                                           gtk_widget_get_visible (GTK_WIDGET (self->all_row)));
  update_parts (self);
}

/**
 * measures_export_dialog_choose_collection:
 * @collection: the id of a collection
 *
 * Offers @collection first, as chosen last time.
 *
 * Returns: whether the dialog offers @collection
 */
gboolean
measures_export_dialog_choose_collection (MeasuresExportDialog *self,
                                          const char           *collection)
{
  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; collection != NULL && self->collection_ids != NULL && self->collection_ids[i] != NULL; i++)
    if (g_str_equal (self->collection_ids[i], collection))
      {
        adw_combo_row_set_selected (self->collection_row, i);
        gtk_check_button_set_active (self->collection_check, TRUE);
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_export_dialog_get_collection:
 *
 * Returns: (nullable): the id of the collection chosen, or %NULL when
 *   the user chose the selection or the matches
 */
const char *
measures_export_dialog_get_collection (MeasuresExportDialog *self)
{
  guint row;

  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), NULL);

  if (!gtk_check_button_get_active (self->collection_check) || self->collection_ids == NULL)
    return NULL;

  row = adw_combo_row_get_selected (self->collection_row);
  if (row == GTK_INVALID_LIST_POSITION || row >= g_strv_length (self->collection_ids))
    return NULL;

  return self->collection_ids[row];
}
