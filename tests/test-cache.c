/* test-cache.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The binary cache: what a warm load reads is what a cold load read; a
 * cache that no longer stands for its file, or is cut short, damaged or of
 * another version, is never believed, and is written anew.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "measures-cache.h"
#include "measures-error.h"
#include "measures-index.h"
#include "measures-loader.h"
#include "measures-query.h"

static char *tmp_dir;
static GPtrArray *uris;   /* of the keys made, freed at the end */

/* A dataset with every kind of field, records in both languages, unknown
 * keys, open and missing years, and words in many scripts. */
static char *
make_dataset (guint n)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"measures-1\", \"note\": {\"kept\": [1, 2]}, \"measures\": [\n");
  const char *countries[] = { "Romania", "Republic of Moldova", "Ukraine", "Ελλάδα", "Türkiye" };
  const char *forms[] = { "Trafficking", "Domestic violence", "Femicide", "Sexual harassment" };

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (json,
                              "%s{\"id\": \"m-%u\", \"country\": \"%s\", \"region\": \"Europe\", "
                              "\"title\": {\"en\": \"Strategy %u against trafficking\", \"ro\": \"Strategia %u împotriva traficului\"}, "
                              "\"description\": \"Măsuri %u: ștergere, țară, <b>&amp;</b> \\\"quoted\\\" ünïcödé 東京 %u\", "
                              "\"types\": [\"Policies > National strategy specific to violence against women\"], "
                              "\"forms\": [\"%s\"], \"source\": {\"en\": \"Source %u\"}, \"url\": \"https://example.org/%u\"",
                              i > 0 ? ",\n" : "", i, countries[i % G_N_ELEMENTS (countries)], i, i, i, i * 7,
                              forms[i % G_N_ELEMENTS (forms)], i, i);
      if (i % 3 == 0)
        g_string_append_printf (json, ", \"year\": {\"from\": %u, \"to\": %u}", 2000 + i % 20, 2003 + i % 20);
      else if (i % 3 == 1)
        g_string_append_printf (json, ", \"year\": {\"from\": %u}", 2000 + i % 20);
      if (i % 5 == 0)
        g_string_append (json, ", \"x-notes\": {\"reviewed\": true}, \"title_derived\": true, "
                         "\"classification\": {\"en\": \"Classified by hand\", \"ro\": \"Clasificată de mână\"}");
      g_string_append (json, "}");
    }
  g_string_append (json, "\n]}\n");

  return g_string_free (g_steal_pointer (&json), FALSE);
}

static GFile *
write_dataset (const char *name,
               const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static char *
serialize (MeasuresCatalog *catalog)
{
  return measures_measure_list_to_json (catalog->measures, NULL);
}

static guint
count_search (MeasuresCatalog *catalog,
              const char      *text)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;

  measures_query_set_search (query, text);
  result = measures_index_evaluate (catalog->index, query);

  return result->n_matches;
}

static MeasuresCacheKey
key_for (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, "standard::size,time::modified,time::modified-usec",
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  MeasuresCacheKey key = { NULL, };

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  key.uri = g_file_get_uri (file);
  g_ptr_array_add (uris, (gpointer) key.uri);
  key.size = length;
  key.mtime = g_file_info_get_attribute_uint64 (info, "time::modified") * G_USEC_PER_SEC +
              g_file_info_get_attribute_uint32 (info, "time::modified-usec");
  key.fingerprint = measures_cache_fingerprint (contents, length);

  return key;
}

/* A cold load writes the cache; a warm load reads it and gives the same
 * records, the same searches and the same unknown keys. */
static void
test_round_trip (void)
{
  g_autofree char *json = make_dataset (300);
  g_autoptr(GFile) file = write_dataset ("round-trip.json", json);
  g_autoptr(GFile) cache = measures_cache_get_file (file);
  g_autoptr(MeasuresCatalog) cold = NULL;
  g_autoptr(MeasuresCatalog) warm = NULL;
  g_autofree char *cold_json = NULL;
  g_autofree char *warm_json = NULL;
  const char *searches[] = { "strat", "stergere", "ȚARĂ", "東京", "quot", "b", "amp", "romania", "trafic", "europe" };

  g_file_delete (cache, NULL, NULL);
  cold = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_true (g_file_query_exists (cache, NULL));
  warm = measures_loader_load_catalog (&file, 1, NULL);

  g_assert_cmpuint (warm->measures->len, ==, 300);
  cold_json = serialize (cold);
  warm_json = serialize (warm);
  g_assert_cmpstr (cold_json, ==, warm_json);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      guint n = count_search (cold, searches[i]);

      g_assert_cmpuint (n, ==, count_search (warm, searches[i]));
      if (i < 5)
        g_assert_cmpuint (n, >, 0);
    }
}

