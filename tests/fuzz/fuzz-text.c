/* fuzz-text.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: the importer of records copied as text, given valid
 * UTF-8 as the loader gives it, and the description parser.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

#include "measures-importer.h"
#include "measures-text.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *text = NULL;

  /* The loader refuses invalid UTF-8 and NUL bytes before the importer. */
  if (!g_utf8_validate_len ((const char *) data, size, NULL) || memchr (data, '\0', size) != NULL)
    return 0;

  text = g_strndup ((const char *) data, size);
  dataset = measures_importer_load_text (text, size, NULL, "fuzz.txt");
  blocks = measures_text_parse_blocks (text);
  g_free (measures_importer_derive_title (text));
  g_free (measures_fold_words (text));

  return 0;
}
