/* measures-export-dialog.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-export-dialog.h"

/* Asks what to print or export: the selected measure or all that match,
 * in which format and language. */
struct _MeasuresExportDialog
{
  AdwMessageDialog parent_instance;

  /* Template children */
  AdwComboRow *scope_row;
  GtkStringList *scope_list;
  AdwComboRow *format_row;
  AdwComboRow *language_row;

  /* State */
  gboolean has_selection;
};

G_DEFINE_FINAL_TYPE (MeasuresExportDialog, measures_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The rows of the format combo, in order. */
static const MeasuresExportFormat format_rows[] = {
  MEASURES_FORMAT_PDF, MEASURES_FORMAT_HTML, MEASURES_FORMAT_MARKDOWN,
  MEASURES_FORMAT_CSV, MEASURES_FORMAT_JSON,
};

static const char * const language_rows[] = { "en", "ro" };

static void
measures_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (measures_export_dialog_parent_class)->dispose (object);
}

static void
measures_export_dialog_class_init (MeasuresExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, scope_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresExportDialog, language_row);
}

static void
measures_export_dialog_init (MeasuresExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * measures_export_dialog_new:
 * @parent: the window
 * @selected_title: (nullable): the title of the selected measure
 * @n_matching: how many measures match
 * @lang: the language to offer first, "en" or "ro"
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
  g_autofree char *all = NULL;

  /* Translators: a choice of what to export; %'u is how many measures match */
  all = g_strdup_printf (ngettext ("The %'u matching measure", "All %'u matching measures", n_matching),
                         n_matching);
  self->has_selection = selected_title != NULL;
  if (self->has_selection)
    {
      /* Translators: a choice of what to export */
      gtk_string_list_append (self->scope_list, _("The selected measure"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->scope_row), selected_title);
    }
  gtk_string_list_append (self->scope_list, all);

  adw_combo_row_set_selected (self->language_row, g_strcmp0 (lang, "ro") == 0 ? 1 : 0);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "export", n_matching > 0 || self->has_selection);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "print", n_matching > 0 || self->has_selection);

  return self;
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

  return self->has_selection && adw_combo_row_get_selected (self->scope_row) == 0;
}

MeasuresExportFormat
measures_export_dialog_get_format (MeasuresExportDialog *self)
{
  guint row;

  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), MEASURES_FORMAT_PDF);

  row = adw_combo_row_get_selected (self->format_row);

  return format_rows[row < G_N_ELEMENTS (format_rows) ? row : 0];
}

const char *
measures_export_dialog_get_lang (MeasuresExportDialog *self)
{
  guint row;

  g_return_val_if_fail (MEASURES_IS_EXPORT_DIALOG (self), "en");

  row = adw_combo_row_get_selected (self->language_row);

  return language_rows[row < G_N_ELEMENTS (language_rows) ? row : 0];
}