/* Records imported from text keep no words until the cache is written:
 * a warm load of them gives the same records and searches. */
static void
test_round_trip_text (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "several.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) cache = NULL;
  g_autoptr(MeasuresCatalog) cold = NULL;
  g_autoptr(MeasuresCatalog) warm = NULL;
  g_autofree char *cold_json = NULL;
  g_autofree char *warm_json = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  file = write_dataset ("several.txt", text);
  cache = measures_cache_get_file (file);

  cold = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (cold->measures->len, >, 1);
  g_assert_true (g_file_query_exists (cache, NULL));
  warm = measures_loader_load_catalog (&file, 1, NULL);

  cold_json = serialize (cold);
  warm_json = serialize (warm);
  g_assert_cmpstr (cold_json, ==, warm_json);
  g_assert_cmpuint (count_search (cold, "trafficking"), ==, count_search (warm, "trafficking"));
  g_assert_cmpuint (count_search (warm, "trafficking"), >, 0);
}

/* What the writer puts together by hand is a GVariant in normal form. */
static void
test_normal_form (void)
{
  g_autofree char *json = make_dataset (40);
  g_autoptr(GFile) file = write_dataset ("normal.json", json);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  MeasuresCacheKey key = key_for (file);
  g_autoptr(GBytes) bytes = measures_cache_serialize (dataset, &key);
  g_autoptr(GVariant) variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MEASURES_CACHE_TYPE),
                                                                              bytes, FALSE));
  g_autoptr(MeasuresDataset) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *magic;
  guint64 size;

  g_assert_true (g_variant_is_normal_form (variant));
  g_variant_get_child (variant, 0, "&s", &magic);
  g_variant_get_child (variant, 3, "t", &size);
  g_assert_cmpstr (magic, ==, "measures-cache");
  g_assert_cmpuint (size, ==, key.size);

  back = measures_cache_read_bytes (bytes, file, "normal.json", &key, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures_dataset_get_n_measures (back), ==, 40);
}

/* A cache for another state of the file, or of another version, is not
 * used. */
