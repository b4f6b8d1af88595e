/* test-cache-search.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search of a dataset's cache, as GNOME Shell's first search is
 * answered while the dataset loads, gives what the index of the loaded
 * dataset gives: the same ids in the same order, for every word, every
 * prefix, facet labels and words together; and a cache that does not
 * stand for its file, or is damaged, is not searched.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "measures-cache.h"
#include "measures-cache-merge.h"
#include "measures-cache-search.h"
#include "measures-error.h"
#include "measures-index.h"
#include "measures-loader.h"
#include "measures-query.h"
#include "measures-text.h"
#include "measures-vocabulary.h"
#include "synthetic-dataset.h"

static char *tmp_dir;

/* The ids the window's search gives, in the dataset's order, at most
 * @max, only those in @only if given. */
static GPtrArray *
index_ids (MeasuresCatalog *catalog,
           const char      *text,
           guint            max,
           GHashTable      *only)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;
  GPtrArray *ids = g_ptr_array_new ();
  const guint *order;
  guint n = measures_index_get_n_measures (catalog->index);

  measures_query_set_search (query, text);
  if (measures_query_get_search_words (query)[0] == NULL)
    return ids;
  result = measures_index_evaluate (catalog->index, query);
  order = measures_index_get_order (catalog->index, MEASURES_SORT_NONE, FALSE);
  for (guint i = 0; i < n && ids->len < max; i++)
    if (measures_bitset_get (result->matches, order[i]))
      {
        const char *id = measures_measure_get_id (measures_index_get_measure (catalog->index, order[i]));

        if (only == NULL || g_hash_table_contains (only, id))
          g_ptr_array_add (ids, (gpointer) id);
      }

  return ids;
}

static void
check_search (MeasuresCatalog     *catalog,
              MeasuresCacheSearch *search,
              const char          *text,
              guint                max,
              GHashTable          *only)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(GPtrArray) expected = index_ids (catalog, text, max, only);
  g_autoptr(GPtrArray) found = NULL;

  measures_query_set_search (query, text);
  found = measures_cache_search_find (search, measures_query_get_search_words (query), max, only);
  g_assert_nonnull (found);
  if (found->len != expected->len)
    g_error ("“%s”: %u ids from the cache, %u from the index", text, found->len, expected->len);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, g_ptr_array_index (expected, i));
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every word of the records' texts and facet labels, whole, cut to its
 * first letters and misspelt, alone and two together, with and without
 * limits and previous results: the cache and the index agree. */
