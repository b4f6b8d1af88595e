/* measures-preferences-window.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-accessible.h"
#include "measures-languages.h"
#include "measures-localized.h"
#include "measures-preferences-window.h"

struct _MeasuresPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template children */
  AdwComboRow *content_language_row;
  GtkStringList *content_language_list;
  AdwComboRow *export_language_row;
  GtkStringList *export_language_list;

  /* Owned references */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (MeasuresPreferencesWindow, measures_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the language combos: "auto", then each language of the
 * table of languages, the setting's value for each. */

static gboolean
language_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *lang = g_variant_get_string (variant, NULL);
  const char * const *codes = measures_languages_get_codes ();

  g_value_set_uint (value, 0);
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (lang, codes[i]))
      g_value_set_uint (value, i + 1);

  return TRUE;
}

static GVariant *
row_to_language (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  const char * const *codes = measures_languages_get_codes ();
  guint row = g_value_get_uint (value);

  if (row == 0 || row > g_strv_length ((char **) codes))
    return g_variant_new_string ("auto");

  return g_variant_new_string (codes[row - 1]);
}

static void
fill_languages (GtkStringList *list)
{
  const char * const *codes = measures_languages_get_codes ();

  gtk_string_list_append (list, C_("language", "Automatic"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *name = measures_languages_dup_name (codes[i]);

      gtk_string_list_append (list, name);
    }
}

static void
measures_preferences_window_dispose (GObject *object)
{
  MeasuresPreferencesWindow *self = (MeasuresPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (measures_preferences_window_parent_class)->dispose (object);
}

static void
measures_preferences_window_class_init (MeasuresPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, content_language_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, content_language_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, export_language_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, export_language_list);
}

static void
measures_preferences_window_init (MeasuresPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_languages (self->content_language_list);
  fill_languages (self->export_language_list);
  measures_accessible_follow_combo_row (self->content_language_row);
  measures_accessible_follow_combo_row (self->export_language_row);
  measures_accessible_name_scrollers (GTK_WIDGET (self), gtk_window_get_title (GTK_WINDOW (self)));

  self->settings = g_settings_new (SCHEMA_ID);
  g_settings_bind_with_mapping (self->settings, "content-language",
                                self->content_language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_to_row, row_to_language, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "export-language",
                                self->export_language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_to_row, row_to_language, NULL, NULL);
}

GtkWidget *
measures_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (MEASURES_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/**
 * measures_preferences_apply_content_language:
 * @settings: the application's settings
 *
 * Makes records read in the content language chosen in Preferences.
 */
void
measures_preferences_apply_content_language (GSettings *settings)
{
  g_autofree char *lang = g_settings_get_string (settings, "content-language");
  const char *langs[] = { lang, NULL };

  measures_set_content_languages (g_str_equal (lang, "auto") ? NULL : langs);
}