static void
test_stale (void)
{
  g_autofree char *json = make_dataset (20);
  g_autoptr(GFile) file = write_dataset ("stale.json", json);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  MeasuresCacheKey key = key_for (file);
  g_autoptr(GBytes) bytes = measures_cache_serialize (dataset, &key);
  const struct {
    const char *what;
    gsize offset;      /* of a byte to change, or 0 for the key */
    int field;
  } cases[] = {
    { "size", 0, 0 },
    { "mtime", 0, 1 },
    { "fingerprint", 0, 2 },
    { "uri", 0, 3 },
    { "version", 16, -1 },
    { "magic", 3, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MeasuresCacheKey other = key;
      g_autoptr(GBytes) changed = NULL;
      g_autoptr(MeasuresDataset) read = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (cases[i].offset > 0)
        data[cases[i].offset] ^= 0x5a;
      else if (cases[i].field == 0)
        other.size++;
      else if (cases[i].field == 1)
        other.mtime += G_USEC_PER_SEC;
      else if (cases[i].field == 2)
        other.fingerprint ^= 1;
      else
        other.uri = "file:///elsewhere.json";

      changed = g_bytes_new_take (g_steal_pointer (&data), g_bytes_get_size (bytes));
      read = measures_cache_read_bytes (changed, file, "stale.json", &other, &error);
      g_test_message ("%s: %s", cases[i].what, error != NULL ? error->message : "read");
      g_assert_null (read);
      g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
    }
}

/* A file changed without a change of size or time: the fingerprint tells,
 * and the load reads the new records and writes a new cache. */
static void
test_changed_file (void)
{
  g_autofree char *json = make_dataset (30);
  g_autoptr(GFile) file = write_dataset ("changed.json", json);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(MeasuresCatalog) first = NULL;
  g_autoptr(MeasuresCatalog) second = NULL;
  g_autoptr(MeasuresCatalog) third = NULL;
  char *at;

  first = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (count_search (first, "strategia"), ==, 30);

  info = g_file_query_info (file, "time::modified,time::modified-usec", G_FILE_QUERY_INFO_NONE, NULL, NULL);
  at = strstr (json, "Strategia 7 ");
  memcpy (at, "Programul ", 10);
  g_assert_true (g_file_set_contents (g_file_peek_path (file), json, -1, NULL));
  g_assert_true (g_file_set_attribute_uint64 (file, "time::modified",
                                              g_file_info_get_attribute_uint64 (info, "time::modified"),
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
  g_assert_true (g_file_set_attribute_uint32 (file, "time::modified-usec",
                                              g_file_info_get_attribute_uint32 (info, "time::modified-usec"),
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));

  second = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (count_search (second, "strategia"), ==, 29);
  g_assert_cmpuint (count_search (second, "programul"), ==, 1);

  /* The new cache stands for the new contents. */
  third = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (count_search (third, "programul"), ==, 1);
}

/* A cache cut at every 4 KB boundary, or with bytes changed, is rejected
 * (and were the checksum ever fooled, what it holds still keeps every
 * rule of a loaded record), and never crashes. */
static void
test_cut_and_damaged (void)
{
  g_autofree char *json = make_dataset (400);
  g_autoptr(GFile) file = write_dataset ("cut.json", json);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  MeasuresCacheKey key = key_for (file);
  g_autoptr(GBytes) bytes = measures_cache_serialize (dataset, &key);
  gsize size = g_bytes_get_size (bytes);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint n_cuts = 0, n_damaged_read = 0;

  g_assert_cmpuint (size, >, 64 * 1024);

  for (gsize cut = 0; cut < size; cut += 4096, n_cuts++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (bytes, 0, cut);
      g_autoptr(GBytes) copy = g_bytes_new (g_bytes_get_data (part, NULL), cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresDataset) read = measures_cache_read_bytes (copy, file, "cut.json", &key, &error);

      g_assert_null (read);
      g_assert_nonnull (error);
    }
  g_test_message ("%u cuts of a %" G_GSIZE_FORMAT "-byte cache, all rejected", n_cuts, size);
  g_assert_cmpuint (n_cuts, >, 16);

  for (guint round = 0; round < 300; round++)
    {
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
      g_autoptr(GBytes) damaged = NULL;
      g_autoptr(MeasuresDataset) read = NULL;
      MeasuresCacheKey any = key;

      for (guint k = 0; k < 1 + round % 8; k++)
        data[g_rand_int_range (rand, 0, size)] ^= g_rand_int_range (rand, 1, 256);
      damaged = g_bytes_new_take (g_steal_pointer (&data), size);
      any.any_fingerprint = TRUE;
      read = measures_cache_read_bytes (damaged, file, "cut.json", &any, NULL);

      /* Whatever is read keeps the rules of a loaded record. */
      if (read != NULL)
        {
          GPtrArray *measures = measures_dataset_get_measures (read);

          n_damaged_read++;
          for (guint i = 0; i < measures->len; i++)
            {
              MeasuresMeasure *m = g_ptr_array_index (measures, i);

              g_assert_true (g_utf8_validate (measures_measure_get_id (m), -1, NULL));
              g_assert_true (*measures_measure_get_country (m) != '\0');
              g_assert_true (measures_measure_get_year_to (m) == MEASURES_YEAR_NONE ||
                             measures_measure_get_year_to (m) >= measures_measure_get_year_from (m));
            }
        }
    }
  g_test_message ("%u of 300 damaged caches read", n_damaged_read);
  g_assert_cmpuint (n_damaged_read, ==, 0);
}

/* A damaged cache on disk is ignored and replaced; the load is right. */
static void
test_damaged_on_disk (void)
{
  g_autofree char *json = make_dataset (50);
  g_autoptr(GFile) file = write_dataset ("disk.json", json);
  g_autoptr(GFile) cache = measures_cache_get_file (file);
  g_autoptr(MeasuresCatalog) first = measures_loader_load_catalog (&file, 1, NULL);
  g_autoptr(MeasuresCatalog) second = NULL;
  g_autoptr(MeasuresCatalog) third = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* The first load wrote the cache that is damaged here. */
  g_assert_cmpuint (first->measures->len, ==, 50);
  g_assert_true (g_file_load_contents (cache, NULL, &contents, &length, NULL, NULL));
  g_assert_true (g_file_set_contents (g_file_peek_path (cache), contents, length / 2, NULL));

  second = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (second->measures->len, ==, 50);
  g_assert_cmpuint (second->problems->len, ==, 0);

  /* Written anew, whole. */
  {
    MeasuresCacheKey key = key_for (file);
    g_autoptr(GError) error = NULL;
    g_autoptr(MeasuresDataset) read = measures_cache_read (cache, file, "disk.json", &key, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (measures_dataset_get_n_measures (read), ==, 50);
  }

  g_assert_true (g_file_set_contents (g_file_peek_path (cache), "not a cache at all", -1, NULL));
  third = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (third->measures->len, ==, 50);
}

/* The bytes of @cache with every byte from @from to the nul after it
 * made @fill, and the checksum set right again, as a crafted cache would
 * have it. */
static GBytes *
overwrite_text (GBytes     *cache,
                const char *from,
                char        fill)
{
  gsize size = g_bytes_get_size (cache);
  guint64 *aligned = g_malloc0 (size / 8 * 8 + 8);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) checksum = NULL;
  char *data = (char *) aligned;
  char *at;
  gsize where;
  guint64 sum;

  memcpy (aligned, g_bytes_get_data (cache, NULL), size);
  at = memmem (data, size, from, strlen (from));
  g_assert_nonnull (at);
  memset (at, fill, strlen (at));
  bytes = g_bytes_new_take (aligned, size);

  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MEASURES_CACHE_TYPE), bytes, FALSE));
  checksum = g_variant_get_child_value (variant, MEASURES_CACHE_CHECKSUM);
  where = (const char *) g_variant_get_data (checksum) - data;
  sum = measures_cache_fingerprint (data, where);
  memcpy (data + where, &sum, 8);

  return g_steal_pointer (&bytes);
}