static void
check_dataset (GFile *file)
{
  g_autoptr(MeasuresCatalog) cold = NULL;
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresCacheSearch) search = NULL;
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) only = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint n;

  /* The first load writes the cache; the second reads it, as the
   * provider's own load does. */
  cold = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_no_error (error);
  catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_no_error (error);
  n = measures_index_get_n_measures (catalog->index);

  search = measures_cache_search_open (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (search);
  g_assert_cmpuint (measures_cache_search_get_n_measures (search), ==, n);

  for (guint i = 0; i < n; i++)
    {
      MeasuresMeasure *measure = measures_index_get_measure (catalog->index, i);
      g_autofree char *text = measures_measure_dup_search_text (measure);
      g_autofree char *country = measures_vocabulary_label (MEASURES_FACET_COUNTRY,
                                                            measures_measure_get_country (measure));
      g_autofree char *all = g_strconcat (text, " ", country, " ", measures_measure_get_country (measure), NULL);
      g_auto(GStrv) split = g_regex_split_simple ("[\\s\\p{P}]+", all, 0, 0);

      for (guint w = 0; split[w] != NULL; w++)
        if (*split[w] != '\0')
          g_hash_table_add (words, g_strdup (split[w]));
      if (i % 3 == 0)
        g_hash_table_add (only, (gpointer) measures_measure_get_id (measure));
    }
  for (guint f = 0; f < MEASURES_N_FACETS; f++)
    {
      const char * const *known = measures_vocabulary_get_known (f);

      for (guint v = 0; known != NULL && known[v] != NULL; v++)
        {
          g_autofree char *label = measures_vocabulary_label (f, known[v]);
          g_auto(GStrv) split = g_regex_split_simple ("[\\s\\p{P}]+", label, 0, 0);

          for (guint w = 0; split[w] != NULL; w++)
            if (*split[w] != '\0')
              g_hash_table_add (words, g_strdup (split[w]));
        }
    }

  {
    GHashTableIter iter;
    gpointer word;

    list = g_ptr_array_new ();
    g_hash_table_iter_init (&iter, words);
    while (g_hash_table_iter_next (&iter, &word, NULL))
      g_ptr_array_add (list, word);
    g_ptr_array_sort (list, compare_words);
  }
  g_assert_cmpuint (list->len, >, 10);
  for (guint i = 0; i < list->len; i++)
    {
      const char *word = g_ptr_array_index (list, i);
      const char *next = g_ptr_array_index (list, (i * 7 + 3) % list->len);
      g_autofree char *prefix = g_utf8_substring (word, 0, 2);
      g_autofree char *two = g_strconcat (word, " ", next, NULL);
      g_autofree char *prefixes = g_strconcat (prefix, " ", next, NULL);
      g_autofree char *wrong = g_strconcat (word, "qz", NULL);
      g_autofree char *upper = g_utf8_strup (word, -1);

      check_search (catalog, search, word, G_MAXUINT, NULL);
      check_search (catalog, search, word, 50, NULL);
      check_search (catalog, search, prefix, G_MAXUINT, NULL);
      check_search (catalog, search, prefix, 5, only);
      check_search (catalog, search, two, G_MAXUINT, NULL);
      check_search (catalog, search, prefixes, 50, only);
      check_search (catalog, search, wrong, 50, NULL);
      check_search (catalog, search, upper, 50, NULL);
    }
  check_search (catalog, search, "", 50, NULL);
  check_search (catalog, search, "  ", 50, NULL);

  /* The records read for the Shell's metas are the records loaded. */
  {
    g_autoptr(GPtrArray) ids = NULL;
    g_auto(GStrv) langs = measures_get_content_languages ();
    const char *no_words[] = { NULL };
    const char *first_letter[] = { NULL, NULL };
    g_autofree char *letter = g_utf8_substring (g_ptr_array_index (list, 0), 0, 1);
    g_autofree char *folded = measures_fold (letter);

    first_letter[0] = folded;
    ids = measures_cache_search_find (search, no_words, G_MAXUINT, NULL);
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_ptr_array_unref);

    ids = measures_cache_search_find (search, first_letter, G_MAXUINT, NULL);
    g_assert_nonnull (ids);
    g_assert_cmpuint (ids->len, >, 0);
    for (guint i = 0; i < ids->len; i++)
      {
        const char *id = g_ptr_array_index (ids, i);
        g_autoptr(MeasuresMeasure) read = measures_cache_search_read_measure (search, id);
        MeasuresMeasure *loaded = NULL;
        g_autofree char *read_years = NULL;
        g_autofree char *loaded_years = NULL;

        for (guint k = 0; k < n && loaded == NULL; k++)
          if (g_str_equal (measures_measure_get_id (measures_index_get_measure (catalog->index, k)), id))
            loaded = measures_index_get_measure (catalog->index, k);
        g_assert_nonnull (read);
        g_assert_nonnull (loaded);
        g_assert_cmpstr (measures_measure_get_id (read), ==, id);
        g_assert_cmpstr (measures_measure_get_country (read), ==, measures_measure_get_country (loaded));
        g_assert_cmpstr (measures_measure_resolve_title (read, (const char * const *) langs), ==,
                         measures_measure_resolve_title (loaded, (const char * const *) langs));
        read_years = measures_measure_dup_years_label (read);
        loaded_years = measures_measure_dup_years_label (loaded);
        g_assert_cmpstr (read_years, ==, loaded_years);
      }
    g_assert_null (measures_cache_search_read_measure (search, "not-an-id-it-gave"));
  }
}

