/* fuzz-common.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the fuzz targets do with the measures they manage to load: what
 * the window and the command line do next with a dataset.
 */

#pragma once

#include "measures-index.h"
#include "measures-loader.h"

/* A critical or a warning is a bug, as in the tests: the fuzzer stops on
 * it and keeps the input, instead of leaving it in its log. */
__attribute__((constructor)) static void
fuzz_fatal_warnings (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Indexes @measures, searches them and writes them back as JSON. */
static inline void
fuzz_use_measures (GPtrArray *measures)
{
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(MeasuresQuery) query = NULL;
  g_autoptr(MeasuresResult) result = NULL;

  if (measures->len == 0)
    return;

  index = measures_index_new (measures);
  query = measures_query_new ();
  measures_query_set_search (query, "a");
  result = measures_index_evaluate (index, query);
  g_free (measures_measure_list_to_json (measures, NULL));
}
