/* fuzz-json.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: any bytes through the dataset loader (JSON, or text
 * records when they do not look like JSON), then through the index and
 * the JSON writer, as the window and the command line use them.
 */

#include "config.h"

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(MeasuresDataset) dataset = measures_loader_load_bytes (bytes, NULL, "fuzz.json");
  GPtrArray *measures = measures_dataset_get_measures (dataset);

  for (guint i = 0; i < measures_dataset_get_problems (dataset)->len; i++)
    g_free (measures_problem_to_string (g_ptr_array_index (measures_dataset_get_problems (dataset), i)));

  fuzz_use_measures (measures);

  return 0;
}
