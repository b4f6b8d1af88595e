/* measures-preferences-window.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-preferences-window"

#include "config.h"

#include "measures-localized.h"
#include "measures-preferences-window.h"

struct _MeasuresPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template children */
  AdwComboRow *content_language_row;
  AdwComboRow *export_language_row;

  /* Owned references */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (MeasuresPreferencesWindow, measures_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The rows of the combo, in order, and the setting each one stands for. */
static const char * const content_languages[] = { "auto", "en", "ro" };

static gboolean
language_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *lang = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (content_languages); i++)
    if (g_str_equal (lang, content_languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);

  return TRUE;
}

static GVariant *
row_to_language (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint row = g_value_get_uint (value);

  return g_variant_new_string (content_languages[row < G_N_ELEMENTS (content_languages) ? row : 0]);
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
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, export_language_row);
}

static void
measures_preferences_window_init (MeasuresPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
