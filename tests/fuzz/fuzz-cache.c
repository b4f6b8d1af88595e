/* fuzz-cache.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes read as a cache, as a load would read one
 * found in $XDG_CACHE_HOME, then through the index and the JSON writer.
 * The key is taken from the input itself and its checksum is set right,
 * so that mutations reach the checks of the records rather than stopping
 * at the first two; the checksum's own check is tested in test-cache.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "measures-cache.h"
#include "measures-cache-search.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Aligned, as a mapped file is. */
  guint64 *aligned = g_malloc0 (size / 8 * 8 + 8);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) cache = NULL;
  g_autoptr(GVariant) checksum = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/fuzz.json");
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autofree char *uri = NULL;
  MeasuresCacheKey key = { NULL, };

  memcpy (aligned, data, size);
  bytes = g_bytes_new_take (aligned, size);

  cache = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MEASURES_CACHE_TYPE), bytes, FALSE));
  g_variant_get_child (cache, 2, "s", &uri);
  g_variant_get_child (cache, 3, "t", &key.size);
  g_variant_get_child (cache, 4, "t", &key.mtime);
  key.uri = uri;
  key.any_fingerprint = TRUE;

  checksum = g_variant_get_child_value (cache, MEASURES_CACHE_CHECKSUM);
  if (g_variant_get_data (checksum) != NULL && g_variant_get_size (checksum) == 8)
    {
      gsize at = (const char *) g_variant_get_data (checksum) - (const char *) aligned;

      if (at + 8 <= size)
        {
          guint64 sum = measures_cache_fingerprint ((const char *) aligned, at);

          memcpy ((char *) aligned + at, &sum, 8);
        }
    }

  dataset = measures_cache_read_bytes (bytes, file, "fuzz.json", &key, NULL);
  if (dataset != NULL)
    fuzz_use_measures (measures_dataset_get_measures (dataset));

  /* The search of the cache the search provider makes while it loads,
   * which checks less of it: searched, and the records it gives read. */
  {
    g_autoptr(MeasuresCacheSearch) search = measures_cache_search_new_for_bytes (bytes, &key, NULL);
    const char *words[][3] = { { "a", NULL }, { "t", "r", NULL }, { "europe", NULL } };

    for (guint w = 0; search != NULL && w < G_N_ELEMENTS (words); w++)
      {
        g_autoptr(GPtrArray) ids = measures_cache_search_find (search, words[w], 5, NULL);

        for (guint i = 0; ids != NULL && i < ids->len; i++)
          {
            g_autoptr(MeasuresMeasure) measure = measures_cache_search_read_measure (search,
                                                                                     g_ptr_array_index (ids, i));

            if (measure != NULL)
              g_free (measures_measure_dup_search_text (measure));
          }
      }
  }

  return 0;
}