/* A copy of @cache, aligned, with the bytes of member @child changed by
 * @change and the checksum set right again. */
static GBytes *
craft_member (GBytes *cache,
              guint   child,
              void  (*change)(guint8 *data, gsize size))
{
  gsize size = g_bytes_get_size (cache);
  guint64 *aligned = g_malloc0 (size / 8 * 8 + 8);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) member = NULL;
  g_autoptr(GVariant) checksum = NULL;
  char *data = (char *) aligned;
  gsize where;
  guint64 sum;

  memcpy (aligned, g_bytes_get_data (cache, NULL), size);
  bytes = g_bytes_new_take (aligned, size);
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MEASURES_CACHE_TYPE), bytes, FALSE));
  member = g_variant_get_child_value (variant, child);
  change ((guint8 *) data + ((const char *) g_variant_get_data (member) - data), g_variant_get_size (member));

  checksum = g_variant_get_child_value (variant, MEASURES_CACHE_CHECKSUM);
  where = (const char *) g_variant_get_data (checksum) - data;
  sum = measures_cache_fingerprint (data, where);
  memcpy (data + where, &sum, 8);

  return g_steal_pointer (&bytes);
}

static void
swap_first_words (guint8 *data,
                  gsize   size)
{
  guint32 first;

  g_assert_cmpuint (size, >=, 8);
  memcpy (&first, data, 4);
  memmove (data, data + 4, 4);
  memcpy (data + 4, &first, 4);
}

static void
cut_last_posting (guint8 *data,
                  gsize   size)
{
  g_assert_cmpuint (size, >, 0);
  data[size - 1] |= 0x80;
}

static void
posting_past_the_end (guint8 *data,
                      gsize   size)
{
  g_assert_cmpuint (size, >, 0);
  data[size - 1] = 0x7F;
}

static void
end_past_the_postings (guint8 *data,
                       gsize   size)
{
  guint64 end = G_MAXUINT32;

  g_assert_cmpuint (size, >=, 8);
  memcpy (data + size - 8, &end, 8);
}

