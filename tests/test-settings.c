/* test-settings.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings that cannot be used are reset to their defaults, and said;
 * good settings are left alone. Runs with the memory backend and the
 * schema of the build tree (see meson.build), and with key files of its
 * own, as the Flatpak keeps settings.
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "measures-settings.h"

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

static void
test_good_settings_kept (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) problems = NULL;
  const char *datasets[] = { "file:///home/ana/measures.json", NULL };
  g_auto(GStrv) kept = NULL;
  int from, to;

  g_settings_set (settings, "window-size", "(ii)", 900, 700);
  g_settings_set (settings, "filter-years", "(ii)", 2018, 2022);
  g_settings_set_strv (settings, "datasets", datasets);
  g_settings_set_string (settings, "search", "trafic");

  problems = measures_settings_repair (settings);
  g_assert_cmpuint (problems->len, ==, 0);

  g_settings_get (settings, "filter-years", "(ii)", &from, &to);
  g_assert_cmpint (from, ==, 2018);
  g_assert_cmpint (to, ==, 2022);
  kept = g_settings_get_strv (settings, "datasets");
  g_assert_cmpstrv (kept, datasets);
  g_assert_cmpint (g_settings_get_int (settings, "settings-version"), ==, MEASURES_SETTINGS_VERSION);
}

static void
test_bad_values_reset (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) problems = NULL;
  const char *datasets[] = { "file:///home/ana/measures.json", "not an address", "::", NULL };
  const char *expected[] = { "file:///home/ana/measures.json", NULL };
  g_auto(GStrv) kept = NULL;
  int width, height, from, to;

  g_settings_set (settings, "window-size", "(ii)", -5, 99999);
  g_settings_set (settings, "filter-years", "(ii)", 2022, 2018);
  g_settings_set_strv (settings, "datasets", datasets);
  g_settings_set_string (settings, "search", "kept");

  problems = measures_settings_repair (settings);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "-5"));

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 800);
  g_settings_get (settings, "filter-years", "(ii)", &from, &to);
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 0);
  kept = g_settings_get_strv (settings, "datasets");
  g_assert_cmpstrv (kept, expected);

  /* Only what was wrong is reset. */
  {
    g_autofree char *search = g_settings_get_string (settings, "search");

    g_assert_cmpstr (search, ==, "kept");
  }
}

static void
test_later_version_reset (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *search = NULL;

  g_settings_set_int (settings, "settings-version", MEASURES_SETTINGS_VERSION + 7);
  g_settings_set_string (settings, "search", "from the future");
  g_settings_set_string (settings, "sort-by", "title");

  problems = measures_settings_repair (settings);
  g_assert_cmpuint (problems->len, ==, 1);

  search = g_settings_get_string (settings, "search");
  g_assert_cmpstr (search, ==, "");
  g_assert_cmpint (g_settings_get_int (settings, "settings-version"), ==, MEASURES_SETTINGS_VERSION);

  /* And the next start finds nothing wrong. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = measures_settings_repair (settings);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Settings kept in @path by GIO's key-file backend, as in a Flatpak. */
static GSettings *
keyfile_settings (const char *path)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);

  return g_settings_new_with_backend (SCHEMA_ID, backend);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *needle)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), needle) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_keyfile (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("measures-settings-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "keyfile", NULL);
  g_autoptr(GSettings) missing_settings = NULL;
  g_autoptr(GSettings) damaged_settings = NULL;
  g_autoptr(GSettings) bad_settings = NULL;
  g_autoptr(GSettings) good_settings = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) damaged = NULL;
  g_autoptr(GPtrArray) bad_values = NULL;
  g_autoptr(GPtrArray) good = NULL;
  g_autofree char *search = NULL;
  g_autofree char *sort_by = NULL;
  int width, height;

  g_assert_no_error (error);

  /* No file yet: nothing to say. */
  missing_settings = keyfile_settings (path);
  missing = measures_settings_repair (missing_settings);
  g_assert_cmpuint (missing->len, ==, 0);

  g_assert_true (g_file_set_contents (path, "\x01\x02 this is [not a key file\n=\n", -1, NULL));
  damaged_settings = keyfile_settings (path);
  damaged = measures_settings_repair (damaged_settings);
  g_assert_cmpuint (damaged->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (damaged, 0), path));

  /* What GSettings passes over is named; what it reads is not, even
   * an unquoted string, which it reads as the string. */
  g_assert_true (g_file_set_contents (path,
                                      "[io/github/measures/Measures]\n"
                                      "settings-version=1\n"
                                      "window-size=(900, 700)\n"
                                      "paned-position=5\n"
                                      "sort-by='sideways'\n"
                                      "search=not quoted\n"
                                      "unknown-key=1\n", -1, NULL));
  bad_settings = keyfile_settings (path);
  bad_values = measures_settings_repair (bad_settings);
  for (guint i = 0; i < bad_values->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (bad_values, i));
  g_assert_cmpuint (bad_values->len, ==, 2);
  g_assert_true (has_problem (bad_values, "“paned-position”"));
  g_assert_true (has_problem (bad_values, "“sort-by”"));
  g_assert_cmpint (g_settings_get_int (bad_settings, "paned-position"), ==, 660);
  sort_by = g_settings_get_string (bad_settings, "sort-by");
  g_assert_cmpstr (sort_by, ==, "none");
  search = g_settings_get_string (bad_settings, "search");
  g_assert_cmpstr (search, ==, "not quoted");
  g_settings_get (bad_settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);

  g_assert_true (g_file_set_contents (path,
                                      "[io/github/measures/Measures]\n"
                                      "window-size=(900, 700)\n"
                                      "search='trafic'\n", -1, NULL));
  good_settings = keyfile_settings (path);
  good = measures_settings_repair (good_settings);
  g_assert_cmpuint (good->len, ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/good-kept", test_good_settings_kept);
  g_test_add_func ("/settings/bad-values-reset", test_bad_values_reset);
  g_test_add_func ("/settings/later-version-reset", test_later_version_reset);
  g_test_add_func ("/settings/keyfile", test_keyfile);

  return g_test_run ();
}