static void
test_bundled_data (void)
{
  const char *names[] = { "eleven.json", "twenty-one.json", "unsafe-link.json", "several.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", names[i], NULL);
      g_autofree char *copy = g_build_filename (tmp_dir, names[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GFile) file = NULL;
      gsize length;

      /* A copy, so that its cache is the test's own. */
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
      file = g_file_new_for_path (copy);
      check_dataset (file);
    }
}

static void
test_synthetic (void)
{
  g_autoptr(GBytes) json = synthetic_dataset (3000, 40, 30, 7);
  g_autofree char *path = g_build_filename (tmp_dir, "synthetic.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (json, NULL), g_bytes_get_size (json), NULL));
  check_dataset (file);
}

/* A cache that no longer stands for its file, or that is damaged where
 * the search reads it, is not searched. */
static void
test_not_believed (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "changed.json", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresCacheSearch) search = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  /* No cache yet. */
  search = measures_cache_search_open (file, &error);
  g_assert_null (search);
  g_assert_nonnull (error);
  g_clear_error (&error);

  measures_catalog_free (measures_loader_load_catalog (&file, 1, NULL));
  g_assert_no_error (error);
  search = measures_cache_search_open (file, &error);
  g_assert_no_error (error);
  g_clear_pointer (&search, measures_cache_search_free);

  /* Its file changed: not this cache's any more. */
  {
    g_autofree char *longer = g_strconcat (contents, "\n", NULL);

    g_assert_true (g_file_set_contents (path, longer, -1, NULL));
    search = measures_cache_search_open (file, &error);
    g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
    g_assert_null (search);
    g_clear_error (&error);
  }

  /* Damaged: every byte of a cache set in turn, as far as the search
   * reads, gives a search that answers or none, never a crash. */
  measures_catalog_free (measures_loader_load_catalog (&file, 1, NULL));
  g_assert_no_error (error);
  cache = measures_cache_get_file (file);
  {
    g_autofree char *bytes = NULL;
    gsize size;
    g_autoptr(GFileInfo) info = g_file_query_info (file, "standard::size,time::modified,time::modified-usec",
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_true (g_file_get_contents (g_file_peek_path (cache), &bytes, &size, NULL));
    for (gsize at = 0; at < size; at += 1 + at / 64)
      {
        guint64 *aligned = g_malloc (size + 8);
        g_autoptr(GBytes) damaged = NULL;
        g_autoptr(MeasuresCacheSearch) damaged_search = NULL;
        MeasuresCacheKey key = { uri, g_file_info_get_size (info), 0, 0, TRUE };

        key.mtime = g_file_info_get_attribute_uint64 (info, "time::modified") * G_USEC_PER_SEC +
                    g_file_info_get_attribute_uint32 (info, "time::modified-usec");
        memcpy (aligned, bytes, size);
        ((char *) aligned)[at] ^= 0x5a;
        damaged = g_bytes_new_take (aligned, size);
        damaged_search = measures_cache_search_new_for_bytes (damaged, &key, NULL);
        if (damaged_search != NULL)
          {
            const char *words[] = { "t", NULL };
            g_autoptr(GPtrArray) ids = measures_cache_search_find (damaged_search, words, 50, NULL);

            for (guint i = 0; ids != NULL && i < ids->len; i++)
              g_clear_object (&(MeasuresMeasure *) { measures_cache_search_read_measure (damaged_search,
                                                                                         g_ptr_array_index (ids, i)) });
          }
      }
  }
}

/* My Measures as a test writes it: an edited copy of a bundled measure,
 * one of a record of @other, and a record of one's own. */
static const char own_records[] =
  "{\"format\": \"measures-1\", \"measures\": ["
  "{\"id\": \"romania-2018-national-strategy-against-trafficking-in-persons-2018-2022\","
  " \"country\": \"Romania\", \"region\": \"Europe\", \"year\": {\"from\": 2018, \"to\": 2022},"
  " \"types\": [\"National action plan/Strategy\"], \"forms\": [\"Trafficking\"],"
  " \"title\": {\"en\": \"Annotated trafficking strategy of Romania\"},"
  " \"description\": {\"en\": \"An edited copy, made in a test.\"},"
  " \"edited_from\": {\"dataset\": \"resource:///io/github/measures/Measures/measures.json\"}},"
  "{\"id\": \"test-3\", \"country\": \"Romania\", \"region\": \"Europe\", \"year\": {\"from\": 1999},"
  " \"types\": [\"Violence against women > Legislation\"], \"forms\": [\"Trafficking\"],"
  " \"title\": {\"en\": \"Zebra test record, edited\"},"
  " \"description\": {\"en\": \"An edited copy of a test record.\"}},"
  "{\"id\": \"my-own-record\", \"country\": \"Romania\", \"region\": \"Europe\","
  " \"types\": [\"Violence against women > Legislation\"], \"forms\": [\"Trafficking\"],"
  " \"title\": {\"en\": \"A record of my own about trafficking\"},"
  " \"description\": {\"en\": \"Made up in a test.\"}}"
  "]}";

/* The ids the merged index gives for @text in @sort, at most @max. */
static GPtrArray *
sorted_index_ids (MeasuresCatalog *catalog,
                  const char      *text,
                  MeasuresSort     sort,
                  gboolean         descending,
                  guint           *n_matches)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;
  GPtrArray *ids = g_ptr_array_new ();
  const guint *order;
  guint n = measures_index_get_n_measures (catalog->index);

  measures_query_set_search (query, text);
  result = measures_index_evaluate (catalog->index, query);
  *n_matches = measures_bitset_count (result->matches);
  order = measures_index_get_order (catalog->index, sort, descending);
  for (guint i = 0; i < n && ids->len < 50; i++)
    if (measures_bitset_get (result->matches, order[i]))
      g_ptr_array_add (ids, (gpointer) measures_measure_get_id (measures_index_get_measure (catalog->index,
                                                                                            order[i])));

  return ids;
}

