/* test-chart-utils.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers the chart tests share.
 */

#pragma once

#include <string.h>

#include "measures-chart.h"
#include "measures-loader.h"

/* The figures of the first eleven bundled measures (tests/data/eleven.json)
 * that @query matches (all of them for %NULL). */
static inline MeasuresOverview *
bundled_overview (MeasuresCatalog **catalog,
                  MeasuresQuery    *query)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(MeasuresQuery) all = measures_query_new ();

  *catalog = measures_loader_load_catalog (&file, 1, NULL);
  g_assert_cmpuint (measures_index_get_n_measures ((*catalog)->index), ==, 11);
  result = measures_index_evaluate ((*catalog)->index, query != NULL ? query : all);

  /* A fixed current year, so that open-ended periods draw the same. */
  return measures_overview_new ((*catalog)->index, result->matches, 2026);
}

/* The figures of all the measures of @json, a dataset; @index gets
 * their index, which the figures borrow from. */
static inline MeasuresOverview *
overview_of (const char     *json,
             MeasuresIndex **index)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "chart.json");
  g_autoptr(MeasuresBitset) all = NULL;

  *index = measures_index_new (measures_dataset_get_measures (dataset));
  all = measures_bitset_new (measures_index_get_n_measures (*index));
  measures_bitset_fill (all);

  return measures_overview_new (*index, all, 2026);
}
