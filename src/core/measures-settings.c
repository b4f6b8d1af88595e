/* measures-settings.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-settings"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-measure.h"
#include "measures-settings.h"

/* Settings are the user's too, and can be damaged, edited by hand, or
 * left by a later version. GSettings already keeps to each key's type,
 * range and choices, using the default for anything else; this checks
 * what it cannot: the version, values that are of the right type but
 * make no sense, and, where settings live in a key file (as in the
 * Flatpak), that the file can be read at all. Whatever is reset is said,
 * so the user knows why the window is not as they left it.
 */

/**
 * measures_settings_get_keyfile_path:
 *
 * Returns: (transfer full) (nullable): the file settings are kept in,
 *   when GSettings keeps them in a key file, as in a Flatpak
 */
char *
measures_settings_get_keyfile_path (void)
{
  GSettingsBackend *backend = g_settings_backend_get_default ();

  if (!g_str_equal (G_OBJECT_TYPE_NAME (backend), "GKeyfileSettingsBackend"))
    {
      g_object_unref (backend);
      return NULL;
    }
  g_object_unref (backend);

  return g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", "keyfile", NULL);
}

static void
reset_all (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static gboolean
year_ok (int year)
{
  return year == 0 || (year >= MEASURES_YEAR_MIN && year <= MEASURES_YEAR_MAX);
}

/* Values of the right type that no window could use. */
static void
check_values (GSettings *settings,
              GPtrArray *problems)
{
  g_auto(GStrv) datasets = g_settings_get_strv (settings, "datasets");
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  guint n_dropped = 0;
  int width, height, from, to;

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  if (width < 200 || height < 200 || width > 32768 || height > 32768)
    {
      g_settings_reset (settings, "window-size");
      g_ptr_array_add (problems,
                       g_strdup_printf (_("The window size (%d × %d) could not be used"), width, height));
    }

  g_settings_get (settings, "filter-years", "(ii)", &from, &to);
  if (!year_ok (from) || !year_ok (to) || (from != 0 && to != 0 && from > to))
    {
      g_settings_reset (settings, "filter-years");
      g_ptr_array_add (problems,
                       g_strdup_printf (_("The years filter (%d to %d) could not be used"), from, to));
    }

  for (guint i = 0; datasets[i] != NULL; i++)
    {
      if (g_uri_is_valid (datasets[i], G_URI_FLAGS_NONE, NULL))
        g_strv_builder_add (kept, datasets[i]);
      else
        n_dropped++;
    }
  if (n_dropped > 0)
    {
      g_auto(GStrv) uris = g_strv_builder_end (kept);

      g_settings_set_strv (settings, "datasets", (const char * const *) uris);
      g_ptr_array_add (problems,
                       g_strdup_printf (ngettext ("%u dataset to reopen was not a valid address",
                                                  "%u datasets to reopen were not valid addresses",
                                                  n_dropped), n_dropped));
    }
}

/* GSettings ignores what it cannot parse in a key file; say so. */
static void
check_keyfile (GSettings  *settings,
               const char *path,
               GPtrArray  *problems)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *group = NULL;
  g_auto(GStrv) keys = NULL;
  const char *schema_path;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_ptr_array_add (problems,
                         /* Translators: %s is a file, the second %s what is wrong */
                         g_strdup_printf (_("The settings file %s could not be read (%s)"), path, error->message));
      return;
    }

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_path = g_settings_schema_get_path (schema);
  group = g_strndup (schema_path + 1, strlen (schema_path) - 2);
  keys = g_key_file_get_keys (keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *text = g_key_file_get_value (keyfile, group, keys[i], NULL);
      g_autoptr(GSettingsSchemaKey) key = NULL;
      g_autoptr(GVariant) value = NULL;

      if (!g_settings_schema_has_key (schema, keys[i]))
        continue;

      key = g_settings_schema_get_key (schema, keys[i]);
      value = text != NULL ? g_variant_parse (g_settings_schema_key_get_value_type (key), text, NULL, NULL, NULL) : NULL;
      if (value == NULL || !g_settings_schema_key_range_check (key, value))
        g_ptr_array_add (problems,
                         /* Translators: %s is the name of a setting */
                         g_strdup_printf (_("The setting “%s” could not be read"), keys[i]));
    }
}

/**
 * measures_settings_repair:
 * @settings: the application's settings
 * @keyfile_path: (nullable): the key file they live in, if any, from
 *   measures_settings_get_keyfile_path()
 *
 * Checks the settings before anything uses them, puts back the default of
 * whatever cannot be used, and says what.
 *
 * Returns: (transfer full) (element-type utf8): what was wrong, in words;
 *   empty when all was well
 */
GPtrArray *
measures_settings_repair (GSettings  *settings,
                          const char *keyfile_path)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  int version;

  g_return_val_if_fail (G_IS_SETTINGS (settings), problems);

  if (keyfile_path != NULL)
    check_keyfile (settings, keyfile_path, problems);

  version = g_settings_get_int (settings, "settings-version");
  if (version > MEASURES_SETTINGS_VERSION)
    {
      reset_all (settings);
      g_ptr_array_add (problems,
                       g_strdup (_("The settings were left by a later version of Measures")));
    }
  else
    check_values (settings, problems);

  if (version != MEASURES_SETTINGS_VERSION)
    g_settings_set_int (settings, "settings-version", MEASURES_SETTINGS_VERSION);

  for (guint i = 0; i < problems->len; i++)
    g_message ("Settings reset to their defaults: %s", (const char *) g_ptr_array_index (problems, i));

  return problems;
}
