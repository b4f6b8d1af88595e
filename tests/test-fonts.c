/* test-fonts.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts and pages are drawn in the platform's interface font, not in a
 * name of our own.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "measures-cli.h"
#include "measures-fonts.h"

/* What the desktop's settings give here: the default of the installed
 * GNOME schemas (the tests keep settings in memory), or nothing. */
static char *
desktop_family (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ?
                                      g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;

  if (schema == NULL)
    return NULL;

  settings = g_settings_new_full (schema, NULL, NULL);
  name = g_settings_get_string (settings, "font-name");

  return measures_fonts_family_from_name (name);
}

static GBytes *
export (const char *path)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree char *dataset = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dataset);
  GBytes *out = NULL;
  MeasuresExitStatus status;

  if (g_str_has_suffix (path, ".svg"))
    status = measures_cli_export_chart (&file, 1, query, "-", "svg", "years", 1, &out, err);
  else
    {
      g_autofree char *folder = g_dir_make_tmp ("measures-fonts-XXXXXX", NULL);
      g_autofree char *pdf = g_build_filename (folder, path, NULL);
      g_autofree char *contents = NULL;
      gsize size;

      status = measures_cli_export (&file, 1, query, pdf, "pdf", "en", NULL, NULL, NULL, NULL, err);
      g_assert_true (g_file_get_contents (pdf, &contents, &size, NULL));
      out = g_bytes_new_take (g_steal_pointer (&contents), size);
      g_unlink (pdf);
      g_rmdir (folder);
    }
  g_assert_cmpstr (err->str, ==, "");
  g_assert_cmpint (status, ==, MEASURES_EXIT_OK);

  return out;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* A PDF holds NUL bytes. */
  return memmem (data, size, needle, strlen (needle)) != NULL;
}

/* Without a window, the desktop's: the first thing used, before any
 * window could set one. */
static void
test_desktop_default (void)
{
  g_autofree char *family = desktop_family ();
  g_autofree char *expected = family != NULL ? g_strdup_printf ("%s, Sans", family) : g_strdup ("Sans");
  g_autoptr(GBytes) svg = NULL;

  g_assert_cmpstr (measures_fonts_get_family (), ==, expected);

  svg = export ("chart.svg");
  if (family != NULL)
    {
      g_autofree char *attribute = g_strdup_printf ("font-family=\"'%s', sans-serif\"", family);

      g_assert_true (bytes_contain (svg, attribute));
    }
  else
    g_assert_true (bytes_contain (svg, "font-family=\"sans-serif\""));
}

static void
test_from_name (void)
{
  g_autofree char *adwaita = measures_fonts_family_from_name ("Adwaita Sans 11");
  g_autofree char *cantarell = measures_fonts_family_from_name ("Cantarell Bold 11");
  g_autofree char *none = measures_fonts_family_from_name ("11");

  g_assert_cmpstr (adwaita, ==, "Adwaita Sans");
  g_assert_cmpstr (cantarell, ==, "Cantarell");
  g_assert_null (none);
  g_assert_null (measures_fonts_family_from_name (NULL));
}

/* The window sets the font GTK has; charts and PDF pages follow. */
static void
test_set_family (void)
{
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) pdf = NULL;

  measures_fonts_set_family ("Adwaita Sans");
  g_assert_cmpstr (measures_fonts_get_family (), ==, "Adwaita Sans, Sans");
  g_assert_cmpstr (measures_fonts_get_svg_family (), ==, "'Adwaita Sans', sans-serif");
  svg = export ("chart.svg");
  g_assert_true (bytes_contain (svg, "font-family=\"'Adwaita Sans', sans-serif\""));

  /* The PDF embeds the font it was drawn in: here DejaVu Sans, which the
   * tests' fontconfig file has, where Cantarell is what "Sans" gives. */
  measures_fonts_set_family ("DejaVu Sans");
  pdf = export ("summary.pdf");
  g_assert_true (bytes_contain (pdf, "+DejaVuSans"));
  g_assert_false (bytes_contain (pdf, "+Cantarell"));

  /* Nothing a name holds ends the SVG's attribute. */
  measures_fonts_set_family ("Bad\" onload=\"x'");
  g_assert_cmpstr (measures_fonts_get_svg_family (), ==, "'Bad onload=x', sans-serif");

  measures_fonts_set_family ("Sans");
  g_assert_cmpstr (measures_fonts_get_family (), ==, "Sans");
  g_assert_cmpstr (measures_fonts_get_svg_family (), ==, "sans-serif");

  measures_fonts_set_family (NULL);
  {
    g_autofree char *family = desktop_family ();
    g_autofree char *expected = family != NULL ? g_strdup_printf ("%s, Sans", family) : g_strdup ("Sans");

    g_assert_cmpstr (measures_fonts_get_family (), ==, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fonts/desktop-default", test_desktop_default);
  g_test_add_func ("/fonts/from-name", test_from_name);
  g_test_add_func ("/fonts/set-family", test_set_family);

  return g_test_run ();
}
