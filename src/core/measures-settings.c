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
 * Flatpak), that the file can be read at all and which of its values
 * GSettings had to pass over. Whatever is reset or passed over is said,
 * so the user knows why the window is not as they left it.
 */

/* The file @settings are kept in, when their backend is GIO's key-file
 * backend: the one registered as "keyfile" (the name GSETTINGS_BACKEND
 * takes), whose "filename" and "root-path" properties say where. */
static char *
keyfile_of (GSettings  *settings,
            char      **root_path)
{
  g_autoptr(GSettingsBackend) backend = NULL;
  GIOExtensionPoint *point = g_io_extension_point_lookup (G_SETTINGS_BACKEND_EXTENSION_POINT_NAME);
  GIOExtension *keyfile = point != NULL ? g_io_extension_point_get_extension_by_name (point, "keyfile") : NULL;
  GObjectClass *klass;
  char *filename = NULL;

  g_object_get (settings, "backend", &backend, NULL);
  if (backend == NULL || keyfile == NULL ||
      !G_TYPE_CHECK_INSTANCE_TYPE (backend, g_io_extension_get_type (keyfile)))
    return NULL;

  klass = G_OBJECT_GET_CLASS (backend);
  if (g_object_class_find_property (klass, "filename") == NULL ||
      g_object_class_find_property (klass, "root-path") == NULL)
    return NULL;

  g_object_get (backend, "filename", &filename, "root-path", root_path, NULL);
  if (filename == NULL || *root_path == NULL)
    {
      g_clear_pointer (root_path, g_free);
      g_clear_pointer (&filename, g_free);
    }

  return filename;
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

/* GSettings passes over what it cannot use in a key file: a file that
 * is no key file at all, and values it cannot parse or that are out of
 * their key's range. Which values it passed over GSettings itself
 * says: a key the file has a value for, but that has no user value. */
static void
check_keyfile (GSettings *settings,
               GPtrArray *problems)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *root_path = NULL;
  g_autofree char *path = keyfile_of (settings, &root_path);
  g_autofree char *group = NULL;
  g_autofree char *settings_path = NULL;
  g_auto(GStrv) keys = NULL;

  if (path == NULL)
    return;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_ptr_array_add (problems,
                         /* Translators: %s is a file, the second %s what is wrong */
                         g_strdup_printf (_("The settings file %s could not be read (%s)"), path, error->message));
      return;
    }

  /* The backend keeps the keys of /a/b/ in the group "a/b" below its
   * root path. */
  g_object_get (settings, "settings-schema", &schema, "path", &settings_path, NULL);
  if (!g_str_has_prefix (settings_path, root_path) || strlen (settings_path) <= strlen (root_path))
    return;
  group = g_strndup (settings_path + strlen (root_path), strlen (settings_path) - strlen (root_path) - 1);
  keys = g_key_file_get_keys (keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = NULL;

      if (!g_settings_schema_has_key (schema, keys[i]))
        continue;

      value = g_settings_get_user_value (settings, keys[i]);
      if (value == NULL)
        g_ptr_array_add (problems,
                         /* Translators: %s is the name of a setting */
                         g_strdup_printf (_("The setting “%s” could not be read"), keys[i]));
    }
}

/**
 * measures_settings_repair:
 * @settings: the application's settings
 *
 * Checks the settings before anything uses them, puts back the default of
 * whatever cannot be used, and says what. Where the settings live in a
 * key file (as in a Flatpak), a file that cannot be read and the values
 * GSettings passed over are said too.
 *
 * Returns: (transfer full) (element-type utf8): what was wrong, in words;
 *   empty when all was well
 */
GPtrArray *
measures_settings_repair (GSettings *settings)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  int version;

  g_return_val_if_fail (G_IS_SETTINGS (settings), problems);

  check_keyfile (settings, problems);

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