static void
invalid_byte_in_strings (guint8 *data,
                         gsize   size)
{
  g_assert_cmpuint (size, >, 64);
  data[size / 2] = 0xFF;
}

static void
overlong_at_the_end (guint8 *data,
                     gsize   size)
{
  g_assert_cmpuint (size, >, 64);
  data[size - 3] = 0xC0;
  data[size - 2] = 0xAF;
}

/* Crafted caches, checksum and all, whose strings are not UTF-8, in the
 * middle of the text or in its last string: not used. */
static void
test_bad_strings (void)
{
  g_autofree char *json = make_dataset (30);
  g_autoptr(GFile) file = write_dataset ("strings.json", json);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  MeasuresCacheKey key = key_for (file);
  g_autoptr(GBytes) bytes = measures_cache_serialize (dataset, &key);
  void (*changes[]) (guint8 *, gsize) = { invalid_byte_in_strings, overlong_at_the_end };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(GBytes) crafted = craft_member (bytes, 6, changes[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresDataset) read = measures_cache_read_bytes (crafted, file, "strings.json", &key, &error);

      g_assert_null (read);
      g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
      g_assert_cmpstr (error->message, ==, "the cache is not usable: not UTF-8");
    }
}

/* Crafted caches, checksum and all, whose word index is wrong: words out
 * of order, a list cut in the middle of a number, a list naming a record
 * past the last, a list ending past the lists. None is used. */
static void
test_bad_word_index (void)
{
  g_autofree char *json = make_dataset (30);
  g_autoptr(GFile) file = write_dataset ("words.json", json);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_file (file, NULL);
  MeasuresCacheKey key = key_for (file);
  g_autoptr(GBytes) bytes = measures_cache_serialize (dataset, &key);
  const struct {
    guint child;
    void (*change) (guint8 *data, gsize size);
  } cases[] = {
    { 9, swap_first_words },
    { 11, cut_last_posting },
    { 11, posting_past_the_end },
    { 10, end_past_the_postings },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) crafted = craft_member (bytes, cases[i].child, cases[i].change);
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresDataset) read = measures_cache_read_bytes (crafted, file, "words.json", &key, &error);

      g_assert_null (read);
      g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
      g_assert_cmpstr (error->message, ==, "the cache is not usable: a bad word index");
    }
}

/* Unknown keys of every kind come back from the cache as they were
 * read, read when first asked for or, where the cache's check of them
 * declines them (a number too long for it, a key given twice), by
 * json-glib at once; text that is not an object is refused. */
