/* test-vocabulary.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with LANGUAGE=ro and the catalogue of the build tree.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "measures-index.h"
#include "measures-loader.h"
#include "measures-vocabulary.h"

/* Words that Romanian writes as English does. */
static const char * const same_in_romanian[] = { "Africa", "Asia", "Oceania", NULL };

static void
test_complete (void)
{
  guint checked = 0;

  for (guint facet = 0; facet < MEASURES_N_FACETS; facet++)
    {
      const char * const *known = measures_vocabulary_get_known (facet);

      for (guint i = 0; known[i] != NULL; i++)
        {
          g_autofree char *label = measures_vocabulary_label (facet, known[i]);

          g_test_message ("%s → %s", known[i], label);
          /* Many countries are written alike (test-countries checks
           * them against iso-codes). */
          if (facet != MEASURES_FACET_COUNTRY && !g_strv_contains (same_in_romanian, known[i]))
            g_assert_cmpstr (label, !=, known[i]);
          g_assert_null (strpbrk (label, "\xc5\x9f"));  /* no cedilla ş */
          checked++;
        }
    }

  g_assert_cmpuint (checked, >=, 55);
}

static void
test_labels (void)
{
  g_autofree char *type = measures_vocabulary_label (MEASURES_FACET_TYPE,
                                                     "Policies > National strategy specific to violence against women");
  g_autofree char *form = measures_vocabulary_label (MEASURES_FACET_FORM, "trafficking");
  g_autofree char *unknown = measures_vocabulary_label (MEASURES_FACET_FORM, "Cyber violence");
  g_autofree char *half = measures_vocabulary_label (MEASURES_FACET_TYPE, "Policies > Something new");
  g_autofree char *country = measures_vocabulary_label (MEASURES_FACET_COUNTRY, "Romania");

  g_assert_cmpstr (type, ==, "Politici › Strategie națională dedicată violenței împotriva femeilor");
  g_assert_cmpstr (form, ==, "Trafic de persoane");
  /* Values Measures does not know are shown as given. */
  g_assert_cmpstr (unknown, ==, "Cyber violence");
  g_assert_cmpstr (half, ==, "Politici › Something new");
  g_assert_cmpstr (country, ==, "România");
  g_assert_false (measures_vocabulary_is_known (MEASURES_FACET_TYPE, "Policies > Something new"));
  g_assert_true (measures_vocabulary_is_known (MEASURES_FACET_TYPE, "policies"));
}

/* Every value of the bundled measures has a label of its own. */
static void
test_bundled_values_known (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresCatalog) catalog = measures_loader_load_catalog (&file, 1, NULL);

  for (guint facet = 0; facet < MEASURES_N_FACETS; facet++)
    for (guint v = 0; v < measures_index_get_n_values (catalog->index, facet); v++)
      {
        const char *value = measures_index_get_value (catalog->index, facet, v);

        g_test_message ("%s", value);
        g_assert_true (measures_vocabulary_is_known (facet, value));
      }
}

/* Searching in Romanian finds a measure by the Romanian label. */
static void
test_search_by_label (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresCatalog) catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;

  /* Of the eleven, "Date administrative" appears only as the label of a
   * type. */
  measures_query_set_search (query, "date administrative");
  result = measures_index_evaluate (catalog->index, query);
  g_assert_cmpuint (result->n_matches, ==, 1);
}

static char *locale_dir;

static gboolean
make_romanian_locale (void)
{
  g_autofree char *target = NULL;
  const char *argv[] = { "localedef", "-i", "ro_RO", "-f", "UTF-8", NULL, NULL };
  int status;

  if (setlocale (LC_COLLATE, "ro_RO.UTF-8") != NULL)
    return TRUE;

  /* Not installed: make it in a folder of our own, as CI does. */
  locale_dir = g_dir_make_tmp ("measures-locale-XXXXXX", NULL);
  target = g_build_filename (locale_dir, "ro_RO.UTF-8", NULL);
  argv[5] = target;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  g_setenv ("LOCPATH", locale_dir, TRUE);

  return setlocale (LC_COLLATE, "ro_RO.UTF-8") != NULL;
}

static void
test_romanian_collation (void)
{
  const char *json =
    "[{\"id\":\"1\",\"country\":\"X\",\"title\":\"Țara\"},{\"id\":\"2\",\"country\":\"X\",\"title\":\"Tara\"},"
    "{\"id\":\"3\",\"country\":\"X\",\"title\":\"Șase\"},{\"id\":\"4\",\"country\":\"X\",\"title\":\"Sase\"},"
    "{\"id\":\"5\",\"country\":\"X\",\"title\":\"Ăsta\"},{\"id\":\"6\",\"country\":\"X\",\"title\":\"Asta\"},"
    "{\"id\":\"7\",\"country\":\"X\",\"title\":\"Înalt\"},{\"id\":\"8\",\"country\":\"X\",\"title\":\"Inalt\"},"
    "{\"id\":\"9\",\"country\":\"X\",\"title\":\"Zebra\"},{\"id\":\"10\",\"country\":\"X\",\"title\":\"Âmbră\"},"
    "{\"id\":\"11\",\"country\":\"X\",\"title\":\"Banat\"},{\"id\":\"12\",\"country\":\"X\",\"title\":\"Umbra\"}]";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  const guint *positions;

  if (!make_romanian_locale ())
    {
      g_test_skip ("the ro_RO.UTF-8 locale is not available and localedef could not make it");
      return;
    }

  dataset = measures_loader_load_bytes (bytes, NULL, "collation.json");
  index = measures_index_new (measures_dataset_get_measures (dataset));
  positions = measures_index_get_order (index, MEASURES_SORT_TITLE, FALSE);

  for (guint i = 0; i < measures_index_get_n_measures (index); i++)
    g_string_append_printf (order, "%s ", measures_measure_resolve_title (measures_index_get_measure (index, positions[i]), NULL));

  /* ă after a, â after ă, î after i, ș after s, ț after t; not after z. */
  g_assert_cmpstr (order->str, ==, "Asta Ăsta Âmbră Banat Inalt Înalt Sase Șase Tara Țara Umbra Zebra ");

  setlocale (LC_COLLATE, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vocabulary/complete", test_complete);
  g_test_add_func ("/vocabulary/labels", test_labels);
  g_test_add_func ("/vocabulary/bundled-values-known", test_bundled_values_known);
  g_test_add_func ("/vocabulary/search-by-label", test_search_by_label);
  g_test_add_func ("/vocabulary/romanian-collation", test_romanian_collation);

  status = g_test_run ();

  if (locale_dir != NULL)
    {
      g_autofree char *target = g_build_filename (locale_dir, "ro_RO.UTF-8", NULL);
      g_autoptr(GFile) dir = g_file_new_for_path (target);

      /* localedef makes a folder of files. */
      {
        g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);
        GFileInfo *info;

        while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
          {
            g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

            g_file_delete (child, NULL, NULL);
            g_object_unref (info);
          }
      }
      g_file_delete (dir, NULL, NULL);
      g_rmdir (locale_dir);
      g_free (locale_dir);
    }

  return status;
}