/* Eleven of the bundled measures, a large dataset and a small one with
 * caches, a file that does not exist and My Measures, merged: the caches give what the merged index gives, in
 * each of its orders, and the metas of the records that win. */
static void
test_merged (void)
{
  const char *sorts[] = { "none", "title", "title-descending", "country", "country-descending", "oldest",
                          "newest", "type", "type-descending", "form", "form-descending" };
  const char *texts[] = { "trafficking romania", "annotated", "zebra", "test", "record", "national strategy",
                          "violence", "r", "my own", "xyzzy", "domestic" };
  g_autoptr(GBytes) json = synthetic_dataset (6000, 40, 30, 11);
  g_autofree char *path = g_build_filename (tmp_dir, "merged-synthetic.json", NULL);
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autofree char *small_copy = g_build_filename (tmp_dir, "merged-twenty-one.json", NULL);
  g_autofree char *own_path = g_build_filename (tmp_dir, "merged-my-measures.json", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-file.json", NULL);
  g_autofree char *eleven = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autofree char *eleven_copy = g_build_filename (tmp_dir, "merged-eleven.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *contents_eleven = NULL;
  gsize length;
  GFile *files[5];
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(MeasuresCacheMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (json, NULL), g_bytes_get_size (json), NULL));
  g_assert_true (g_file_get_contents (small, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (small_copy, contents, length, NULL));
  g_assert_true (g_file_get_contents (eleven, &contents_eleven, &length, NULL));
  g_assert_true (g_file_set_contents (eleven_copy, contents_eleven, length, NULL));
  g_assert_true (g_file_set_contents (own_path, own_records, -1, NULL));
  files[0] = g_file_new_for_path (eleven_copy);
  files[1] = g_file_new_for_path (path);
  files[2] = g_file_new_for_path (small_copy);
  files[3] = g_file_new_for_path (missing);
  files[4] = g_file_new_for_path (own_path);

  /* Loaded once, which writes the caches of the two test datasets. */
  catalog = measures_loader_load_catalog (files, G_N_ELEMENTS (files), NULL);
  g_assert_cmpuint (measures_index_get_n_measures (catalog->index), ==, 11 + 6000 + 21 + 1);
  {
    g_autoptr(MeasuresCacheSearch) cached = measures_cache_search_open (files[2], &error);

    g_assert_no_error (error);
    g_assert_nonnull (cached);
  }
  /* My Measures has none, and is read whole. */
  {
    g_autoptr(GFile) own_cache = measures_cache_get_file (files[4]);

    g_assert_cmpint (g_remove (g_file_peek_path (own_cache)), ==, 0);
  }

  merge = measures_cache_merge_open (files, G_N_ELEMENTS (files), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures_cache_merge_get_n_measures (merge), ==,
                    measures_index_get_n_measures (catalog->index));

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      {
        g_autoptr(MeasuresQuery) query = measures_query_new ();
        g_autoptr(GPtrArray) found = NULL;
        g_autoptr(GPtrArray) expected = NULL;
        MeasuresSort sort;
        gboolean descending;
        guint n_matches;

        g_assert_true (measures_sort_from_name (sorts[s], &sort, &descending));
        measures_query_set_search (query, texts[t]);
        expected = sorted_index_ids (catalog, texts[t], sort, descending, &n_matches);
        found = measures_cache_merge_find (merge, query, sort, descending, 50, NULL);
        /* Only many records to sort send it to the index. */
        if (found == NULL)
          {
            g_assert_cmpint (sort, !=, MEASURES_SORT_NONE);
            g_assert_cmpuint (n_matches, >, 2000);
            continue;
          }
        if (found->len != expected->len)
          g_error ("“%s” in %s: %u ids from the caches, %u from the index", texts[t], sorts[s], found->len,
                   expected->len);
        for (guint i = 0; i < found->len; i++)
          g_assert_cmpstr (g_ptr_array_index (found, i), ==, g_ptr_array_index (expected, i));
      }

  /* Each measure, as the index has it: the copies that replace others. */
  for (guint i = 0; i < measures_index_get_n_measures (catalog->index); i++)
    {
      MeasuresMeasure *measure = measures_index_get_measure (catalog->index, i);
      g_autoptr(MeasuresMeasure) read = NULL;

      g_assert_true (measures_cache_merge_read_measure (merge, measures_measure_get_id (measure), &read));
      g_assert_nonnull (read);
      g_assert_cmpstr (measures_measure_resolve_title (read, NULL), ==,
                       measures_measure_resolve_title (measure, NULL));
    }
  {
    g_autoptr(MeasuresMeasure) read = NULL;

    g_assert_true (measures_cache_merge_read_measure (merge, "no-such-measure", &read));
    g_assert_null (read);
    g_assert_true (measures_cache_merge_read_measure (merge, "test-3", &read));
    g_assert_cmpstr (measures_measure_resolve_title (read, NULL), ==, "Zebra test record, edited");
  }

  /* A folder, or a large file without a cache, is loaded. */
  g_object_unref (files[3]);
  files[3] = g_file_new_for_path (tmp_dir);
  g_clear_pointer (&merge, measures_cache_merge_free);
  merge = measures_cache_merge_open (files, G_N_ELEMENTS (files), &error);
  g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
  g_assert_null (merge);
  g_clear_error (&error);
  {
    g_autoptr(GFile) large_cache = measures_cache_get_file (files[1]);

    g_assert_cmpuint (g_bytes_get_size (json), >, 1024 * 1024);
    g_assert_cmpint (g_remove (g_file_peek_path (large_cache)), ==, 0);
  }
  merge = measures_cache_merge_open (files + 1, 1, &error);
  g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
  g_assert_null (merge);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_home = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("measures-cache-search-XXXXXX", &error);
  g_assert_no_error (error);
  cache_home = g_build_filename (tmp_dir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  g_unsetenv ("MEASURES_NO_CACHE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cache-search/bundled-data", test_bundled_data);
  g_test_add_func ("/cache-search/synthetic", test_synthetic);
  g_test_add_func ("/cache-search/not-believed", test_not_believed);
  g_test_add_func ("/cache-search/merged", test_merged);

  status = g_test_run ();

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (command) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }

  return status;
}