static void
test_unknown_keys (void)
{
  const char *json =
    "[{\"country\": \"Romania\", \"x\": {\"a\": 1, \"b\": -2.5e3, \"c\": [true, false, null, \"ț\\u00e9\\n\"],"
    " \"d\": {}, \"e\": [], \"f\": 0, \"g\": 1e-3}},"
    " {\"country\": \"France\", \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6,"
    " \"k7\": 7, \"k8\": 8, \"k9\": 9, \"k10\": 10, \"k11\": {\"k1\": \"\\\"q\\\"\"}},"
    " {\"country\": \"Spain\", \"big\": 1234567890123456789012, \"small\": 1e-400},"
    " {\"country\": \"Italy\", \"y\": {\"same\": 1, \"same\": 2}},"
    " {\"country\": \"Chad\", \"z\": [[[[\"deep\"]]]]},"
    " {\"id\": \"a1\", \"country\": \"Atlantis\", \"w\": 1},"
    " {\"id\": \"r2\", \"country\": \"Romania\", \"w\": 2},"
    " {\"id\": \"a3\", \"country\": \"Atlantis\", \"w\": 3},"
    " {\"id\": \"c4\", \"country\": \"Chad\", \"w\": 4}]";
  g_autoptr(GFile) file = write_dataset ("unknown-keys.json", json);
  g_autoptr(GFile) cache = measures_cache_get_file (file);
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MeasuresCatalog) cold = NULL;
  g_autoptr(MeasuresCatalog) warm = NULL;
  g_autofree char *cold_json = NULL;
  g_autofree char *warm_json = NULL;
  MeasuresCacheKey key;

  g_file_delete (cache, NULL, NULL);
  cold = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_true (g_file_query_exists (cache, NULL));
  warm = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (warm->measures->len, ==, 9);
  cold_json = serialize (cold);
  warm_json = serialize (warm);
  g_assert_cmpstr (cold_json, ==, warm_json);
  for (guint i = 0; i < warm->measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (warm->measures, i);

      g_assert_nonnull (measures_measure_get_extra (measure));
      /* The region each country is known by, looked up once per country. */
      g_assert_cmpstr (measures_measure_get_region (measure), ==,
                       measures_measure_get_region (g_ptr_array_index (cold->measures, i)));
    }
  g_assert_cmpstr (measures_measure_get_region (g_ptr_array_index (warm->measures, 0)), ==, "Europe");
  g_assert_cmpstr (measures_measure_get_region (g_ptr_array_index (warm->measures, 4)), ==, "Africa");
  g_assert_null (measures_measure_get_region (g_ptr_array_index (warm->measures, 5)));
  g_assert_cmpstr (measures_measure_get_region (g_ptr_array_index (warm->measures, 6)), ==, "Europe");
  g_assert_null (measures_measure_get_region (g_ptr_array_index (warm->measures, 7)));
  g_assert_cmpstr (measures_measure_get_region (g_ptr_array_index (warm->measures, 8)), ==, "Africa");

  /* Unknown keys that are JSON, but not an object. */
  dataset = measures_loader_load_file (file, NULL);
  key = key_for (file);
  bytes = measures_cache_serialize (dataset, &key);
  for (guint i = 0; i < 2; i++)
    {
      const char *from[] = { "{\"y\":", "{\"z\":" };
      g_autoptr(GBytes) crafted = overwrite_text (bytes, from[i], i == 0 ? '1' : ' ');
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresDataset) read = measures_cache_read_bytes (crafted, file, "unknown-keys.json", &key, &error);

      g_assert_null (read);
      g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
      g_assert_cmpstr (error->message, ==, "the cache is not usable: bad unknown keys");
    }
}

/* A crafted cache, checksum and all, whose unknown keys are nested
 * 400,000 levels deep: refused before json-glib, which would overflow
 * its stack, and written anew from the file. */
static void
test_deep_unknown_keys (void)
{
  g_autoptr(GString) json = g_string_new ("[{\"country\": \"Romania\", \"x-pad\": \"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) cache = NULL;
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) crafted = NULL;
  g_autoptr(MeasuresDataset) read = NULL;
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresCacheKey key;

  for (guint i = 0; i < 400000; i++)
    g_string_append_c (json, 'a');
  g_string_append (json, "\"}]");
  file = write_dataset ("deep-keys.json", json->str);
  cache = measures_cache_get_file (file);
  dataset = measures_loader_load_file (file, NULL);
  key = key_for (file);
  bytes = measures_cache_serialize (dataset, &key);

  crafted = overwrite_text (bytes, "{\"x-pad\":\"", '[');
  read = measures_cache_read_bytes (crafted, file, "deep-keys.json", &key, &error);
  g_assert_null (read);
  g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "the cache is not usable: bad unknown keys");
  g_clear_error (&error);

  /* On disk, in place of the cache: the file is read instead, and its
   * cache written anew. */
  g_assert_true (g_file_set_contents (g_file_peek_path (cache), g_bytes_get_data (crafted, NULL),
                                      g_bytes_get_size (crafted), NULL));
  catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (catalog->measures->len, ==, 1);
  g_assert_cmpuint (catalog->problems->len, ==, 0);
  g_clear_object (&read);
  read = measures_cache_read (cache, file, "deep-keys.json", &key, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (measures_dataset_get_n_measures (read), ==, 1);
}

/* A FIFO, or a link to /dev/zero, in place of the cache: not waited on
 * nor read; the dataset is read instead and its cache written over it. */
