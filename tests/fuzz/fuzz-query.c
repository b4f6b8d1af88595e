/* fuzz-query.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the command line's filter options. The input's
 * lines are, in turn, --country, --region, --type, --form, --year and
 * --search values; the query is then described and matched.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

#include "measures-cli.h"
#include "measures-loader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GPtrArray *measures;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 6);
  const char *one[6][2] = { { NULL } };
  g_autoptr(MeasuresQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_strv_length (lines);

  if (measures == NULL)
    {
      const char *json = "[{\"id\":\"a\",\"country\":\"Romania\",\"region\":\"Europe\",\"year\":\"2019 - 2022\","
                         "\"types\":\"Policies > National strategy\",\"forms\":\"Trafficking\",\"title\":\"Știință\"},"
                         "{\"id\":\"b\",\"country\":\"Kenya\",\"year\":{\"from\":2015}}]";
      g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
      MeasuresDataset *dataset = measures_loader_load_bytes (bytes, NULL, "fuzz.json");

      measures = g_ptr_array_ref (measures_dataset_get_measures (dataset));
    }

  for (guint i = 0; i < n && i < 6; i++)
    one[i][0] = lines[i];

  query = measures_cli_query_new (n > 0 && *lines[0] ? one[0] : NULL,
                                  n > 1 && *lines[1] ? one[1] : NULL,
                                  n > 2 && *lines[2] ? one[2] : NULL,
                                  n > 3 && *lines[3] ? one[3] : NULL,
                                  n > 4 && *lines[4] ? lines[4] : NULL,
                                  n > 5 ? lines[5] : NULL,
                                  &error);
  if (query != NULL)
    {
      g_free (measures_query_describe (query));
      for (guint i = 0; i < measures->len; i++)
        measures_query_matches (query, g_ptr_array_index (measures, i));
    }

  return 0;
}
