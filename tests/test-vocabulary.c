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
#include "measures-text.h"
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

static char **sorted_keys;

/* The C library's key of the text in NFKC, as g_utf8_collate() compares
 * it: strcmp() of two such keys is strcoll()'s answer, but for a few
 * texts with punctuation that the locale ignores at the first three
 * levels, where glibc's strcoll() and strxfrm() disagree (see below). */
static char *
libc_key (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  gsize length = strxfrm (NULL, normal, 0);
  char *key = g_malloc (length + 1);

  strxfrm (key, normal, length + 1);

  return key;
}

static int
compare_by_libc_key (const void *a,
                     const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  int cmp = strcmp (sorted_keys[x], sorted_keys[y]);

  return cmp != 0 ? cmp : (x > y) - (x < y);
}

/* Many titles that differ only in diacritics, case or punctuation, each
 * tie between two of them standing both ways in the data, sort exactly
 * as the C library's keys of them in NFKC order them (and the same text
 * by its place in the data): the first level of the keys ties for them,
 * so their whole keys decide. That is g_utf8_collate()'s order but for
 * pairs where glibc's strcoll() disagrees with its own strxfrm(): one
 * such pair is shown to stay as strxfrm() has it. Enough titles to make
 * the keys on every core, some the table of characters' keys cannot key
 * (Greek, a combining accent, an emoji, a dash). */
static void
test_romanian_collation_ties (void)
{
  static const char *words[] = {
    "lege", "Lege", "LEGE", "legé", "lége", "Lége", "lège", "legea", "Legea", "le-ge", "le ge",
    "lege.", "lege,", "(lege)", "lege’", "știință", "Știință", "ştiinţă", "stiinta", "Stiinta",
    "ȘTIINȚĂ", "tara", "Țara", "țară", "Tară", "ana", "Ana", "ană", "Ană", "âna", "îna", "ina", "Ina",
    "2018", "2018/1", "2018-1", "2018.1", "νόμος", "Νόμος", "ﬁnal", "final", "cafe\xcc\x81", "café",
    "Zürich", "zurich", "😀", "Îndrumar", "indrumar", "Indrumar", "",
  };
  static const char *separators[] = { " ", "-", ", ", "", " – " };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(MeasuresIndex) index = NULL;
  g_autofree const char **titles = NULL;
  g_autofree guint *expected = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *saved_ctype = g_strdup (setlocale (LC_CTYPE, NULL));
  const guint *ascending, *descending;
  const guint n = 6000;
  guint ties[2] = { 0, 0 };

  if (!make_romanian_locale () || setlocale (LC_CTYPE, "ro_RO.UTF-8") == NULL)
    {
      g_test_skip ("the ro_RO.UTF-8 locale is not available and localedef could not make it");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      guint n_words = g_rand_int_range (rand, 1, 4);

      g_string_append_printf (json, "%s{\"id\":\"%u\",\"country\":\"X\",\"title\":\"", i > 0 ? "," : "", i);
      for (guint w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append (json, separators[g_rand_int_range (rand, 0, G_N_ELEMENTS (separators))]);
          g_string_append (json, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      g_string_append (json, "\"}");
    }
  g_string_append (json, "]");
  bytes = g_bytes_new (json->str, json->len);

  dataset = measures_loader_load_bytes (bytes, NULL, "ties.json");
  g_assert_nonnull (dataset);
  index = measures_index_new (measures_dataset_get_measures (dataset));
  g_assert_cmpuint (measures_index_get_n_measures (index), ==, n);

  titles = g_new (const char *, n);
  keys = g_new0 (char *, n + 1);
  expected = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    {
      titles[i] = measures_measure_resolve_title (measures_index_get_measure (index, i), NULL);
      keys[i] = libc_key (titles[i]);
      expected[i] = i;
    }
  sorted_keys = keys;
  qsort (expected, n, sizeof (guint), compare_by_libc_key);

  ascending = measures_index_get_order (index, MEASURES_SORT_TITLE, FALSE);
  descending = measures_index_get_order (index, MEASURES_SORT_TITLE, TRUE);
  for (guint i = 0; i < n; i++)
    {
      if (ascending[i] != expected[i])
        g_error ("at %u: “%s” (%u) where the C library has “%s” (%u)", i, titles[ascending[i]], ascending[i],
                 titles[expected[i]], expected[i]);
      g_assert_cmpuint (descending[n - 1 - i], ==, expected[i]);
    }

  /* The data has what the test is for: texts that differ, equal at the
   * first level, in the order GLib gives them against their places in
   * the data, and the other way round. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GByteArray) a = g_byte_array_new ();
      g_autoptr(GByteArray) b = g_byte_array_new ();

      measures_collate_key_first_level (titles[expected[i - 1]], a);
      measures_collate_key_first_level (titles[expected[i]], b);
      if (!g_str_equal (titles[expected[i - 1]], titles[expected[i]]) &&
          g_str_equal ((const char *) a->data, (const char *) b->data))
        ties[expected[i - 1] > expected[i]]++;
    }
  g_test_message ("ties in the data's order: %u, against it: %u", ties[0], ties[1]);
  for (guint i = 1; i < n; i++)
    if (g_utf8_collate (titles[expected[i - 1]], titles[expected[i]]) > 0)
      g_test_message ("strcoll() disagrees with strxfrm(): “%s” and “%s”", titles[expected[i - 1]],
                      titles[expected[i]]);
  {
    g_autofree char *a = libc_key ("2018.1 – Ana");
    g_autofree char *b = libc_key ("2018.1-Ana");

    if (g_utf8_collate ("2018.1 – Ana", "2018.1-Ana") > 0 && strcmp (a, b) < 0)
      g_test_message ("glibc's strcoll() and strxfrm() disagree on “2018.1 – Ana” and “2018.1-Ana”");
  }
  g_assert_cmpuint (ties[0], >, 50);
  g_assert_cmpuint (ties[1], >, 50);

  setlocale (LC_CTYPE, saved_ctype);
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
  g_test_add_func ("/vocabulary/romanian-collation-ties", test_romanian_collation_ties);

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