static void
test_special_cache (void)
{
  g_autofree char *json = make_dataset (20);
  g_autoptr(GFile) file = write_dataset ("special-cache.json", json);
  g_autoptr(GFile) cache = measures_cache_get_file (file);
  g_autoptr(GFile) folder = g_file_get_parent (cache);
  const char *path = g_file_peek_path (cache);

  g_assert_cmpint (g_mkdir_with_parents (g_file_peek_path (folder), 0700), ==, 0);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(MeasuresCatalog) catalog = NULL;
      g_autoptr(MeasuresDataset) read = NULL;
      g_autoptr(GError) error = NULL;
      MeasuresCacheKey key = key_for (file);

      g_unlink (path);
      if (round == 0)
        g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      else
        g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);

      read = measures_cache_read (cache, file, "special-cache.json", &key, &error);
      g_assert_null (read);
      g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE);
      g_assert_cmpstr (error->message, ==, "the cache is not usable: not a regular file");
      g_clear_error (&error);

      catalog = measures_loader_load_catalog (&file, 1, NULL);
      g_assert_cmpuint (catalog->measures->len, ==, 20);
      g_assert_cmpuint (catalog->problems->len, ==, 0);
      g_assert_cmpint (g_file_query_file_type (cache, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL), ==,
                       G_FILE_TYPE_REGULAR);
      read = measures_cache_read (cache, file, "special-cache.json", &key, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (measures_dataset_get_n_measures (read), ==, 20);
    }
}

/* Records with no text have no words: their cache has no array of
 * words at all, and reads back. */
static void
test_no_words (void)
{
  g_autoptr(GFile) file = write_dataset ("no-words.json",
                                         "[{\"country\": \"Romania\"}, {\"country\": \"Ukraine\", \"year\": 2019}]");
  g_autoptr(GFile) cache = measures_cache_get_file (file);
  g_autoptr(MeasuresCatalog) cold = NULL;
  g_autoptr(MeasuresCatalog) warm = NULL;
  g_autofree char *cold_json = NULL;
  g_autofree char *warm_json = NULL;

  cold = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_true (g_file_query_exists (cache, NULL));
  warm = measures_loader_load_catalog (&file, 1, NULL);

  g_assert_cmpuint (warm->measures->len, ==, 2);
  cold_json = serialize (cold);
  warm_json = serialize (warm);
  g_assert_cmpstr (cold_json, ==, warm_json);
  g_assert_cmpuint (count_search (warm, "romania"), ==, 1);
}

/* A dataset with problems is not cached: its messages are made afresh. */
static void
test_problems_not_cached (void)
{
  g_autoptr(GFile) file = write_dataset ("problems.json",
                                         "[{\"country\": \"Romania\", \"title\": \"One\"}, {\"title\": \"No country\"}]");
  g_autoptr(GFile) cache = measures_cache_get_file (file);
  g_autoptr(MeasuresCatalog) catalog = measures_loader_load_catalog (&file, 1, NULL);

  g_assert_cmpuint (catalog->measures->len, ==, 1);
  g_assert_cmpuint (catalog->problems->len, ==, 1);
  g_assert_false (g_file_query_exists (cache, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_home = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("measures-cache-XXXXXX", &error);
  g_assert_no_error (error);
  cache_home = g_build_filename (tmp_dir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  uris = g_ptr_array_new_with_free_func (g_free);
  g_unsetenv ("MEASURES_NO_CACHE");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cache/round-trip", test_round_trip);
  g_test_add_func ("/cache/round-trip-text", test_round_trip_text);
  g_test_add_func ("/cache/normal-form", test_normal_form);
  g_test_add_func ("/cache/stale", test_stale);
  g_test_add_func ("/cache/changed-file", test_changed_file);
  g_test_add_func ("/cache/cut-and-damaged", test_cut_and_damaged);
  g_test_add_func ("/cache/damaged-on-disk", test_damaged_on_disk);
  g_test_add_func ("/cache/problems-not-cached", test_problems_not_cached);
  g_test_add_func ("/cache/no-words", test_no_words);
  g_test_add_func ("/cache/unknown-keys", test_unknown_keys);
  g_test_add_func ("/cache/deep-unknown-keys", test_deep_unknown_keys);
  g_test_add_func ("/cache/bad-word-index", test_bad_word_index);
  g_test_add_func ("/cache/bad-strings", test_bad_strings);
  g_test_add_func ("/cache/special-cache", test_special_cache);

  status = g_test_run ();
  g_ptr_array_unref (uris);

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    if (system (command) != 0)
      g_printerr ("could not remove %s\n", tmp_dir);
  }

  return status;
}
